"""The import's progress dialog: documents per second and time left; Hide sends it to the
status bar while the import goes on, a click there brings it back, and Cancel works from
either place. The pace meter on its own, with a clock of the test's."""

from __future__ import annotations

import dataclasses
import time

import pytest
from PySide6.QtCore import Qt

from ui.dialogs.task_progress import RateMeter, time_left

PER_FILE_S = 0.03  # each file takes at least this long: the import lasts while we look


@pytest.fixture
def slow_import(monkeypatch):
    """Make each imported file take a moment (extraction runs as usual after it)."""
    from ui.desk import import_flow

    real = import_flow.propose_for_new_source

    def slowly(session, source):
        time.sleep(PER_FILE_S)
        return real.write(session, source)

    monkeypatch.setattr(import_flow, "propose_for_new_source",
                        dataclasses.replace(real, write=slowly))


def _files(tmp_path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        path = tmp_path / f"r{i:03}.txt"
        path.write_text(f"تقرير رقم {i} عن قصف في دير الزور يوم 3 آب 2024.", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_the_dialog_shows_the_pace_and_hides_to_the_status_bar(desk, qtbot, tmp_path,
                                                                slow_import):
    window, _ = desk
    run = window.import_paths(_files(tmp_path, 150))
    dialog = run.progress
    assert dialog.isVisible() and dialog.hide_button.isVisible()
    qtbot.waitUntil(lambda: "left" in dialog.rate.text(), timeout=15000)
    assert "documents/s" in dialog.rate.text()
    assert " of 150 files" in dialog.counts.text()
    assert dialog.current.text().startswith("\u2066r")  # the file being read, left to right

    [task] = window.status.background_tasks()
    assert not task.isVisible()
    dialog.hide_button.click()
    assert not dialog.isVisible() and task.isVisible()
    qtbot.waitUntil(lambda: "documents/s" in task.text.text(), timeout=5000)
    assert "Importing" in task.text.text() and "left" in task.text.text()
    assert " of 150" in task.text.text() and task.bar.maximum() == 150
    assert not window.status.spinner.isVisible()  # the task says what runs, once
    assert not run.op.ticket.cancelled  # hiding is not stopping

    qtbot.mouseClick(task.text, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not task.isVisible()

    dialog.close()  # the window's close button also sends it to the background
    assert task.isVisible() and not run.op.ticket.cancelled
    task.cancel_button.click()  # cancel from the status bar
    with qtbot.waitSignal(run.finished, timeout=20000) as finished:
        pass
    report = finished.args[0]
    assert report.cancelled and 0 < len(report.outcomes) < 150
    assert "Cancelled after" in run.summary.headline.text()
    qtbot.waitUntil(lambda: not window.status.background_tasks(), timeout=5000)


def test_cancel_from_the_dialog_after_it_came_back(desk, qtbot, tmp_path, slow_import):
    window, _ = desk
    run = window.import_paths(_files(tmp_path, 100))
    dialog = run.progress
    qtbot.waitSignal(run.op.progress, timeout=10000).wait()
    dialog.hide_button.click()
    [task] = window.status.background_tasks()
    qtbot.mouseClick(task.bar, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    dialog.cancel_button.click()
    assert dialog.cancelling and not task.isVisible()
    with qtbot.waitSignal(run.finished, timeout=20000) as finished:
        pass
    assert finished.args[0].cancelled
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_pace_and_time_left_follow_the_recent_files():
    meter = RateMeter(window=10)
    assert meter.rate is None and meter.seconds_left(100) is None
    meter.add(0, now=0.0)
    meter.add(10, now=2.0)
    assert meter.rate == pytest.approx(5.0)
    assert meter.seconds_left(100) == pytest.approx(18.0)
    for second in range(3, 30):  # then it slows to one a second: the old pace is forgotten
        meter.add(10 + (second - 2), now=float(second))
    assert meter.rate == pytest.approx(1.0)
    assert meter.seconds_left(100) == pytest.approx(100 - 37)
    meter.add(0, now=31.0)  # a new count: start again
    assert meter.rate is None


def test_time_left_in_words(qapp):
    assert time_left(12.4) == "12 s left"
    assert time_left(0.2) == "1 s left"
    assert time_left(135) == "about 2 min 10 s left"
    assert time_left(2 * 3600 + 5 * 60) == "about 2 h 5 min left"
    assert time_left(61) == "about 1 min left" and time_left(3600) == "about 1 h left"


def test_the_status_bar_counts_follow_a_running_import(desk, qtbot, tmp_path, slow_import):
    """During a long import the document count grows with what is committed, not only when
    the import ends."""
    window, _ = desk
    qtbot.waitUntil(lambda: "documents" in window.status.counts.text(), timeout=10000)
    before = window.status.last_counts["sources"]
    run = window.import_paths(_files(tmp_path, 150))
    with qtbot.waitSignal(run.finished, timeout=60000):
        qtbot.waitUntil(lambda: before < window.status.last_counts["sources"] < before + 150,
                        timeout=30000)
        assert run.summary is None  # seen while the import still ran
        run.op.cancel()
