"""The operation runner: results on the UI thread, progress, cancel, one change signal."""

import threading

import pytest
from PySide6.QtCore import Qt, QThread

from casefile.progress import Cancelled
from ui.core.changes import Change
from ui.core.operations import OperationRunner
from ui.core.selection import Ref, SelectionModel


def test_work_runs_off_the_ui_thread_and_results_come_back(qtbot):
    runner = OperationRunner()
    main = QThread.currentThread()
    seen = {}

    def work(progress):
        seen["worker"] = threading.current_thread().name
        for i in range(3):
            progress.update(i + 1, 3, f"step {i}")
        return 42

    with qtbot.waitSignal(runner.changed, timeout=5000) as changed:
        op = runner.run(work, label="test", changes={Change.ACTORS})
        op.succeeded.connect(lambda r: seen.setdefault("result", (r, QThread.currentThread())))
    assert seen["result"] == (42, main)
    assert seen["worker"] != threading.main_thread().name
    assert changed.args == [{"actors"}]


def test_cancel_stops_between_steps(qtbot):
    runner = OperationRunner()
    started = threading.Event()
    steps = []

    raised = []

    def work(progress):
        for i in range(1000):
            started.set()
            try:
                progress.check()
            except Cancelled as stop:  # the domain's one Cancelled, as the CLI raises it
                raised.append(stop)
                raise
            steps.append(i)
            threading.Event().wait(0.002)

    op = runner.run(work, label="long", changes={Change.SOURCES})
    qtbot.waitUntil(started.is_set, timeout=5000)
    changed = []
    runner.changed.connect(changed.append)
    with qtbot.waitSignal(op.cancelled, timeout=5000):
        op.cancel()
    assert 0 < len(steps) < 1000 and len(raised) == 1
    assert changed == [{Change.SOURCES}]  # what ran before the cancel is in the case


def test_a_change_that_names_no_kind_of_record_is_refused_when_asked_for():
    with pytest.raises(ValueError):
        OperationRunner().run(lambda _p: None, label="typo", changes={"sorces"})


def test_signals_are_emitted_on_the_ui_thread_and_a_listener_that_left_hears_nothing(qtbot):
    """A listener may disconnect (as waitSignal does) while the worker still reports: it is
    never called again. Even a direct connection runs on the UI thread."""
    runner = OperationRunner()
    main = QThread.currentThread()
    threads, late = [], []
    go_on = threading.Event()

    def work(progress):
        for i in range(200):
            progress._last = 0.0  # every step reported, no throttle
            progress.update(i, 200, "")
            if i == 0:
                go_on.wait(5)
        return "done"

    op = runner.run(work, label="test")
    for name in ("progress", "succeeded", "finished"):
        getattr(op, name).connect(lambda *_a: threads.append(QThread.currentThread()),
                                  Qt.ConnectionType.DirectConnection)

    class Listener:
        def heard(self, *args):
            late.append(args)
            op.progress.disconnect(self.heard)

    listener = Listener()
    op.progress.connect(listener.heard)
    qtbot.waitUntil(lambda: bool(late), timeout=5000)
    del listener
    go_on.set()
    with qtbot.waitSignal(op.finished, timeout=10000):
        pass
    assert late == [(0, 200, "")]
    assert threads and all(t is main for t in threads)
    assert op.result == "done"


def test_failures_arrive_as_signals(qtbot):
    runner = OperationRunner()
    with qtbot.waitSignal(runner.run(lambda p: 1 / 0, label="bad").failed) as failed:
        pass
    assert isinstance(failed.args[0], ZeroDivisionError)


def test_selection_history(qtbot):
    sel = SelectionModel()
    sel.select(Ref("actor", 1))
    sel.select(Ref("place", 2))
    sel.back()
    assert sel.current == Ref("actor", 1)
    sel.forward()
    assert sel.current == Ref("place", 2)
