"""Small field widgets the forms share, and the one way a table's row is selected."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QPlainTextEdit, QWidget


def select_row(table: QAbstractItemView, row: int) -> None:
    """Make ``row`` the current, selected row and show it.

    Not ``QTableView.selectRow``: in a right-to-left table whose columns are narrower than
    the view (the Arabic interface) it finds no column there and clears the current row, so
    the keyboard decisions had nothing to act on.
    """
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        | QItemSelectionModel.SelectionFlag.Rows)
    table.scrollTo(index)


def arabic_line(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # text starts at the right
    return edit


def latin_line(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return edit


def date_line(parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setPlaceholderText("YYYY-MM-DD")
    edit.setMaxLength(10)
    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return edit


def notes_box(parent: QWidget | None = None, rtl: bool = True) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(60)
    box.setMaximumHeight(110)
    if rtl:
        box.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    return box


def choice_box(choices: dict, parent: QWidget | None = None, *,
               empty: str | None = None) -> QComboBox:
    box = QComboBox(parent)
    if empty is not None:
        box.addItem(empty, "")
    for value, label in choices.items():
        box.addItem(vocabulary_label(label), str(value) if not isinstance(value, int) else value)
    return box


def vocabulary_label(label: str) -> str:
    """A vocabulary word in the interface language (the catalogue's "Vocabulary" context)."""
    return QCoreApplication.translate("Vocabulary", label)


def set_choice(box: QComboBox, value) -> None:
    index = box.findData(value)
    box.setCurrentIndex(index if index >= 0 else 0)
