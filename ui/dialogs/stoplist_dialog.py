"""The case's "not an entity" list: names extraction no longer proposes, to see and to edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casefile.review import stoplist
from ui.core.case_handle import CaseHandle
from ui.core.changes import Change, ChangeSet
from ui.desk.group_review_model import TYPE_LABELS


class StoplistDialog(QDialog):
    """Non-blocking; every change is one undoable write, and the list reloads after it."""

    def __init__(self, handle: CaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stoplistDialog")
        self.setWindowTitle(self.tr("Not an entity"))
        self.handle = handle
        self.entries: list[stoplist.StopEntry] = []
        intro = QLabel(self.tr("Names on this list are not proposed again in later imports "
                               "and re-runs. Confirming such a name by hand takes it off."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 3, objectName="stoplistTable")
        self.table.setHorizontalHeaderLabels([self.tr("Type"), self.tr("Name"),
                                              self.tr("Added by")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 240)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.remove_button = QPushButton(self.tr("Take off the list"), objectName="stopRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.new_type = QComboBox(objectName="stopType")
        for code in stoplist.STOP_TYPES:
            self.new_type.addItem(self.tr(TYPE_LABELS[code]), code)
        self.new_name = QLineEdit(objectName="stopName", placeholderText=self.tr("a name"))
        self.add_button = QPushButton(self.tr("Add"), objectName="stopAdd")
        self.add_button.clicked.connect(self.add_name)
        self.new_name.returnPressed.connect(self.add_name)
        row = QHBoxLayout()
        row.addWidget(self.new_type)
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(560, 420)
        handle.changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        self.handle.read(stoplist.entries, self._show, label="Reading the not-an-entity list")

    def _on_changed(self, changes: ChangeSet) -> None:
        if Change.STOP_NAMES in changes:
            self.reload()

    def _show(self, entries: list[stoplist.StopEntry]) -> None:
        self.entries = entries
        self.table.setRowCount(len(entries))
        for i, e in enumerate(entries):
            for col, text in enumerate((self.tr(TYPE_LABELS[e.type]), e.text,
                                        f"{e.added_by} · {e.added_at}")):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.entries[r].id for r in rows if r < len(self.entries)]
        if ids:
            self.handle.write(self.tr("Take {} name(s) off the not-an-entity list").format(
                len(ids)), lambda s: [stoplist.remove(s, i) for i in ids])

    def add_name(self) -> None:
        text, type_ = self.new_name.text().strip(), self.new_type.currentData()
        if text:
            self.new_name.clear()
            self.handle.write(self.tr("«{}» is not an entity").format(text),
                              lambda s: stoplist.add(s, type_, text))
