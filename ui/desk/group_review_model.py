"""The grouped review's item model: one row per group of open proposals, most reported first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
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


class MembersModel(QAbstractListModel):
    """The open group's mentions, each with a tick: unticked ones are left out of the decision.

    A model rather than a list of widgets' items: «تونس» has thousands of mentions, and
    making (and laying out) an item for each froze the desk for a second.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []  # services.review.ProposalRow
        self.group_id: str | None = None
        self.left_out: set[int] = set()

    def set_rows(self, rows: list[Any], group_id: str | None = None) -> None:
        """Show ``rows``; the mentions left out stay left out when they are the same
        group's again (re-read after a change elsewhere must not undo the analyst's ticks)."""
        keep = self.left_out if group_id is not None and group_id == self.group_id else set()
        self.beginResetModel()
        self.rows, self.group_id = rows, group_id
        self.left_out = keep & {r.id for r in rows}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.text} — {row.source_title}"
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Unchecked if row.id in self.left_out else Qt.CheckState.Checked
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.context
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    def setData(self, index: QModelIndex, value: Any,  # noqa: N802 - Qt API
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        pid = self.rows[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.left_out.discard(pid)
        else:
            self.left_out.add(pid)
        self.dataChanged.emit(index, index, [role])
        return True

    def set_checked(self, row: int, checked: bool) -> None:
        self.setData(self.index(row), Qt.CheckState.Checked if checked
                     else Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)

    def exceptions(self) -> list[int]:
        """The ids left out, in the order shown."""
        return [r.id for r in self.rows if r.id in self.left_out]
