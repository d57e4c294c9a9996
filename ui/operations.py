"""The one way Casefile runs work off the UI thread.

Every database read, import, extraction and export is an operation: a plain
function run on a worker thread, with progress, cancel, and success/failure
delivered back on the UI thread by signal. Database work goes through a single
worker thread (one session at a time, as SQLite likes it); long jobs that do
not touch the case, such as rendering, may use the same runner.

After a write, the runner emits ``changed`` once with what changed, and every
view refreshes itself from that one notification.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal


class Cancelled(Exception):
    """Raised inside an operation when the analyst pressed Cancel."""


@dataclass
class Progress:
    """Handed to the operation's function: report progress, check for cancel."""

    _op: Operation
    _cancel: threading.Event = field(default_factory=threading.Event)
    _last: float = 0.0

    def update(self, done: int, total: int, label: str = "") -> None:
        now = time.monotonic()
        if now - self._last >= 0.05 or done >= total:  # no flood of signals
            self._last = now
            self._op.progress.emit(done, total, label)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Stop here (between files, rows, pages) when cancel was asked for."""
        if self._cancel.is_set():
            raise Cancelled()


class Operation(QObject):
    """One piece of work; connect to its signals before or right after ``run``."""

    progress = Signal(int, int, str)  # done, total, label
    succeeded = Signal(object)
    failed = Signal(object)  # the exception
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: Callable[[Progress], Any], label: str,
                 changes: set[str] | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.label = label
        self.changes = changes or set()
        self.ticket = Progress(self)
        self.result: Any = None
        self.error: BaseException | None = None

    def cancel(self) -> None:
        self.ticket._cancel.set()


class _Job(QRunnable):
    def __init__(self, op: Operation) -> None:
        super().__init__()
        self.op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        op = self.op
        try:
            op.result = op.fn(op.ticket)
        except Cancelled:
            op.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure reaches the UI
            exc.__casefile_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            op.error = exc
            op.failed.emit(exc)
        else:
            op.succeeded.emit(op.result)
        finally:
            op.finished.emit()


class OperationRunner(QObject):
    """Runs operations on one worker thread, in the order they were asked for."""

    changed = Signal(object)  # set[str] of what changed: "sources", "actors", ...
    busy = Signal(bool, str)  # whether work is running, and its label

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: list[Operation] = []

    def run(self, fn: Callable[[Progress], Any], *, label: str = "",
            changes: set[str] | None = None,
            on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None) -> Operation:
        """Queue ``fn(progress)``; ``changes`` names what a write changes."""
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
        QTimer.singleShot(0, self, lambda: self.pool.start(job))
        return op

    def _done(self, op: Operation) -> None:
        if op in self._running:
            self._running.remove(op)
        if op.changes and op.error is None:
            self.changed.emit(set(op.changes))
        self.busy.emit(bool(self._running), self._running[0].label if self._running else "")

    @property
    def running(self) -> list[Operation]:
        return list(self._running)

    def wait(self, timeout_ms: int = 30000) -> bool:
        """Block until all work is done (for shutdown and tests)."""
        return self.pool.waitForDone(timeout_ms)
