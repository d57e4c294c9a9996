"""Turns the selection into a ``Focus`` (what it brings along) once, for every view.

The timeline, graph and map each need "the incidents of this actor", "the
place of this incident"... One tracker per open case (on its ``CaseContext``) asks once
per selection and tells all of them, so three views do not run three queries.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from sqlalchemy.orm import Session

from casefile.db.case import Case
from casefile.queries import Focus, focus_for
from ui.core.changes import Change, ChangeSet
from ui.core.operations import OperationRunner
from ui.core.selection import Ref, SelectionModel
from ui.core.view_query import LatestQuery


class FocusTracker(QObject):
    focus_changed = Signal(object)  # Focus | None

    # What a Focus brings along (casefile.queries.focus_for reads these).
    watches: ChangeSet = frozenset({
        Change.ACTORS, Change.PLACES, Change.INCIDENTS, Change.INVOLVEMENTS, Change.RELATIONS,
        Change.SOURCES, Change.MENTIONS, Change.CITATIONS})

    def __init__(self, runner: OperationRunner, case: Case, selection: SelectionModel) -> None:
        super().__init__(selection)
        self.case = case
        self.selection = selection
        self.focus: Focus | None = None
        self._query = LatestQuery(runner, case, "selection", self)
        selection.selected.connect(self.follow)
        runner.changed.connect(self._changed)
        if selection.current is not None:  # made after something was selected
            self.follow(selection.current)

    def _changed(self, changes: ChangeSet) -> None:
        if changes & self.watches:
            self.follow(self.selection.current)

    def follow(self, ref: Ref | None) -> None:
        if ref is None:
            self._query.cancel()
            self._arrived(None)
            return

        def work(session: Session) -> Focus:
            return focus_for(session, ref.kind, ref.id)

        self._query.ask(work, self._arrived)

    def _arrived(self, focus: Focus | None) -> None:
        if focus is not None and not focus.exists:
            focus = None
        self.focus = focus
        self.focus_changed.emit(focus)

