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


def test_a_read_answers_while_a_long_write_runs_and_writes_stay_in_order(qtbot):
    """An import holds the write lane; reads asked meanwhile answer at once, in the order
    they were asked, and a write asked meanwhile waits for the import."""
    runner = OperationRunner()
    release, order = threading.Event(), []

    def long_write(_p):
        order.append("import started")
        assert release.wait(10)
        order.append("import done")

    runner.run(long_write, label="import", changes={"sources"})
    write = runner.run(lambda _p: order.append("edit"), label="edit", changes={"actors"})
    qtbot.waitUntil(lambda: "import started" in order, timeout=5000)
    reads = [runner.run(lambda _p, i=i: order.append(f"read {i}") or i, label="read", read=True)
             for i in range(5)]
    answers = []
    for op in reads:
        op.succeeded.connect(answers.append)
    qtbot.waitUntil(lambda: len(answers) == 5, timeout=5000)
    assert answers == [0, 1, 2, 3, 4]
    assert "edit" not in order and "import done" not in order  # the writes still wait
    assert runner.running[0].label == "import"
    with qtbot.waitSignal(write.finished, timeout=5000):
        release.set()
    assert order[-2:] == ["import done", "edit"]
    assert runner.wait(5000) and not runner.running


def test_a_read_changes_nothing(qtbot):
    runner = OperationRunner()
    with pytest.raises(ValueError, match="changes nothing"):
        runner.run(lambda _p: None, label="read", read=True, changes={"actors"})
    assert not runner.running


def test_a_views_read_answers_while_a_long_read_groups_the_case(qtbot):
    """Grouping 90,000 proposals takes seconds of the reader: the timeline's read, asked
    meanwhile, does not wait for it (it waited up to 17 s on the ANT case)."""
    runner = OperationRunner()
    release, order = threading.Event(), []

    def grouping(_p):
        order.append("grouping started")
        assert release.wait(10)
        order.append("grouping done")

    runner.run(grouping, label="Grouping proposals", read=True, long=True)
    qtbot.waitUntil(lambda: "grouping started" in order, timeout=5000)
    timeline = runner.run(lambda _p: order.append("timeline"), label="timeline", read=True)
    qtbot.waitSignal(timeline.finished, timeout=5000).wait()
    assert order == ["grouping started", "timeline"]
    release.set()
    assert runner.wait(5000) and order[-1] == "grouping done"


def test_wait_covers_every_lane(qtbot):
    runner = OperationRunner()
    done = []
    runner.run(lambda _p: threading.Event().wait(0.2) or done.append("write"), label="w")
    runner.run(lambda _p: threading.Event().wait(0.3) or done.append("read"), label="r",
               read=True)
    runner.run(lambda _p: threading.Event().wait(0.3) or done.append("long"), label="l",
               read=True, long=True)
    qtbot.wait(50)  # all started
    assert runner.wait(5000)
    assert sorted(done) == ["long", "read", "write"]
