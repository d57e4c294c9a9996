"""The grouped review's item model: one row per group of open proposals, most reported first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush

from casefile.review.groups import Group
from ui.core.marks_style import colour

ISOLATE = "\u2068%s\u2069"  # a name keeps its own direction beside numbers
_MARK = {"PERSON": "person", "GROUP": "group", "PLACE": "place", "INCIDENT": "incident"}
TYPE_LABELS = {
    "PERSON": QT_TRANSLATE_NOOP("GroupReviewModel", "Person"),
    "GROUP": QT_TRANSLATE_NOOP("GroupReviewModel", "Group"),
    "PLACE": QT_TRANSLATE_NOOP("GroupReviewModel", "Place"),
    "INCIDENT": QT_TRANSLATE_NOOP("GroupReviewModel", "Incident"),
}
COLUMNS = [
    ("type", QT_TRANSLATE_NOOP("GroupReviewModel", "Type")),
    ("name", QT_TRANSLATE_NOOP("GroupReviewModel", "Name")),
    ("linked", QT_TRANSLATE_NOOP("GroupReviewModel", "Known as")),
    ("reports", QT_TRANSLATE_NOOP("GroupReviewModel", "Reports")),
    ("mentions", QT_TRANSLATE_NOOP("GroupReviewModel", "Mentions")),
    ("confidence", QT_TRANSLATE_NOOP("GroupReviewModel", "Confidence")),
]


class GroupReviewModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.groups: list[Group] = []

    def set_groups(self, groups: list[Group]) -> None:
        self.beginResetModel()
        self.groups = groups
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.groups)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section][1])
        return None

    def group_at(self, row: int) -> Group | None:
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def row_of(self, group_id: str) -> int | None:
        for i, g in enumerate(self.groups):
            if g.id == group_id:
                return i
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        g = self.group_at(index.row())
        if g is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "type":
                return self.tr(TYPE_LABELS[g.type])
            if key == "name":
                return g.name
            if key == "linked":
                if g.linked is None:
                    return self.tr("new")
                alias = f" · «{ISOLATE % g.matched_alias}»" if g.matched_alias and \
                    g.matched_alias != g.linked.name else ""
                if not g.exact:  # matched loosely: a look before accepting
                    return self.tr("like: {} ?").format(ISOLATE % g.linked.name) + alias
                return self.tr("known: {}").format(ISOLATE % g.linked.name) + alias
            if key in ("reports", "mentions"):
                return getattr(g, key)
            if key == "confidence":
                low, mid, high = (round(x * 100) for x in g.confidence)
                return f"{low}–{high}% (~{mid})" if low != high else f"{low}%"
        if role == Qt.ItemDataRole.ForegroundRole and key == "type":
            return QBrush(colour(_MARK[g.type]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "linked" and g.linked is not None:
                how = self.tr("a confirmed name or alias matched at import") \
                    if g.linked.by_extraction else self.tr("the same name as this record")
                if not g.exact:
                    how = self.tr("a spelling close to one of its names, not the same: "
                                  "accept only if it is the same record")
                return f"{g.linked.kind} {g.linked.id}: {g.linked.name} — {how}"
            if key == "name":
                return g.name
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("reports", "mentions"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
