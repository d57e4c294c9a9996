"""One open case as every view sees it, built once when the case opens.

Desk panels, forms and the linked views all take a ``CaseContext``: the case's handle
(reads and undoable writes through its runner), the window's one selection, the
navigator (show a passage, open a record's form) and the focus tracker the linked
views share. Nothing else is handed around, and nothing is found by searching Qt's
children.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QUndoStack

from casefile.db.case import Case
from ui.core.case_handle import CaseHandle
from ui.core.focus_tracker import FocusTracker
from ui.core.navigation import Navigator
from ui.core.operations import OperationRunner
from ui.core.selection import SelectionModel


@dataclass(frozen=True)
class CaseContext:
    handle: CaseHandle
    selection: SelectionModel
    navigator: Navigator
    focus: FocusTracker

    @property
    def case(self) -> Case:
        return self.handle.case

    @property
    def runner(self) -> OperationRunner:
        return self.handle.runner

    @property
    def changed(self) -> SignalInstance:
        """The runner's one notification after a write, with its ``ChangeSet``."""
        return self.handle.runner.changed


def open_context(case: Case, runner: OperationRunner, undo_stack: QUndoStack,
                 parent: QObject | None = None) -> CaseContext:
    """The context for ``case`` (already open), its work run by ``runner``."""
    handle = CaseHandle(case, runner, undo_stack, parent)
    selection = SelectionModel(parent)
    return CaseContext(handle, selection, Navigator(parent),
                       FocusTracker(runner, case, selection))
