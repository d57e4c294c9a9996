"""The main window's File and Help dialogs: new/open/recent case, import, export, about."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from ui.desk.main_window import MainWindow

CASE_FILTER = "Casefile cases (*.casefile);;All files (*)"


def new_case_dialog(w: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(w, w.tr("New case"),
                                          w.settings.last_folder(), CASE_FILTER)
    if path:
        if not path.endswith(".casefile"):
            path += ".casefile"
        w.settings.set_last_folder(str(Path(path).parent))
        w.create_case_path(path)

def open_case_dialog(w: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(w, w.tr("Open case"),
                                          w.settings.last_folder(), CASE_FILTER)
    if path:
        w.settings.set_last_folder(str(Path(path).parent))
        w.open_case_path(path)

def fill_recent_menu(w: MainWindow) -> None:
    w.recent_menu.clear()
    for location in w.settings.recent_cases():
        action = w.recent_menu.addAction(location)
        action.triggered.connect(lambda _c=False, loc=location: w.open_case_path(loc))
    if w.recent_menu.isEmpty():
        w.recent_menu.addAction(w.tr("(none yet)")).setEnabled(False)

def import_files_dialog(w: MainWindow) -> None:
    paths, _ = QFileDialog.getOpenFileNames(w, w.tr("Import files"),
                                            w.settings.last_folder())
    if paths:
        w.settings.set_last_folder(str(Path(paths[0]).parent))
        w.import_paths(paths)

def import_folder_dialog(w: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(w, w.tr("Import a folder"),
                                              w.settings.last_folder())
    if folder:
        w.settings.set_last_folder(folder)
        w.import_paths([folder])

def export_dialog(w: MainWindow) -> None:
    if w.handle is None or w.selection is None:
        return
    from ui.dialogs.export_dialog import ExportDialog

    w.dialog = ExportDialog(w.handle, w.selection, w.settings, w)
    w.dialog.exported.connect(
        lambda path: w.status.showMessage(w.tr("Exported to {}").format(path), 10000))
    w.dialog.open()

def open_preferences(w: MainWindow) -> None:
    from ui.dialogs.preferences_dialog import PreferencesDialog

    w.dialog = PreferencesDialog(w)
    w.dialog.open()

def about(w: MainWindow) -> None:
    from ui.dialogs.about_dialog import show_about

    w.dialog = show_about(w)
