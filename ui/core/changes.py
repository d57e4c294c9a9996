"""What a write changed, as a typed set (Anki's ``OpChanges``), and views that follow it.

Every write through the runner ends with one ``changed`` notification carrying a
``ChangeSet``: the kinds of record (one per table) the write touched. A view declares
the kinds it ``watches`` as ``Change`` members, so a misspelt kind fails when the module
is imported, not by a view that silently never refreshes. ``ChangeWatcher`` reloads a
view when a change touches what it watches; a view out of sight (a dock behind another
tab, a closed panel) only marks itself stale and reloads when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QDockWidget, QWidget

from casefile.undo import UndoableAction


class Change(StrEnum):
    """A kind of record a write can change: one member per table of the case."""

    TAGS = "tags"
    SOURCES = "sources"
    SOURCE_PAGES = "source_pages"
    ACTORS = "actors"
    PLACES = "places"
    ALIASES = "aliases"
    INCIDENTS = "incidents"
    INVOLVEMENTS = "involvements"
    RELATIONS = "relations"
    PROPOSALS = "proposals"
    MENTIONS = "mentions"
    CITATIONS = "citations"
    NOTES = "notes"
    STOP_NAMES = "stop_names"
    AUDIT_LOG = "audit_log"
    CASE_INFO = "case_info"


ChangeSet = frozenset[Change]
NOTHING: ChangeSet = frozenset()


def change_set(kinds: Iterable[Change | str]) -> ChangeSet:
    """``kinds`` as a ``ChangeSet``; a name that is no kind of record raises ValueError."""
    return frozenset(Change(kind) for kind in kinds)


def changes_of(action: UndoableAction) -> ChangeSet:
    """The kinds of record a recorded action wrote (its undo log names each row's model)."""
    return change_set(change["model"].__tablename__ for change in action.changes)


def in_sight(widget: QWidget) -> bool:
    """Whether the analyst can see ``widget``: shown, and not in a dock behind another tab
    (Qt keeps such a dock "visible" but moves it out of the window)."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


class ChangeWatcher(QObject):
    """Calls ``reload`` when a change touches ``watches``; a view out of sight only marks
    itself stale, and reloads when it is shown or its dock's tab is chosen."""

    def __init__(self, view: QWidget, changed: SignalInstance, watches: ChangeSet,
                 reload: Callable[[], None]) -> None:
        super().__init__(view)
        self.view = view
        self.watches = watches
        self.reload = reload
        self.stale = False
        self._dock: QDockWidget | None = None
        view.installEventFilter(self)
        changed.connect(self._changed)

    def _changed(self, changes: ChangeSet) -> None:
        if changes & self.watches:
            self.request()

    def request(self) -> None:
        """Reload now if the view is in sight, else when it next is."""
        if in_sight(self.view):
            self.reload()
            return
        self.stale = True
        dock = self._enclosing_dock()
        if dock is not None and dock is not self._dock:  # the dock may come after the view
            self._dock = dock
            dock.visibilityChanged.connect(self._dock_visibility)

    def _enclosing_dock(self) -> QDockWidget | None:
        widget = self.view.parentWidget()
        while widget is not None and not isinstance(widget, QDockWidget):
            widget = widget.parentWidget()
        return widget

    def _dock_visibility(self, visible: bool) -> None:
        if visible:
            self._catch_up()

    def _catch_up(self) -> None:
        if self.stale:
            self.stale = False
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale:
            # Shown may still be off screen (a dock put behind a tab): look once laid out.
            QTimer.singleShot(0, self, self._show_caught)
        return False

    def _show_caught(self) -> None:
        if self.stale:
            self.stale = False
            self.request()
