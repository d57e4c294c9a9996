"""An editable table of small rows (aliases, relations, places, involved actors)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.core.icons import icon


@dataclass
class Column:
    header: str
    make: Callable[[], QWidget]
    get: Callable[[QWidget], Any]
    put: Callable[[QWidget, Any], None]
    signal: str  # the widget's change signal, e.g. "textChanged"
    stretch: bool = False
    width: int = 110  # when not stretched (cell widgets have no size hint the header reads)


class RowsEditor(QWidget):
    edited = Signal()

    def __init__(self, columns: list[Column], add_label: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([self.tr(c.header) for c in columns])
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for i, col in enumerate(columns):
            if col.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                header.resizeSection(i, col.width)
        self._fit_height()
        self.add_button = QToolButton(icon=icon("add"), text=self.tr(add_label))
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.remove_button = QToolButton(icon=icon("remove"), text=self.tr("Remove"))
        self.remove_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        self.widget_setup: Callable[[int, QWidget], None] | None = None

    def add_row(self, values: list[Any] | None = None, row_id: int | None = None) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        marker = QTableWidgetItem()
        marker.setData(Qt.ItemDataRole.UserRole, row_id)
        self.table.setVerticalHeaderItem(row, marker)
        for c, col in enumerate(self.columns):
            widget = col.make()
            if self.widget_setup:
                self.widget_setup(c, widget)
            if values is not None:
                col.put(widget, values[c])
            getattr(widget, col.signal).connect(lambda *_: self.edited.emit())
            self.table.setCellWidget(row, c, widget)
        if values is None:
            self.edited.emit()
        self._fit_height()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        self._fit_height()
        if rows:
            self.edited.emit()

    def _fit_height(self, most: int = 6) -> None:
        """As tall as its rows (one empty line to drop into), scrolling beyond ``most``."""
        rows = min(max(self.table.rowCount() + 1, 2), most)
        height = (self.table.horizontalHeader().sizeHint().height()
                  + rows * self.table.verticalHeader().defaultSectionSize()
                  + 2 * self.table.frameWidth() + 2)
        self.table.setFixedHeight(height)

    def set_rows(self, rows: list[tuple[int | None, list[Any]]]) -> None:
        self.table.setRowCount(0)
        for row_id, values in rows:
            self.add_row(values, row_id)

    def rows(self) -> list[tuple[int | None, list[Any]]]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.verticalHeaderItem(row)
            row_id = item.data(Qt.ItemDataRole.UserRole) if item else None
            out.append((row_id, [col.get(self.table.cellWidget(row, c))
                                 for c, col in enumerate(self.columns)]))
        return out

    def cell(self, row: int, column: int) -> QWidget:
        return self.table.cellWidget(row, column)
