"""With Arabic chosen, no word of the desk is left in English: menus, actions, dock titles,
the column headers of the documents panel and the review queue, and every form's labels.

Latin letters are allowed only in names that are not words of the interface (Casefile,
file formats, shortcuts) and in the case's own data (file names of recent cases).
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QMenu, QTableWidget

from ui.core import i18n

ALLOWED = re.compile(r"Casefile|SHA-256|PDF|CSV|JSON|HTML|PNG|SVG|A4|Letter|Qt|PySide6|"
                     r"SQLAlchemy|YYYY(-MM)?(-DD)?|Ctrl\+\S+|Alt\+\S+|Shift\+\S+|F\d+")
LATIN = re.compile(r"[A-Za-z]{2,}")


def english_left(texts: dict[str, str]) -> dict[str, str]:
    return {where: text for where, text in texts.items()
            if text and LATIN.search(ALLOWED.sub("", text.replace("&", "")))}


def menu_texts(menu: QMenu, where: str, out: dict[str, str]) -> None:
    menu.aboutToShow.emit()  # menus filled on demand (View, Recent cases)
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            out[f"{where} › menu"] = action.text()
            menu_texts(action.menu(), f"{where} › {action.text()}", out)
        elif "/" not in action.text():  # a recent case is a path: data, not interface
            out[f"{where} › {action.text()}"] = action.text()


def header_texts(model, where: str, out: dict[str, str]) -> None:
    assert model.columnCount() > 1
    for col in range(model.columnCount()):
        text = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        assert text, f"{where}: column {col} has no header"  # a blank translation hides it
        out[f"{where} column {col}"] = text


def form_texts(form, where: str, out: dict[str, str]) -> None:
    for layout in form.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and isinstance(item.widget(), QLabel):
                out[f"{where} label {row}"] = item.widget().text()
    for table in form.findChildren(QTableWidget):
        for col in range(table.columnCount()):
            header = table.horizontalHeaderItem(col)
            out[f"{where} table column {col}"] = header.text() if header else ""
    for button in form.findChildren(QAbstractButton):
        if button.text():
            out[f"{where} button"] = button.text()


def test_nothing_of_the_desk_stays_in_english(desk, qtbot):
    window, _ids = desk
    i18n.apply_language("ar")
    try:
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == "&ملف", timeout=5000)
        qtbot.waitUntil(lambda: not window.handle.runner.running, timeout=10_000)
        texts: dict[str, str] = {}
        for action in window.menuBar().actions():
            texts[f"menu bar {action.text()}"] = action.text()
            menu_texts(action.menu(), action.text(), texts)
        for name, action in window.actions_by_name.items():
            texts[f"action {name}"] = action.text()
            texts[f"action {name} tooltip"] = action.toolTip()
        for name, dock in {**window.docks, **window.linked_docks}.items():
            texts[f"dock {name}"] = dock.windowTitle()
        header_texts(window.panels["documents"].table.model(), "documents", texts)
        header_texts(window.panels["review"].table.model(), "review queue", texts)
        for kind, form in window.panels["record"].forms.items():
            form_texts(form, f"{kind} form", texts)
        window.actions_by_name["export"].trigger()
        form_texts(window.dialog, "export dialog", texts)
        texts["export dialog title"] = window.dialog.windowTitle()
        window.dialog.reject()
        assert len(texts) > 80
        assert english_left(texts) == {}
    finally:
        i18n.apply_language("en")
