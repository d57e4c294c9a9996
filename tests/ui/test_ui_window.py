"""The main window: opening cases, menus, status bar, layout memory, drag-and-drop import."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from ui_support import make_window, open_in

from casefile.cases import create_case


def test_open_case_shows_title_counts_panels_and_menus(desk, qtbot):
    window, ids = desk
    assert window.windowTitle() == "case — Casefile"
    qtbot.waitUntil(lambda: "2 documents" in window.status.counts.text())
    assert "7 to review" in window.status.counts.text()
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    window.view_menu.aboutToShow.emit()
    panels = [a.text() for a in window.view_menu.actions() if a.text()]
    assert {"Documents", "Review queue", "Record", "Actors, places, incidents"} <= set(panels)
    for name in ("new_case", "open_case", "import", "export", "undo", "redo", "find"):
        assert window.actions_by_name[name].shortcut().toString() or name == "export"
    toolbar = window.findChild(type(window.addToolBar("x")), "mainToolbar")
    assert toolbar is not None and not toolbar.actions()[0].icon().isNull()
    assert window.settings.recent_cases()[0].endswith("case.casefile")
    window.actions_by_name["about"].trigger()
    assert "PySide6" in window.dialog.text() and "SQLAlchemy" in window.dialog.text()
    assert "OpenSyria" in window.dialog.text() and "CC BY-SA 3.0" in window.dialog.text()


def test_layout_and_recent_cases_are_remembered(desk, qtbot, tmp_path):
    window, _ = desk
    window.docks["review"].hide()
    window.close()
    again = make_window(tmp_path, qtbot)
    assert again.docks["review"].isHidden()
    assert again.settings.last_case().endswith("case.casefile")
    again.reset_layout()
    assert not again.docks["review"].isHidden()


def test_opening_something_that_is_not_a_case_says_so_and_changes_nothing(qtbot, tmp_path):
    from ui.core.app import make_application

    make_application()
    window = make_window(tmp_path, qtbot)
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"just some notes")
    window.open_case_path(str(notes))
    qtbot.waitUntil(lambda: window.dialog is not None, timeout=5000)
    assert "not a Casefile case" in window.dialog.text()
    assert notes.read_bytes() == b"just some notes"
    assert window.handle is None and window.windowTitle() == "Casefile"


def _drop(widget, paths):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(widget.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop


def test_drag_and_drop_imports_with_progress_and_a_summary_of_failures(desk, qtbot, tmp_path):
    window, _ = desk
    folder = tmp_path / "تقارير"
    folder.mkdir()
    (folder / "تقرير.txt").write_text("زار أبو رقية الأحوازي بلدة حطلة في آب 2024.",
                                      encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.pdf").write_bytes(b"this is not a pdf")
    started = []
    window.import_started.connect(started.append)
    table = window.panels["documents"].table.viewport()
    drop = _drop(table, [folder])
    assert drop.isAccepted() and len(started) == 1
    run = started[0]
    assert run.progress.isVisible()
    with qtbot.waitSignal(run.finished, timeout=20000) as finished:
        pass
    report = finished.args[0]
    assert report.count("imported") == 1 and report.count("error") == 2
    assert run.progress.counts.text() == "3 of 3 files"
    assert "documents/s" in run.progress.rate.text()
    summary = run.summary
    assert summary.isVisible()
    failed = dict((Path(p).name, reason) for p, reason in summary.failed_files())
    assert set(failed) == {"empty.txt", "broken.pdf"} and all(failed.values())
    assert summary.failures.rowCount() >= 2
    model = window.panels["documents"].model
    qtbot.waitUntil(lambda: len(model.ids) == 3, timeout=10000)


def test_dropping_on_the_viewer_also_imports_and_cancel_stops_between_files(desk, qtbot,
                                                                            tmp_path):
    window, _ = desk
    files = []
    for i in range(40):
        path = tmp_path / f"r{i:02}.txt"
        path.write_text(f"تقرير رقم {i} عن دير الزور " * 50, encoding="utf-8")
        files.append(path)
    started = []
    window.import_started.connect(started.append)
    _drop(window.viewer.text.viewport(), files)
    run = started[0]
    # Cancel once some files are done (a cancel before the first one keeps nothing, rightly).
    qtbot.waitUntil(lambda: run.progress.units_done >= 2, timeout=20000)
    run.progress.cancel_button.click()
    with qtbot.waitSignal(run.finished, timeout=20000) as finished:
        pass
    report = finished.args[0]
    assert report.cancelled and 0 < len(report.outcomes) < 40
    assert "Cancelled after" in run.summary.headline.text()


def test_open_case_from_file_menu_path(qtbot, tmp_path):
    from ui.core.app import make_application

    make_application()
    other = create_case(tmp_path / "second.casefile", name="Second case")
    other.close()
    window = make_window(tmp_path, qtbot)
    open_in(window, qtbot, tmp_path / "second.casefile")
    assert window.windowTitle() == "Second case — Casefile"
    assert Path(window.settings.recent_cases()[0]).name == "second.casefile"
    window.close()


def test_search_palette_and_export_from_the_menus(desk, qtbot, tmp_path):
    window, _ = desk
    window.actions_by_name["search"].trigger()
    assert window.linked_views is not None and window.linked_views.palette.isVisible()
    window.linked_views.palette.close()

    window.actions_by_name["export"].trigger()
    dialog = window.dialog
    dialog.what.setCurrentIndex(dialog.what.findData("timeline"))
    dialog.fmt.setCurrentIndex(dialog.fmt.findText("CSV"))
    out = tmp_path / "timeline.csv"
    dialog.path.setText(str(out))
    with qtbot.waitSignal(dialog.exported, timeout=20000):
        dialog.start()
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    qtbot.waitUntil(lambda: "Exported to" in window.status.currentMessage(), timeout=5000)


def test_switching_language_rebuilds_menus_and_panels(desk, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from ui.core.selection import Ref

    window, ids = desk
    window.selection.select(Ref("source", ids["source"]))
    qtbot.waitUntil(lambda: window.viewer.source is not None, timeout=10000)
    old_viewer, old_about = window.viewer, window.actions_by_name["about"]
    QApplication.sendEvent(window, QEvent(QEvent.Type.LanguageChange))
    assert window.actions_by_name["about"] is not old_about
    assert [a.text() for a in window.menuBar().actions()] == ["&File", "&Edit", "&View", "&Help"]
    assert window.viewer is not old_viewer
    qtbot.waitUntil(lambda: window.viewer.source is not None
                    and window.viewer.source.id == ids["source"], timeout=10000)
    window.actions_by_name["find"].trigger()  # the new actions reach the new viewer
    window.viewer.find_bar.edit.setText("حطلة")
    assert window.viewer.text.find_spans


def test_a_case_opens_on_its_first_document(desk, qtbot):
    window, _ = desk
    qtbot.waitUntil(lambda: window.viewer.source is not None, timeout=10000)
    assert window.selection.current.kind == "source"
    assert window.viewer.text.toPlainText().strip()
