"""A table model over ids whose rows load a page at a time, through the runner.

Subclasses say how to list the ids (filter and order happen in the database),
how to fetch a page of rows, and how to show a row. Only the ids are held up
front, so a case of 100,000 records scrolls as smoothly as one of ten.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from ui.core.case_handle import CaseHandle
from ui.core.changes import NOTHING, ChangeSet

PLACEHOLDER = "…"


class LazyTableModel(QAbstractTableModel):
    loaded = Signal(int)  # how many ids passed the filter
    page_loaded = Signal(int)

    columns: Sequence[tuple[str, str]] = ()
    watches: ChangeSet = NOTHING  # what, changed, reloads the model

    def __init__(self, handle: CaseHandle, page_size: int = 200,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handle = handle
        self.page_size = page_size
        self.ids: list[int] = []
        self.rows: dict[int, Any] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self.pages_requested = 0
        handle.changed.connect(self._on_changed)

    # --- what subclasses provide ---------------------------------------------------

    def query_ids(self) -> Any:
        """A function of a Session returning the ids in order (captures the filter now)."""
        raise NotImplementedError

    def query_rows(self, ids: list[int]) -> Any:
        """A function of a Session returning {id: row} for these ids."""
        raise NotImplementedError

    def display(self, row: Any, key: str, role: int) -> Any:
        raise NotImplementedError

    # --- loading -----------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        fetch = self.query_ids()
        self.handle.read(fetch, lambda ids: self._ids_loaded(generation, ids),
                         label=self.tr("Listing"))

    def _ids_loaded(self, generation: int, ids: list[int]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.beginResetModel()
        self.ids, self.rows, self._pending = list(ids), {}, set()
        self.endResetModel()
        self.loaded.emit(len(self.ids))

    def _request_page(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        self.pages_requested += 1
        wanted = self.ids[page * self.page_size:(page + 1) * self.page_size]
        generation = self._generation
        fetch = self.query_rows(wanted)
        self.handle.read(fetch, lambda rows: self._page_loaded(generation, page, rows),
                         label=self.tr("Loading rows"))

    def _page_loaded(self, generation: int, page: int, rows: dict[int, Any]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.rows.update(rows)
        first = page * self.page_size
        last = min(len(self.ids), first + self.page_size) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0),
                                  self.index(last, len(self.columns) - 1))
        self.page_loaded.emit(page)

    def _on_changed(self, changes: ChangeSet) -> None:
        if changes & self.watches:
            self.refresh()

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.columns[section][1])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.ids):
            return None
        if role == Qt.ItemDataRole.UserRole:
            return self.ids[index.row()]
        row = self.rows.get(self.ids[index.row()])
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole:
                self._request_page(index.row() // self.page_size)
                return PLACEHOLDER if index.column() == 0 else ""
            return None
        return self.display(row, self.columns[index.column()][0], role)

    def id_at(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_at(self, row: int) -> Any:
        source_id = self.id_at(row)
        return self.rows.get(source_id) if source_id is not None else None

    def row_of(self, record_id: int) -> int | None:
        try:
            return self.ids.index(record_id)
        except ValueError:
            return None
