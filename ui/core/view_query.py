"""Reads for the linked views, on the operation runner's read lane.

Views ask again and again while the analyst zooms, pans or types; only the
newest answer matters. ``LatestQuery`` keeps at most one read in flight per
view and one waiting: a newer request replaces the waiting one, and an answer
to a superseded request is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from casefile.db.case import Case
from casefile.progress import Progress
from ui.core.operations import OperationRunner


class LatestQuery(QObject):
    """Run ``fn(session)`` off the UI thread; deliver only the newest result."""

    failed = Signal(str)
    busy = Signal(bool)

    def __init__(self, runner: OperationRunner, case: Case, label: str,
                 parent: QObject | None = None, *, long: bool = False) -> None:
        super().__init__(parent)
        self.runner = runner
        self.case = case
        self.label = label
        self.long = long  # on the runner's lane of long reads
        self._generation = 0
        self._in_flight = False
        self._waiting: tuple[int, Callable[[Session], Any], Callable[[Any], None]] | None = None

    def ask(self, fn: Callable[[Session], Any], on_result: Callable[[Any], None]) -> None:
        self._generation += 1
        self._waiting = (self._generation, fn, on_result)
        if not self._in_flight:
            self._start_waiting()

    def cancel(self) -> None:
        """Forget pending answers (the view is going away or the case changed)."""
        self._generation += 1
        self._waiting = None

    @property
    def pending(self) -> bool:
        return self._in_flight or self._waiting is not None

    def _start_waiting(self) -> None:
        if self._waiting is None:
            self._in_flight = False
            self.busy.emit(False)
            return
        generation, fn, on_result = self._waiting
        self._waiting = None
        self._in_flight = True
        self.busy.emit(True)
        case = self.case

        def work(_progress: Progress) -> Any:
            with case.read_session() as session:
                return fn(session)

        def current() -> bool:  # the view may have been closed while the read ran
            return shiboken6.isValid(self) and generation == self._generation

        def done(result: Any) -> None:
            if current():
                on_result(result)

        def failed(exc: BaseException) -> None:
            if current():
                self.failed.emit(f"{type(exc).__name__}: {exc}")

        op = self.runner.run(work, label=self.label, on_success=done, on_failure=failed,
                             read=True, long=self.long)
        op.finished.connect(self._start_waiting)
