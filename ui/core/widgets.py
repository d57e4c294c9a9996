"""Small field widgets the forms share, the desk's tables of rows, and the one way a
table's row is selected."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)


def row_table(model: QAbstractItemModel, name: str, widths: Sequence[int], *,
              several: bool = False) -> QTableView:
    """A table of whole rows (documents, proposals, names), one row or ``several`` selected,
    columns of the given widths. Never ResizeToContents: it would read every row and defeat
    the lazy models."""
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if several
                           else QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(24)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for col, width in enumerate(widths):
        header.resizeSection(col, width)
    return table


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


NO_DATE = QDate(1800, 1, 1)  # the minimum of a date box stands for "any date"


def any_date_box(parent: QWidget | None = None) -> QDateEdit:
    """A date picker whose lowest value means "no limit" (the filters, the export)."""
    box = QDateEdit(parent)
    box.setCalendarPopup(True)
    box.setMinimumDate(NO_DATE)
    box.setDate(NO_DATE)
    box.setDisplayFormat("yyyy-MM-dd")
    return box


def box_date(box: QDateEdit) -> dt.date | None:
    d = box.date()
    return None if d == NO_DATE else dt.date(d.year(), d.month(), d.day())


def show_date(box: QDateEdit, value: dt.date | None) -> None:
    box.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))


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
