"""The typed change set: every kind a view watches is a real kind of record, a write reports
what it touched as ``Change`` members, and a hidden view waits until it is shown."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest
from ui_support import idle

from casefile.db.models import Base
from casefile.services.incidents import IncidentData, save_incident
from casefile.services.places import PlaceData, save_place
from ui.core.changes import Change, change_set, in_sight


def _ui_modules():
    import ui

    for info in pkgutil.walk_packages(ui.__path__, "ui."):
        yield importlib.import_module(info.name)


def test_every_kind_of_change_is_a_table_of_the_case_and_every_record_has_one():
    tables = {mapper.class_.__tablename__ for mapper in Base.registry.mappers}
    assert {c.value for c in Change} == tables


def test_every_watched_kind_is_a_change_member():
    """What each view declares it watches: ``Change`` members only (a bare string that
    names no table would never match), and never nothing."""
    declared = {}
    for module in _ui_modules():
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and "watches" in vars(cls):
                declared[f"{module.__name__}.{name}"] = vars(cls)["watches"]
        for name in ("IMPORT_CHANGES", "KINDS"):
            if hasattr(module, name) and getattr(module, name).__class__ is not type:
                value = getattr(module, name)
                kinds = value if name == "IMPORT_CHANGES" else frozenset().union(
                    *(row[-1] for row in value))
                declared[f"{module.__name__}.{name}"] = kinds
    views = {"ui.linked.timeline_view.TimelineView", "ui.linked.graph_view.GraphView",
             "ui.linked.map_view.MapView", "ui.desk.viewer_view.DocumentViewer",
             "ui.desk.group_review_view.GroupReviewView", "ui.desk.import_flow.IMPORT_CHANGES"}
    assert views <= declared.keys()
    for where, kinds in declared.items():
        if where.endswith((".LinkedView", ".LazyTableModel", ".FormBase")):
            continue  # the bases: each subclass says what it watches
        assert isinstance(kinds, frozenset) and kinds, where
        assert all(isinstance(kind, Change) for kind in kinds), where


def test_a_name_that_is_no_kind_of_record_is_refused():
    with pytest.raises(ValueError):
        change_set(["actors", "actrs"])
    assert change_set(["actors"]) == {Change.ACTORS}


def test_a_write_reports_its_change_set_as_members(desk, qtbot):
    window, _ = desk
    idle(qtbot, window)
    with qtbot.waitSignal(window.handle.changed, timeout=10000) as changed:
        window.handle.write("Add place", lambda s: save_place(
            s, PlaceData(name="مراط", latitude="35.33", longitude="40.18")))
    kinds = changed.args[0]
    assert isinstance(kinds, frozenset) and Change.PLACES in kinds
    assert all(isinstance(kind, Change) for kind in kinds)


def test_a_hidden_view_waits_until_it_is_shown_and_a_visible_one_follows_at_once(desk, qtbot):
    window, _ = desk
    views, docks = window.linked_views, window.linked_docks
    qtbot.waitUntil(lambda: views.timeline.model.overview is not None, timeout=10000)
    idle(qtbot, window)
    assert not in_sight(views.map) and not in_sight(views.timeline)  # behind other tabs
    places = len(views.map.places)
    dated = views.timeline.model.overview.extent.dated
    asked: list[str] = []
    for view, query in ((views.map, views.map._query),
                        (views.timeline, views.timeline.model._overview_query)):
        real = query.ask
        query.ask = lambda fn, done, real=real, view=view: (asked.append(type(view).__name__),
                                                            real(fn, done))

    window.handle.write("Add place and incident", lambda s: save_incident(s, IncidentData(
        title="زيارة", date_start="2024-08-21",
        place_id=save_place(s, PlaceData(name="مراط", latitude="35.33", longitude="40.18")))))
    qtbot.waitUntil(lambda: views.map.watcher.stale and views.timeline.watcher.stale,
                    timeout=10000)
    idle(qtbot, window)
    assert asked == []  # nothing read for views nobody sees
    assert len(views.map.places) == places
    assert views.timeline.model.overview.extent.dated == dated

    docks["map"].raise_()
    qtbot.waitUntil(lambda: len(views.map.places) == places + 1, timeout=10000)
    assert not views.map.watcher.stale and views.timeline.watcher.stale
    docks["timeline"].raise_()
    qtbot.waitUntil(lambda: views.timeline.model.overview.extent.dated == dated + 1,
                    timeout=10000)
    assert not views.timeline.watcher.stale

    # Now in sight, the map follows the next change without being shown again.
    window.handle.write("Add place", lambda s: save_place(
        s, PlaceData(name="حطلة الثانية", latitude="35.36", longitude="40.21")))
    qtbot.waitUntil(lambda: len(views.map.places) == places + 2, timeout=10000)
    assert not views.map.watcher.stale


def test_every_view_of_a_case_shares_its_one_context(desk):
    window, _ = desk
    ctx, views = window.context, window.linked_views
    assert views.timeline.tracker is views.graph.tracker is views.map.tracker is ctx.focus
    assert window.panels["documents"].selection is ctx.selection is window.selection
    assert ctx.changed == window.handle.runner.changed
