"""Correct a proposal's name, kind or Latin name before accepting it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from casefile.services.review import ProposalRow
from casefile.services.vocab import ACTOR_KINDS, PLACE_KINDS


class ProposalEditDialog(QDialog):
    edited = Signal(str, object, object)  # name, kind or None, latin or None

    def __init__(self, row: ProposalRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalEdit")
        self.setWindowTitle(self.tr("Edit proposal"))
        self.name = QLineEdit(row.canonical)
        self.name.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.latin = QLineEdit(row.latin)
        self.kind = QComboBox()
        kinds = PLACE_KINDS if row.kind == "PLACE" else ACTOR_KINDS if row.kind in (
            "PERSON", "GROUP") else {}
        for value, label in kinds.items():
            self.kind.addItem(self.tr(label), str(value))
        guess = "person" if row.kind == "PERSON" else row.subkind
        if self.kind.findData(guess) >= 0:
            self.kind.setCurrentIndex(self.kind.findData(guess))
        self.kind.setVisible(bool(kinds))
        self.error = QLabel(objectName="fieldError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("In the text: «{}»").format(row.text)))
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.error)
        if row.kind != "incident":
            form.addRow(self.tr("Latin name"), self.latin)
        if kinds:
            form.addRow(self.tr("Kind"), self.kind)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self.error.setText(self.tr("The name is required."))
            self.error.show()
            return
        super().accept()
        kind = self.kind.currentData() if self.kind.count() else None
        self.edited.emit(name, kind, self.latin.text().strip() or None)
