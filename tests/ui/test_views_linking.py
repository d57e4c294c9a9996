"""One selection, every view: click in one view, check the others, through the real widgets."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from views_case import build_views_case, isolate_settings, open_linked_window, settle

from casefile.queries import incident_span
from ui.core.selection import Ref


@pytest.fixture
def linked(qtbot, sqlite_case, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    ids = build_views_case(sqlite_case, extra=30)
    window = open_linked_window(qtbot, sqlite_case)
    yield window, window.linked_views, ids
    window.runner.wait()


def click_node(qtbot, graph, actor_id: int) -> None:
    item = graph.nodes[actor_id]
    graph.view.centerOn(item)
    pos = graph.view.mapFromScene(item.scenePos())
    qtbot.mouseClick(graph.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def test_clicking_an_actor_in_the_graph_scopes_the_timeline_and_shows_its_places(qtbot, linked):
    window, views, ids = linked
    hadi = ids["actor:hadi"]
    window.linked_views.docks["graph"].raise_()
    click_node(qtbot, views.graph, hadi)
    assert window.selection.current == Ref("actor", hadi)
    qtbot.waitUntil(lambda: views.timeline.model.filters.actor_id == hadi, timeout=5000)
    settle(qtbot, window)
    focus = views.graph.tracker.focus
    assert views.timeline.model.overview.extent.dated == len(focus.incident_ids) - 0
    assert "Muhammad Ali al-Hadi" in views.timeline.scope_label.text()  # English UI: Latin
    assert views.map.highlighted() == set(focus.place_ids) and ids["place:hatla"] in \
        views.map.highlighted()
    assert views.graph.nodes[hadi].state == "centre"


def test_clicking_an_incident_on_the_timeline_marks_its_actors_and_place(qtbot, linked):
    window, views, ids = linked
    visit = ids["incident:visit"]
    views.timeline.model.show_span(*incident_span(dt.date(2024, 8, 20), None, "approximate"))
    settle(qtbot, window)
    canvas = views.timeline.canvas
    qtbot.waitUntil(lambda: canvas.grab() is not None and canvas.item_rect(visit) is not None,
                    timeout=5000)
    rect = canvas.item_rect(visit)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())  # ...click
    assert window.selection.current == Ref("incident", visit)
    settle(qtbot, window)
    graph = views.graph
    assert graph.nodes[ids["actor:hadi"]].state == "highlight"
    assert graph.nodes[ids["actor:centre"]].state == "highlight"
    assert graph.nodes[ids["actor:sdf"]].state == "dim"
    assert views.map.highlighted() == {ids["place:hatla"]}  # the building is inside Hatla
    assert canvas.selected == visit


def test_clicking_a_place_on_the_map_scopes_the_timeline_to_it(qtbot, linked):
    window, views, ids = linked
    item = views.map.places[ids["place:mayadin"]]
    window.linked_views.docks["map"].raise_()
    views.map.canvas.zoom_by(6)  # the villages around Deir ez-Zor must not overlap it
    views.map.canvas.centerOn(item)
    qtbot.waitExposed(views.map.canvas)
    pos = views.map.canvas.mapFromScene(item.scenePos())
    qtbot.mouseClick(views.map.canvas.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.selection.current == Ref("place", ids["place:mayadin"])
    qtbot.waitUntil(lambda: views.timeline.model.filters.place_ids == {ids["place:mayadin"]},
                    timeout=5000)
    settle(qtbot, window)
    assert views.timeline.model.overview.extent.dated == item.place.incidents
    assert "Al-Mayadin" in views.timeline.scope_label.text()


def test_back_and_forward_with_alt_arrows(qtbot, linked):
    window, views, ids = linked
    hadi, clash = ids["actor:hadi"], ids["incident:clash"]
    window.selection.select(Ref("actor", hadi))
    settle(qtbot, window)
    window.selection.select(Ref("incident", clash))
    settle(qtbot, window)
    assert views.timeline.scope is None  # the clash does not involve him: scope dropped
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.selection.current == Ref("actor", hadi)
    qtbot.waitUntil(lambda: views.timeline.model.filters.actor_id == hadi, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.selection.current == Ref("incident", clash)
    assert views.filter_bar.back_action.isEnabled()
    assert not views.filter_bar.forward_action.isEnabled()


def test_the_timeline_lane_of_an_actor_selects_it(qtbot, linked):
    window, views, ids = linked
    views.timeline.lane_by.setCurrentIndex(1)  # lanes by actor
    settle(qtbot, window)
    canvas = views.timeline.canvas
    canvas.grab()
    lane = next(h for h in canvas._hits if h.kind == "lane" and h.lane.actor_id == ids[
        "actor:sdf"])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=lane.rect.center().toPoint())
    assert window.selection.current == Ref("actor", ids["actor:sdf"])
    qtbot.waitUntil(lambda: views.graph.nodes.get(ids["actor:sdf"]) is not None
                    and views.graph.nodes[ids["actor:sdf"]].state == "centre", timeout=5000)
