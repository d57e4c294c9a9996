"""An open case as the widgets see it: reads and undoable writes through the runner.

Widgets get a ``CaseHandle`` (plus the selection and, where needed, the
navigator) and nothing else. Each read opens its own short read-only session on the
runner's read lane; each write is one transaction recorded by
``casefile.undo.run_action`` and pushed on the undo stack when it succeeds.
After a write the runner emits its one ``changed`` notification with the
``ChangeSet`` the write made (``ui.core.changes``), and every view refreshes itself from it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from sqlalchemy.orm import Session

from casefile.db.case import Case
from casefile.progress import Progress
from casefile.undo import UndoableAction, redo, run_action, undo
from ui.core.changes import Change, changes_of
from ui.core.operations import Operation, OperationRunner

T = TypeVar("T")


class CaseHandle(QObject):
    failed = Signal(str, object)  # what was being done, the exception (unhandled failures)
    notice = Signal(str)  # something the analyst should know; the window shows it in the status bar

    def __init__(self, case: Case, runner: OperationRunner, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.runner = runner
        self.undo_stack = undo_stack

    @property
    def name(self) -> str:
        return self.case.name

    @property
    def changed(self):
        return self.runner.changed

    def read(self, fn: Callable[[Session], T], on_success: Callable[[T], None], *,
             label: str = "", on_failure: Callable[[BaseException], None] | None = None,
             long: bool = False) -> Operation:
        """Run ``fn(session)`` on the runner's read lane (beside any import or other
        write), or its lane of ``long`` reads; ``on_success(result)`` on the UI thread."""
        case = self.case

        def work(_progress: Progress) -> T:
            with case.read_session() as session:
                return fn(session)

        return self._run(work, label or "Reading", on_success, on_failure, read=True,
                         long=long)

    def write(self, description: str, fn: Callable[..., T], *,
              on_success: Callable[[T], None] | None = None,
              on_failure: Callable[[BaseException], None] | None = None,
              with_progress: bool = False) -> Operation:
        """One undoable user action: ``fn(session)`` in one transaction
        (``fn(session, progress)`` with ``with_progress``, for large writes)."""
        case = self.case
        box: dict[str, Operation] = {}

        def work(progress: Progress) -> tuple[T, UndoableAction]:
            call = (lambda s: fn(s, progress)) if with_progress else fn
            result, action = run_action(case, description, call)
            box["op"].changes.update(changes_of(action))
            return result, action

        def done(outcome: tuple[T, UndoableAction]) -> None:
            result, action = outcome
            if not action.empty:
                self.undo_stack.push(RecordedCommand(self, action))
            if on_success is not None and _alive(on_success):
                on_success(result)

        op = self._run(work, description, done, on_failure)
        box["op"] = op
        return op

    def task(self, fn: Callable[[Progress], T], *, label: str, changes: Iterable[Change],
             on_success: Callable[[T], None] | None = None,
             on_failure: Callable[[BaseException], None] | None = None) -> Operation:
        """A long job with progress and cancel (import, extraction, export)."""
        return self._run(fn, label, on_success, on_failure, changes)

    def replay(self, action: UndoableAction, *, backwards: bool) -> Operation:
        """Undo (``backwards``) or redo a recorded action through the runner."""
        case = self.case
        verb = "Undo" if backwards else "Redo"

        def work(_progress: Progress) -> None:
            (undo if backwards else redo)(case, action)

        def broken(exc: BaseException) -> None:
            # The stack no longer matches the case (someone else changed those rows).
            self.undo_stack.clear()
            self.failed.emit(f"{verb} «{action.description}»", exc)

        return self._run(work, f"{verb} {action.description}", None, broken, changes_of(action))

    def _run(self, fn: Callable[[Progress], Any], label: str,
             on_success: Callable[[Any], None] | None,
             on_failure: Callable[[BaseException], None] | None,
             changes: Iterable[Change] = (), *, read: bool = False,
             long: bool = False) -> Operation:
        fail = on_failure or (lambda exc: self.failed.emit(label, exc))
        return self.runner.run(fn, label=label, changes=changes, on_success=on_success,
                               on_failure=fail, read=read, long=long)


def _alive(callback: Callable[..., Any]) -> bool:
    """False when the callback is a method of a widget closed meanwhile."""
    owner = getattr(callback, "__self__", None)
    return not isinstance(owner, QObject) or shiboken6.isValid(owner)


class RecordedCommand(QUndoCommand):
    """A write already done; undo and redo replay it through the runner."""

    MAX_TEXT = 60  # the Edit menu shows "Undo <text>": a whole passage would not fit

    def __init__(self, handle: CaseHandle, action: UndoableAction) -> None:
        text = " ".join(action.description.split())
        if len(text) > self.MAX_TEXT:
            text = text[: self.MAX_TEXT - 1].rstrip() + "…"
        super().__init__(text)
        self.handle = handle
        self.action = action
        self._done_once = False

    def redo(self) -> None:
        if not self._done_once:  # push() calls redo(): the action has already run
            self._done_once = True
            return
        self.handle.replay(self.action, backwards=False)

    def undo(self) -> None:
        self.handle.replay(self.action, backwards=True)
