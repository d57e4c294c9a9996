"""The shared filters (set in the filter bar, applied by every view) and the Ctrl+K palette."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from views_case import build_views_case, isolate_settings, open_linked_window, settle

from ui.core.selection import Ref
from ui.linked.search_palette import HIT_ROLE


@pytest.fixture
def linked(qtbot, sqlite_case, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    ids = build_views_case(sqlite_case, extra=40)
    window = open_linked_window(qtbot, sqlite_case)
    settle(qtbot, window)
    yield window, window.linked_views, ids
    window.runner.wait()


def type_text(widget, text: str) -> None:
    """Key presses carrying Arabic text (QTest.keyClicks only knows Latin keys)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                     ch))


def check(menu, key: str) -> None:
    next(a for a in menu.actions() if a.data() == key).setChecked(True)


def test_an_incident_type_filter_applies_to_every_view(qtbot, linked):
    window, views, ids = linked
    before_total = views.timeline.model.overview.extent.dated
    before_map = sum(i.place.incidents for i in views.map.places.values())
    check(views.filter_bar.types_menu, "battles")
    assert window.selection.filters.incident_types == {"battles"}
    settle(qtbot, window)
    battles = views.timeline.model.overview.extent.dated
    assert 0 < battles < before_total
    assert {lane.key for lane in views.timeline.model.lanes} == {"type:battles"}
    assert sum(i.place.incidents for i in views.map.places.values()) == battles < before_map
    assert "Battle" in views.filter_bar.types_button.text()
    # the clash between the SDF and the Fatemiyoun is a battle: their link survives
    assert any(e.type == "shared_incident" and {e.source, e.target} == {
        ids["actor:sdf"], ids["actor:fatemiyoun"]} for e in views.graph.data.edges)


def test_actor_kinds_and_dates_narrow_the_views(qtbot, linked):
    window, views, ids = linked
    check(views.filter_bar.kinds_menu, "person")
    settle(qtbot, window)
    assert {n.node.kind for n in views.graph.nodes.values()} == {"person"}
    views.filter_bar.date_from.setDate(QDate(2024, 8, 1))
    views.filter_bar.date_to.setDate(QDate(2024, 8, 31))
    filters = window.selection.filters
    assert (filters.date_from, filters.date_to) == (dt.date(2024, 8, 1), dt.date(2024, 8, 31))
    settle(qtbot, window)
    window_ = views.timeline.model.window
    assert window_.items is not None
    assert {ids["incident:visit"], ids["incident:boycott"]} <= {i.id for i in window_.items}
    assert all(i.date_start <= dt.date(2024, 8, 31) for i in window_.items)
    views.filter_bar.clear_button.click()
    assert window.selection.filters.actor_kinds == frozenset()
    assert views.filter_bar.date_from.date() == views.filter_bar.date_from.minimumDate()


def test_search_palette_keys_and_enter_select_everywhere(qtbot, linked):
    window, views, ids = linked
    palette = views.palette
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(palette.isVisible, timeout=5000)
    type_text(palette.box, "أبو رقية")  # a kunya: an alias of al-Hadi
    qtbot.waitUntil(lambda: bool(palette.hits), timeout=5000)
    current = palette.results.currentItem().data(HIT_ROLE)
    assert (current.kind, current.id) == ("actor", ids["actor:hadi"])
    assert "<b>" in palette.results.currentItem().text()  # the matched words, in bold
    qtbot.keyClick(palette.box, Qt.Key.Key_Return)
    assert window.selection.current == Ref("actor", ids["actor:hadi"])
    assert not palette.isVisible()
    qtbot.waitUntil(lambda: views.timeline.model.filters.actor_id == ids["actor:hadi"],
                    timeout=5000)


def test_search_palette_groups_by_kind_and_arrows_skip_headings(qtbot, linked):
    window, views, ids = linked
    palette = views.palette
    palette.open()
    type_text(palette.box, "حطلة")  # a place, and incidents that name it
    qtbot.waitUntil(lambda: {h.kind for h in palette.hits} >= {"place", "incident"},
                    timeout=5000)
    rows = [palette.results.item(i) for i in range(palette.results.count())]
    headings = [r.text() for r in rows if r.data(HIT_ROLE) is None]
    assert any("Places" in h for h in headings) and any("Incidents" in h for h in headings)
    first = palette.results.currentRow()
    assert palette.results.item(first).data(HIT_ROLE).kind == "place"
    for _ in range(3):
        qtbot.keyClick(palette.box, Qt.Key.Key_Down)
        assert palette.results.currentItem().data(HIT_ROLE) is not None  # never a heading
    picked = palette.results.currentItem().data(HIT_ROLE)
    assert picked.kind == "incident"
    qtbot.keyClick(palette.box, Qt.Key.Key_Up)
    qtbot.keyClick(palette.box, Qt.Key.Key_Down)
    qtbot.keyClick(palette.box, Qt.Key.Key_Enter)
    assert window.selection.current == Ref("incident", picked.id)
