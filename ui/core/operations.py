"""The one way Casefile runs work off the UI thread.

Every database read, import, extraction and export is an operation: a plain
function run on a worker thread, with progress, cancel, and success/failure
delivered back on the UI thread by signal. Writes (imports, extraction, the
analyst's actions) and exports go through a single worker thread, in the order they
were asked for: one writer at a time, as SQLite likes it. Reads (``read=True``) run on
a lane of their own beside it, so the document list, the viewer, search and the views
answer while a long import or export runs; each read is one read-only session that
sees committed data only (a snapshot: SQLite's WAL, PostgreSQL's repeatable read). The
read lane is one thread too, so reads are answered in the order they were asked, as
before; only a read asked while a write is queued may now answer from before that
write, and the write's ``changed`` notification refreshes the view again. Reads that
take seconds (``long=True``: grouping a case's 90,000 proposals for review by name) run
on a third lane, so the views' reads of a few milliseconds (the timeline, the graph, the
documents' counts) are not queued behind them.

After a write, the runner emits ``changed`` once with what changed, and every
view refreshes itself from that one notification.

Threads: the worker never emits an operation's public signals. It posts to the
operation itself (a QObject living on the UI thread, through its own slots), and the
operation emits ``progress``/``succeeded``/``failed``/``cancelled``/``finished`` from
there. So every listener is called on the UI thread, synchronously, and a listener
that disconnects (as pytest-qt's ``waitSignal`` does) or goes away is never called
again: no event posted by the worker is ever addressed to it. Listeners connected to a
signal emitted on the worker instead get a queued event each, which PySide delivers
through a slot object holding the listener's ``self`` without a reference: an event the
worker posts while the UI thread is disconnecting and freeing that listener later calls
a dead object (SIGSEGV) or a new one at the same address (``'int' object has no
attribute 'cancelled'``: a progress count taken for the import report).
Results and errors stay Python attributes read on the UI thread; they do not travel
through Qt's queue.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

from casefile.progress import Cancelled, Progress
from ui.core.changes import Change, change_set


class Ticket:
    """Handed to the operation's function: ``casefile.progress.Progress`` (update, check)
    for the runner, so one job runs the same in the window, the CLI and tests."""

    def __init__(self, op: Operation) -> None:
        self._op = op
        self._cancel = threading.Event()
        self._last = 0.0

    def update(self, done: int, total: int, label: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= 0.05 or done >= total:  # no flood of signals
            self._last = now
            self._op._reported.emit(done, total, label)  # to the UI thread, see above

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here (between files, rows, pages) when cancel was asked for."""
        if self._cancel.is_set():
            raise Cancelled()


class Operation(QObject):
    """One piece of work; connect to its signals before or right after ``run``.

    Every public signal is emitted on the UI thread (the thread the operation was made in).
    """

    progress = Signal(int, int, str)  # done, total, label
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    # Emitted by the worker only, each connected to this object's own slot: Qt queues
    # them to the UI thread, where the slot emits the public signals above.
    _reported = Signal(int, int, str)
    _ended = Signal()

    def __init__(self, fn: Callable[[Progress], Any], label: str,
                 changes: Iterable[Change] = ()) -> None:
        super().__init__()
        self.fn = fn
        self.label = label
        self.changes: set[Change] = set(change_set(changes))  # a write adds what it touched
        self.ticket = Ticket(self)
        self.result: Any = None
        self.error: BaseException | None = None
        self.was_cancelled = False
        self._reported.connect(self._relay_progress, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._relay_end, Qt.ConnectionType.QueuedConnection)

    def cancel(self) -> None:
        self.ticket._cancel.set()

    def work(self) -> None:
        """Run ``fn`` (on the worker thread) and post the outcome to the UI thread."""
        try:
            self.result = self.fn(self.ticket)
        except Cancelled:
            self.was_cancelled = True
        except BaseException as exc:  # noqa: BLE001 - every failure reaches the UI
            exc.__casefile_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.error = exc
        finally:
            self._ended.emit()

    @Slot(int, int, str)
    def _relay_progress(self, done: int, total: int, label: str) -> None:
        self.progress.emit(done, total, label)

    @Slot()
    def _relay_end(self) -> None:
        try:
            if self.was_cancelled:
                self.cancelled.emit()
            elif self.error is not None:
                self.failed.emit(self.error)
            else:
                self.succeeded.emit(self.result)
        finally:
            self.finished.emit()


class _Job(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        self.op.work()


class OperationRunner(QObject):
    """Runs writes on one worker thread, in the order they were asked for, and reads
    on a second one beside it (see the module's docstring)."""

    changed = Signal(object)  # the ChangeSet a write made: {Change.SOURCES, ...}
    busy = Signal(bool, str)  # whether work is running, and its label

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(1)
        self.long_read_pool = QThreadPool(self)
        self.long_read_pool.setMaxThreadCount(1)
        self._running: list[Operation] = []

    def run(self, fn: Callable[[Progress], Any], *, label: str = "",
            changes: Iterable[Change] = (),
            on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None,
            read: bool = False, long: bool = False) -> Operation:
        """Queue ``fn(progress)``; ``changes`` names what a write changes; ``read`` puts
        it on the read lane (it must only read, through ``Case.read_session``), ``long``
        with it on the lane of long reads."""
        if (read or long) and changes:
            raise ValueError("a read changes nothing")
        pool = self.long_read_pool if long else self.read_pool if read else self.pool
        op = Operation(fn, label, changes)
        if on_success:
            op.succeeded.connect(on_success)
        if on_failure:
            op.failed.connect(on_failure)
        op.finished.connect(lambda: self._done(op))
        self._running.append(op)
        self.busy.emit(True, label)
        # Start on the next turn of the event loop, so connections the caller makes
        # right after run() are in place before the worker can emit anything.
        job = _Job(op)
        QTimer.singleShot(0, self, lambda: pool.start(job))
        return op

    def _done(self, op: Operation) -> None:
        if op in self._running:
            self._running.remove(op)
        if op.changes and op.error is None:
            self.changed.emit(frozenset(op.changes))
        self.busy.emit(bool(self._running), self._running[0].label if self._running else "")

    @property
    def running(self) -> list[Operation]:
        return list(self._running)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until all work is done, on every lane (for shutdown and tests)."""
        deadline = time.monotonic() + timeout_ms / 1000
        done = True
        for pool in (self.pool, self.read_pool, self.long_read_pool):
            left = max(0, int((deadline - time.monotonic()) * 1000))
            done = pool.waitForDone(left) and done
        return done
