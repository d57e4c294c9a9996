"""Start the desktop application: fonts, language, the window, and the first case.

``casefile`` with no argument opens the last case; on first run it builds the
demo case from ``seeds/`` (through the import and extraction pipeline, off the
UI thread, with progress) in the per-user data folder and opens it.
``casefile gui CASE`` opens that case.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QApplication

from casefile.db.case import Case
from casefile.demo import create_demo_case
from casefile.progress import Progress
from ui.core import i18n
from ui.core.fonts import register_fonts, ui_font
from ui.core.settings import AppSettings
from ui.desk.main_window import MainWindow
from ui.dialogs import messages as dialogs
from ui.dialogs.task_progress import TaskProgressDialog

DEMO_NAME = "Demo case"


def data_dir() -> Path:
    folder = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def demo_case_path() -> Path:
    return data_dir() / "demo.casefile"


def build_demo(path: Path, progress: Progress) -> Case:
    """Create the demo case from seeds/ through the same pipeline as any import; it appears
    at ``path`` only when complete (a cancel or a crash leaves no half-built demo)."""
    case, _summary = create_demo_case(path, name=DEMO_NAME, progress=progress)
    return case


class Startup(QObject):
    """Chooses what the window opens first."""

    def __init__(self, window: MainWindow, settings: AppSettings) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.progress: TaskProgressDialog | None = None

    def start(self, case: str | None = None) -> None:
        if case:
            self.window.open_case_path(case)
            return
        last = self.settings.last_case()
        if last and ("://" in last or Path(last).exists()):
            self.window.open_case_path(last)
        else:
            self.open_demo()

    def open_demo(self) -> None:
        path = demo_case_path()
        if path.exists():
            self.window.open_case_path(str(path))
            return
        op = self.window.runner.run(lambda p: build_demo(path, p), label="Building the demo case",
                                    on_success=lambda case: self.window.install_case(
                                        case, str(path)),
                                    on_failure=self._failed)
        self.progress = TaskProgressDialog(op, self.window.tr("Building the demo case"),
                                           self.window)
        self.progress.show()

    def _failed(self, exc: BaseException) -> None:
        self.window.dialog = dialogs.show_error(self.window,
                                                self.window.tr("The demo case was not built"), exc)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Casefile")
    app.setApplicationName("Casefile")
    app.setApplicationDisplayName("Casefile")
    register_fonts()
    app.setFont(ui_font(app.font()))
    i18n.install_saved_language(app)
    return app


def main(case: str | None = None, **_: Any) -> int:
    app = make_application()
    settings = AppSettings()
    window = MainWindow(settings)
    window.show()
    _check_entity_model(window)
    Startup(window, settings).start(case)
    return app.exec()


def _check_entity_model(window: MainWindow) -> None:
    """A missing or corrupt entity model is said at start, with how to rebuild it."""
    from casefile.extraction.ner_model import NerModelError, model_dir, open_model

    try:
        open_model(model_dir())
    except NerModelError as exc:
        window.dialog = dialogs.show_error(
            window, window.tr("The entity model cannot be used"), exc)
