"""A save lost an optimistic-lock race: show both versions, let the analyst choose."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _show(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(_show(v) for v in value) or "—"
    if isinstance(value, tuple):
        return " · ".join(str(v) for v in value[1:] if v not in (None, ""))
    return "—" if value in (None, "") else str(value)


class ConflictDialog(QDialog):
    keep_mine = Signal()
    take_theirs = Signal()

    def __init__(self, record: str, mine: dict[str, Any], theirs: dict[str, Any],
                 labels: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this record"))
        intro = QLabel(self.tr(
            "{} was changed by someone else since you opened it, so your version was not "
            "saved. Nothing is lost: choose which version to keep.").format(record))
        intro.setWordWrap(True)
        keys = [k for k in mine if k in theirs]
        self.different = [k for k in keys if mine[k] != theirs[k]]
        self.table = QTableWidget(len(keys), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Your version"),
                                              self.tr("Their version (saved)")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for row, key in enumerate(keys):
            cells = [self.tr(labels.get(key, key)), _show(mine[key]), _show(theirs[key])]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if key in self.different:
                    item.setBackground(QBrush(QColor("#fff3cd")))
                    if col == 0:
                        font = item.font()
                        font.setBold(True)
                        item.setFont(font)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox()
        self.mine_button = QPushButton(self.tr("Keep mine (save it over theirs)"))
        self.theirs_button = QPushButton(self.tr("Take theirs (drop my changes)"))
        buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.theirs_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Cancel keeps your version in the form, unsaved.")))
        layout.addWidget(buttons)
        self.resize(720, 420)
        self.mine_button.clicked.connect(self._mine)
        self.theirs_button.clicked.connect(self._theirs)
        buttons.rejected.connect(self.reject)

    def _mine(self) -> None:
        self.accept()
        self.keep_mine.emit()

    def _theirs(self) -> None:
        self.accept()
        self.take_theirs.emit()
