"""File → Export… through the real dialog: marking, page size, timeline filters, whole case,
progress and cancel through the operation runner, the result opened, bad output paths."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog
from ui_support import make_window, open_in
from views_case import build_views_case

from ui.dialogs import export_dialog

MARKING = "سري للغاية / TOP SECRET"


@pytest.fixture
def exporting(qtbot, sqlite_case, tmp_path, monkeypatch):
    """(window, ids, opened): the main window on the Deir ez-Zor case; ``opened`` collects
    the files the dialog asked the desktop to open."""
    from ui.core.app import make_application

    QStandardPaths.setTestModeEnabled(True)
    make_application()
    ids = build_views_case(sqlite_case)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    window = make_window(tmp_path, qtbot)
    open_in(window, qtbot, sqlite_case.path)
    yield window, ids, opened
    window.close()


def open_dialog(window, qtbot) -> export_dialog.ExportDialog:
    window.actions_by_name["export"].trigger()
    dialog = window.dialog
    assert isinstance(dialog, export_dialog.ExportDialog)
    qtbot.waitUntil(lambda: dialog.actor.count() > 1, timeout=10_000)
    return dialog


def choose(dialog, what: str, fmt: str, path: Path) -> None:
    dialog.what.setCurrentIndex(dialog.what.findData(what))
    dialog.fmt.setCurrentIndex(dialog.fmt.findText(fmt))
    dialog.path.setText(str(path))


def pick(picker, kind: str, record_id: int) -> None:
    picker.setCurrentIndex(picker.findData(f"{kind}:{record_id}"))
    assert picker.value_id() == record_id


def run(dialog, qtbot) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        dialog.go.click()
    assert dialog.progress is not None  # the runner's progress dialog was shown
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_filtered_timeline_with_marking_runs_off_the_ui_thread_and_opens(exporting, qtbot,
                                                                         tmp_path):
    window, ids, opened = exporting
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "timeline.json"
    choose(dialog, "timeline", "JSON", out)
    assert dialog.types.isEnabled() and dialog.date_from.isEnabled()
    pick(dialog.actor, "actor", ids["actor:hadi"])
    dialog.date_from.setDate(QDate(2024, 8, 15))
    dialog.date_to.setDate(QDate(2024, 8, 31))
    for i in range(dialog.types.count()):
        item = dialog.types.item(i)
        if item.data(Qt.ItemDataRole.UserRole) == "strategic_developments":
            item.setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen_types() == ("strategic_developments",)
    dialog.marking.setText(MARKING)
    run(dialog, qtbot)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["marking"] == MARKING
    assert {i["id"] for i in data["incidents"]} == {ids["incident:visit"],
                                                     ids["incident:boycott"]}
    assert opened == [str(out)]
    qtbot.waitUntil(lambda: "Exported to" in window.status.currentMessage(), timeout=5000)

    # types narrow it further: no battles in that period for him
    dialog = open_dialog(window, qtbot)
    choose(dialog, "timeline", "JSON", out)
    pick(dialog.actor, "actor", ids["actor:fatemiyoun"])
    dialog.types.item(0).setCheckState(Qt.CheckState.Checked)  # battles
    assert dialog.chosen_types() == ("battles",)
    run(dialog, qtbot)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [i["id"] for i in data["incidents"]] == [ids["incident:clash"]]


def test_dossier_carries_marking_and_page_size(exporting, qtbot, tmp_path):
    window, ids, opened = exporting
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "dossier.html"
    choose(dialog, "dossier", "HTML", out)
    assert not dialog.types.isEnabled() and not dialog.place.isEnabled()
    pick(dialog.actor, "actor", ids["actor:hadi"])
    dialog.page.setCurrentIndex(dialog.page.findText("Letter"))
    dialog.marking.setText(MARKING)
    run(dialog, qtbot)
    html = out.read_text(encoding="utf-8")
    assert MARKING in html and "size: Letter" in html and "محمد علي الهادي" in html
    assert opened == [str(out)]


def test_whole_case_as_json(exporting, qtbot, tmp_path):
    window, ids, opened = exporting
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "case.json"
    choose(dialog, "case", "JSON", out)
    assert [dialog.fmt.itemText(i) for i in range(dialog.fmt.count())] == ["JSON"]
    assert not dialog.actor.isEnabled() and not dialog.page.isEnabled()
    run(dialog, qtbot)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["kind"] == "case"
    names = {a["name"] for a in data["actors"]}
    assert {"محمد علي الهادي", "لواء فاطميون"} <= names
    assert len(data["incidents"]) == 7
    assert opened == [str(out)]


def test_format_change_follows_in_the_file_name(exporting, qtbot, tmp_path):
    window, _ids, _opened = exporting
    dialog = open_dialog(window, qtbot)
    choose(dialog, "timeline", "PDF", tmp_path / "timeline.pdf")
    dialog.fmt.setCurrentIndex(dialog.fmt.findText("CSV"))
    assert dialog.path.text() == str(tmp_path / "timeline.csv")
    assert not dialog.page.isEnabled() and not dialog.marking.isEnabled()


def _unwritable_folder(tmp_path: Path) -> Path:
    if os.geteuid() == 0:  # an administrator writes anywhere on disk, but not in sysfs
        return Path("/sys")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    return folder


def test_an_unwritable_or_missing_folder_is_said_next_to_the_field(exporting, qtbot,
                                                                   tmp_path):
    window, _ids, opened = exporting
    dialog = open_dialog(window, qtbot)
    folder = _unwritable_folder(tmp_path)
    choose(dialog, "case", "JSON", folder / "case.json")
    dialog.go.click()
    assert dialog.path_error.isVisible()
    assert "Cannot write in the folder" in dialog.path_error.text()
    assert str(folder) in dialog.path_error.text()
    assert dialog.progress is None and dialog.isVisible()  # nothing started, still open

    dialog.path.setText(str(tmp_path / "missing" / "case.json"))
    dialog.go.click()
    assert "does not exist" in dialog.path_error.text()
    dialog.path.setText(str(tmp_path))
    dialog.go.click()
    assert "is a folder" in dialog.path_error.text()
    dialog.path.setText("")
    dialog.go.click()
    assert dialog.path_error.text() == "Choose where to save the export."
    assert opened == []


def test_a_write_that_fails_during_the_export_comes_back_to_the_field(exporting, qtbot,
                                                                      tmp_path, monkeypatch):
    window, _ids, opened = exporting
    dialog = open_dialog(window, qtbot)
    monkeypatch.setattr(dialog, "output_problem", lambda _path: None)  # folder vanished later
    choose(dialog, "case", "JSON", tmp_path / "gone" / "case.json")
    with qtbot.waitSignal(window.handle.runner.busy, check_params_cb=lambda busy, _l: not busy,
                          timeout=10_000):
        dialog.go.click()
    qtbot.waitUntil(dialog.path_error.isVisible, timeout=5000)
    assert "does not exist" in dialog.path_error.text()
    assert dialog.isEnabled() and dialog.isVisible() and opened == []


def test_cancel_stops_the_export_and_writes_nothing(exporting, qtbot, tmp_path, monkeypatch):
    window, _ids, opened = exporting

    def slow_case(case, path, progress=None):
        for i in range(200):
            progress.update(i, 200, "Reading the case")
            progress.check()  # raises on Cancel
            time.sleep(0.02)
        Path(path).write_text("{}")
        return Path(path)

    monkeypatch.setattr(export_dialog, "export_case", slow_case)
    dialog = open_dialog(window, qtbot)
    out = tmp_path / "case.json"
    choose(dialog, "case", "JSON", out)
    dialog.go.click()
    progress = dialog.progress
    assert progress is not None and not dialog.isEnabled()
    qtbot.waitUntil(lambda: progress.bar.value() > 2, timeout=5000)
    progress.cancel_button.click()
    qtbot.waitUntil(dialog.isEnabled, timeout=5000)
    assert "cancelled" in dialog.error.text()
    assert not out.exists() and opened == []
