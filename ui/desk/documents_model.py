"""The documents panel's item model: source ids in order, rows loaded a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt

from casefile.services.sources import SourceFilter, SourceRow, source_ids, source_rows
from ui.core.case_handle import CaseHandle
from ui.core.changes import Change
from ui.core.lazy_model import LazyTableModel

COLUMNS = [  # header words marked for lupdate; LazyTableModel translates them
    ("title", QT_TRANSLATE_NOOP("DocumentsModel", "Title")),
    ("open_proposals", QT_TRANSLATE_NOOP("DocumentsModel", "To review")),
    ("confirmed", QT_TRANSLATE_NOOP("DocumentsModel", "Confirmed")),
    ("published", QT_TRANSLATE_NOOP("DocumentsModel", "Date")),
    ("publisher", QT_TRANSLATE_NOOP("DocumentsModel", "Publisher")),
    ("language", QT_TRANSLATE_NOOP("DocumentsModel", "Lang.")),
    ("status", QT_TRANSLATE_NOOP("DocumentsModel", "Status")),
    ("imported_at", QT_TRANSLATE_NOOP("DocumentsModel", "Imported")),
]


class DocumentsModel(LazyTableModel):
    columns = COLUMNS
    watches = frozenset({Change.SOURCES, Change.PROPOSALS, Change.MENTIONS})

    def __init__(self, handle: CaseHandle, page_size: int = 200,
                 parent: QObject | None = None) -> None:
        super().__init__(handle, page_size, parent)
        self.filter = SourceFilter()
        self.sort_key, self.descending = "imported_at", True

    def query_ids(self):
        flt, key, desc = self.filter, self.sort_key, self.descending
        return lambda s: source_ids(s, flt, sort=key, descending=desc)

    def query_rows(self, ids: list[int]):
        return lambda s: source_rows(s, ids)

    def display(self, row: SourceRow, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            value = getattr(row, key)
            if key == "imported_at" and value is not None:
                return value.strftime("%Y-%m-%d %H:%M")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return f"{row.title}\n{row.file_name}"
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("open_proposals", "confirmed"):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def set_filter(self, flt: SourceFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_key = COLUMNS[column][0]
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()
