"""The main window's actions, menus and toolbar (File, Edit, View, Help)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from ui.core.icons import icon
from ui.desk import window_dialogs as dialogs

if TYPE_CHECKING:
    from ui.desk.main_window import MainWindow


def _action(window: MainWindow, name: str, text: str, slot: Callable | None,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            icon_name: str | None = None, tip: str = "") -> QAction:
    action = QAction(window.tr(text), window)
    action.setObjectName(f"action_{name}")
    if icon_name:
        action.setIcon(icon(icon_name))
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip or shortcut:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{window.tr(tip or text).replace('&', '')}"
                          + (f" ({keys})" if keys else ""))
    if slot:
        action.triggered.connect(lambda _checked=False: slot())
    window.actions_by_name[name] = action
    return action


def build_actions(w: MainWindow) -> None:
    std = QKeySequence.StandardKey
    _action(w, "new_case", QT_TRANSLATE_NOOP("MainWindow", "&New case…"), lambda: dialogs.new_case_dialog(w), std.New, "new")
    _action(w, "open_case", QT_TRANSLATE_NOOP("MainWindow", "&Open case…"), lambda: dialogs.open_case_dialog(w), std.Open,
            "open")
    _action(w, "import", QT_TRANSLATE_NOOP("MainWindow", "&Import files…"), lambda: dialogs.import_files_dialog(w), "Ctrl+I",
            "import", QT_TRANSLATE_NOOP("MainWindow", "Import files (or drop them on the window)"))
    _action(w, "import_folder", QT_TRANSLATE_NOOP("MainWindow", "Import a &folder…"), lambda: dialogs.import_folder_dialog(w),
            "Ctrl+Shift+I")
    _action(w, "export", QT_TRANSLATE_NOOP("MainWindow", "&Export…"), lambda: dialogs.export_dialog(w), "Ctrl+E", "export")
    _action(w, "quit", QT_TRANSLATE_NOOP("MainWindow", "&Quit"), w.close, std.Quit, "quit")
    undo = w.undo_stack.createUndoAction(w, w.tr("&Undo"))
    undo.setShortcut(QKeySequence(std.Undo))
    undo.setIcon(icon("undo"))
    undo.setObjectName("action_undo")
    redo = w.undo_stack.createRedoAction(w, w.tr("&Redo"))
    keys = [QKeySequence(std.Redo), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
    redo.setShortcuts([k for i, k in enumerate(keys) if k not in keys[:i]])
    redo.setIcon(icon("redo"))
    redo.setObjectName("action_redo")
    w.actions_by_name.update(undo=undo, redo=redo)
    _action(w, "find", QT_TRANSLATE_NOOP("MainWindow", "&Find in document"), w.find_in_document, std.Find, "find")
    _action(w, "search", QT_TRANSLATE_NOOP("MainWindow", "Search the &case…"), w.open_search, "Ctrl+K", None,
            QT_TRANSLATE_NOOP("MainWindow", "Search actors, places, incidents and documents"))
    _action(w, "new_actor", QT_TRANSLATE_NOOP("MainWindow", "New &actor"), lambda: w.new_record("actor"), "Ctrl+Shift+N",
            "actor")
    _action(w, "new_place", QT_TRANSLATE_NOOP("MainWindow", "New &place"), lambda: w.new_record("place"), None, "place")
    _action(w, "new_incident", QT_TRANSLATE_NOOP("MainWindow", "New inci&dent"), lambda: w.new_record("incident"), None,
            "incident")
    _action(w, "back", QT_TRANSLATE_NOOP("MainWindow", "&Back"), w.go_back, std.Back, "back")
    _action(w, "forward", QT_TRANSLATE_NOOP("MainWindow", "&Forward"), w.go_forward, std.Forward, "forward")
    _action(w, "preferences", QT_TRANSLATE_NOOP("MainWindow", "&Preferences…"), lambda: dialogs.open_preferences(w),
            std.Preferences)
    _action(w, "reset_layout", QT_TRANSLATE_NOOP("MainWindow", "&Reset layout"), w.reset_layout)
    _action(w, "about", QT_TRANSLATE_NOOP("MainWindow", "&About Casefile"), lambda: dialogs.about(w), None, "about")


def build_menus(w: MainWindow) -> None:
    a = w.actions_by_name
    bar = w.menuBar()
    file_menu = bar.addMenu(w.tr("&File"))
    file_menu.setObjectName("menu_file")
    file_menu.addActions([a["new_case"], a["open_case"]])
    w.recent_menu = QMenu(w.tr("&Recent cases"), w)
    w.recent_menu.setObjectName("menu_recent")
    w.recent_menu.aboutToShow.connect(lambda: dialogs.fill_recent_menu(w))
    file_menu.addMenu(w.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a["import"], a["import_folder"], a["export"]])
    file_menu.addSeparator()
    file_menu.addAction(a["quit"])

    edit = bar.addMenu(w.tr("&Edit"))
    edit.setObjectName("menu_edit")
    edit.addActions([a["undo"], a["redo"]])
    edit.addSeparator()
    edit.addActions([a["find"], a["search"]])
    edit.addSeparator()
    edit.addActions([a["new_actor"], a["new_place"], a["new_incident"]])
    edit.addSeparator()
    edit.addActions([a["back"], a["forward"]])
    edit.addSeparator()
    edit.addAction(a["preferences"])

    w.view_menu = bar.addMenu(w.tr("&View"))
    w.view_menu.setObjectName("menu_view")
    w.view_menu.aboutToShow.connect(lambda: fill_view_menu(w))
    fill_view_menu(w)

    help_menu = bar.addMenu(w.tr("&Help"))
    help_menu.setObjectName("menu_help")
    help_menu.addAction(a["about"])


def build_toolbar(w: MainWindow) -> QToolBar:
    a = w.actions_by_name
    tools = QToolBar(w.tr("Main toolbar"), w)
    tools.setObjectName("mainToolbar")
    tools.setIconSize(QSize(18, 18))
    for name in ("new_case", "open_case", "import", "export", None, "undo", "redo", None,
                 "back", "forward", None, "find"):
        if name is None:
            tools.addSeparator()
        else:
            tools.addAction(a[name])
    return tools


def fill_view_menu(w: MainWindow) -> None:
    """Each panel (the linked views' docks come and go with the case), then Reset layout."""
    w.view_menu.clear()
    for dock in w.all_docks():
        if dock.features() != dock.DockWidgetFeature.NoDockWidgetFeatures:
            w.view_menu.addAction(dock.toggleViewAction())
    w.view_menu.addSeparator()
    w.view_menu.addAction(w.actions_by_name["reset_layout"])
