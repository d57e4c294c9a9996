"""Switching the interface to Arabic (translated, mirrored, Arabic dates) and graph export."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from views_case import build_views_case, isolate_settings, open_linked_window, settle

from ui.core import formatting as fmt
from ui.core import i18n
from ui.dialogs.preferences_dialog import PreferencesDialog


@pytest.fixture
def linked(qtbot, sqlite_case, monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    build_views_case(sqlite_case, extra=10)
    window = open_linked_window(qtbot, sqlite_case)
    settle(qtbot, window)
    yield window, window.linked_views
    i18n.apply_language("en")
    window.runner.wait()


def test_arabic_from_preferences_translates_mirrors_and_formats(qtbot, linked):
    window, views = linked
    assert views.timeline.lane_label.text() == "Lanes:"
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findData("ar"))
    dialog.accept()
    assert i18n.saved_choice() == "ar"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert views.timeline.layoutDirection() == Qt.LayoutDirection.RightToLeft
    # Qt posts LanguageChange to every widget: wait for the event loop to deliver it.
    qtbot.waitUntil(lambda: views.timeline.lane_label.text() == "المسارات:", timeout=5000)
    assert views.filter_bar.from_label.text() == "من:"
    assert views.docks["timeline"].windowTitle() == "الخط الزمني"
    assert views.actions["search"].text() == "ابحث في القضية…"
    assert "الفاعلون" in views.graph.status.text()
    assert fmt.month(dt.date(2024, 8, 1)) == "آب ٢٠٢٤"  # Levantine month, Arabic digits
    assert fmt.incident_date(dt.date(2024, 8, 20), None, "approximate").startswith("نحو")
    settle(qtbot, window)
    # Without a saved label choice, Arabic names follow the Arabic interface.
    hadi = next(i for i in views.graph.nodes.values() if i.node.name_latin ==
                "Muhammad Ali al-Hadi")
    assert hadi.label.text() == "محمد علي الهادي"

    i18n.apply_language("en")
    qtbot.waitUntil(lambda: views.timeline.lane_label.text() == "Lanes:", timeout=5000)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert fmt.month(dt.date(2024, 8, 1)) == "August 2024"


def test_the_system_locale_decides_when_nothing_was_chosen(monkeypatch, tmp_path):
    isolate_settings(monkeypatch, tmp_path)
    monkeypatch.setattr(i18n, "system_language", lambda: "ar")
    assert i18n.saved_choice() == "system"
    assert i18n.resolve(i18n.saved_choice()) == "ar"


def test_graph_exports_to_png_and_svg(qtbot, linked, tmp_path):
    _window, views = linked
    graph = views.graph
    assert graph.nodes
    png, svg = tmp_path / "graph.png", tmp_path / "graph.svg"
    graph.export_image(str(png))
    graph.export_image(str(svg))
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 100 and image.height() > 100
    # not blank: some pixels carry the kind colours of the nodes
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 10
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert text.count("<path") + text.count("<polyline") + text.count("<line") > len(graph.nodes)


def test_every_ui_string_has_arabic_even_under_another_context(qapp):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMainWindow

    i18n.apply_language("ar")
    try:
        # lupdate files ``window.tr("&File")`` under "window"; Qt asks for "QMainWindow".
        assert QMainWindow().tr("&File") == "&ملف"
        assert QCoreApplication.translate("LinkedViews", "Timeline") == "الخط الزمني"
        assert QCoreApplication.translate("X", "%n document(s)", "", 3) == "عدد المستندات: 3"
    finally:
        i18n.apply_language("en")
