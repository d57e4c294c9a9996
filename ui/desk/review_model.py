"""The review queue's item model: proposal ids of a document or the case, rows lazily."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QBrush

from casefile.services.review import ProposalRow, proposal_ids, proposal_rows
from ui.core import vocabulary
from ui.core.case_handle import CaseHandle
from ui.core.changes import Change
from ui.core.lazy_model import LazyTableModel
from ui.core.marks_style import TYPE_LABELS, colour

COLUMNS = [  # header words marked for lupdate; LazyTableModel translates them
    ("mark_type", QT_TRANSLATE_NOOP("ReviewModel", "Kind")),
    ("text", QT_TRANSLATE_NOOP("ReviewModel", "In the text")),
    ("canonical", QT_TRANSLATE_NOOP("ReviewModel", "Proposed as")),
    ("matched_alias", QT_TRANSLATE_NOOP("ReviewModel", "Matched alias")),
    ("confidence", QT_TRANSLATE_NOOP("ReviewModel", "Confidence")),
    ("source_title", QT_TRANSLATE_NOOP("ReviewModel", "Document")),
]


class ReviewModel(LazyTableModel):
    columns = COLUMNS
    watches = frozenset({Change.PROPOSALS})

    def __init__(self, handle: CaseHandle, page_size: int = 200,
                 parent: QObject | None = None) -> None:
        super().__init__(handle, page_size, parent)
        self.whole_case = False
        self.source_id: int | None = None  # the document, when not the whole case

    def set_scope(self, source_id: int | None, whole_case: bool) -> None:
        self.source_id, self.whole_case = source_id, whole_case
        self.refresh()

    def query_ids(self):
        if self.whole_case:
            return lambda s: proposal_ids(s)
        source_id = self.source_id
        return lambda s: proposal_ids(s, source_id) if source_id is not None else []

    def query_rows(self, ids: list[int]):
        return lambda s: {r.id: r for r in proposal_rows(s, ids)}

    def display(self, row: ProposalRow, key: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "mark_type":
                return self.tr(TYPE_LABELS.get(row.mark_type, row.kind.capitalize()))
            if key == "confidence":
                return f"{round(row.confidence * 100)}%"
            if key == "canonical":
                shown = f"{row.canonical} ({row.latin})" if row.latin else row.canonical
                if row.kind == "incident" and row.subkind:  # the sub-type, in the UI's language
                    shown = f"{vocabulary.subtype(row.subkind)}: {shown}"
                return shown
            return getattr(row, key)
        if role == Qt.ItemDataRole.ForegroundRole and key == "mark_type":
            return QBrush(colour(row.mark_type))
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.context
        return None
