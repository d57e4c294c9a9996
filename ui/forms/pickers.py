"""Choosing a record in a form: an editable combo box with completion over names."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from casefile.services.choices import Choice


class RecordPicker(QComboBox):
    """Items are labels with "kind:id" data; typing completes on any part of a name."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None, *, allow_none: bool = True) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(8)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # names are Arabic first
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.allow_none = allow_none
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.currentIndexChanged.connect(lambda _i: self.picked.emit())
        self.set_choices([])

    def set_choices(self, choices: list[tuple[str, list[Choice]]]) -> None:
        """Groups of choices: [("actor", [...]), ("place", [...])]."""
        current = self.value()
        self.blockSignals(True)
        self.clear()
        if self.allow_none:
            self.addItem("", None)
        for kind, items in choices:
            for choice in items:
                self.addItem(choice.label, f"{kind}:{choice.id}")
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> tuple[str, int] | None:
        data = self.currentData()
        if not data or self.currentText() != self.itemText(self.currentIndex()):
            return None  # typed text that names nothing
        kind, _, record_id = str(data).partition(":")
        return kind, int(record_id)

    def value_id(self) -> int | None:
        value = self.value()
        return value[1] if value else None

    def set_value(self, value: tuple[str, int] | None, label: str = "") -> None:
        self.blockSignals(True)
        try:
            if value is None or value[1] is None:
                self.setCurrentIndex(0 if self.allow_none else -1)
                self.setEditText("")
                return
            key = f"{value[0]}:{value[1]}"
            index = self.findData(key)
            if index < 0 and label:  # not loaded yet: keep it selectable
                self.addItem(label, key)
                index = self.count() - 1
            self.setCurrentIndex(index)
            self.lineEdit().setCursorPosition(0)  # show the start of a long name
        finally:
            self.blockSignals(False)
