"""One selection for the whole window, with history and shared filters.

Views emit ``select(Ref(...))`` when the analyst picks something and listen to
``selected`` to follow. Filters (date range, incident types, actor kinds), the
domain's own ``casefile.queries.ViewFilters``, apply to every view at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from casefile.queries import ViewFilters


@dataclass(frozen=True)
class Ref:
    kind: str  # "actor", "place", "incident", "source", "proposal"
    id: int


class SelectionModel(QObject):
    selected = Signal(object)  # Ref | None
    filters_changed = Signal(object)  # ViewFilters
    history_changed = Signal(bool, bool)  # can go back, can go forward

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: list[Ref] = []
        self._pos = -1
        self.filters = ViewFilters()

    @property
    def current(self) -> Ref | None:
        return self._history[self._pos] if self._pos >= 0 else None

    def select(self, ref: Ref | None) -> None:
        if ref == self.current:
            return
        if ref is not None:
            del self._history[self._pos + 1:]
            self._history.append(ref)
            self._pos = len(self._history) - 1
        self._emit(ref)

    def back(self) -> None:
        if self._pos > 0:
            self._pos -= 1
            self._emit(self.current)

    def forward(self) -> None:
        if self._pos + 1 < len(self._history):
            self._pos += 1
            self._emit(self.current)

    def set_filters(self, filters: ViewFilters) -> None:
        if filters != self.filters:
            self.filters = filters
            self.filters_changed.emit(filters)

    def _emit(self, ref: Ref | None) -> None:
        self.selected.emit(ref)
        self.history_changed.emit(self._pos > 0, self._pos + 1 < len(self._history))
