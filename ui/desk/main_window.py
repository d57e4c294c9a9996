"""The main window: one case at a time, its panels docked around the document viewer.

For each open case the window builds one ``CaseContext`` (the case's handle with
its runner and the undo stack, the selection, the navigator, the focus tracker) and
hands it to every panel and view. Files and folders dropped anywhere on the window are imported.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QWidget,
)

from casefile.cases import create_case, open_case
from casefile.db.case import Case
from ui.core.case_handle import CaseHandle
from ui.core.context import CaseContext, open_context
from ui.core.navigation import Navigator
from ui.core.operations import OperationRunner
from ui.core.selection import SelectionModel
from ui.core.settings import AppSettings
from ui.desk.import_flow import ImportRun
from ui.desk.panels import PANELS
from ui.desk.status_bar import CaseStatusBar
from ui.desk.window_actions import build_actions, build_menus, build_toolbar
from ui.dialogs import messages as dialogs
from ui.linked import linked_docking

LAYOUT_VERSION = 1


def dropped_paths(event) -> list[str]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class MainWindow(QMainWindow):
    case_opened = Signal(object)  # CaseHandle
    import_started = Signal(object)  # ImportRun

    def __init__(self, settings: AppSettings | None = None,
                 runner: OperationRunner | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or AppSettings()
        self.runner = runner or OperationRunner(self)
        self.undo_stack = QUndoStack(self)
        self.context: CaseContext | None = None
        self.handle: CaseHandle | None = None
        self.selection: SelectionModel | None = None
        self.navigator: Navigator | None = None
        self.viewer = None
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.imports: list[ImportRun] = []
        self._last_state = None
        self.linked_docks: dict[str, QDockWidget] = {}
        self.linked_views = None
        # Widgets (and closed cases) waiting for their runner's last results.
        self._retired: list[tuple[QWidget, CaseHandle | None]] = []
        self._can_go = (False, False)
        self.actions_by_name: dict = {}
        self.dialog: QWidget | None = None

        self.welcome = QLabel(self.tr("Open a case (File → Open case) or create one.\n"
                                      "Then drop report files anywhere on this window."),
                              alignment=Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(self.welcome)
        self.status = CaseStatusBar(self)
        self.status.watch(self.runner)
        self.setStatusBar(self.status)
        for panel in PANELS:
            dock = QDockWidget(self.tr(panel.title), self)
            dock.setObjectName(f"dock_{panel.name}")
            dock.setWidget(QLabel(self.tr("No case open"),
                                  alignment=Qt.AlignmentFlag.AlignCenter))
            self.addDockWidget(panel.area, dock)
            dock.toggleViewAction().setShortcut(panel.shortcut)
            self.docks[panel.name] = dock
        self._arrange_default()
        self.default_state = self.saveState(LAYOUT_VERSION)
        build_actions(self)
        build_menus(self)
        self.toolbar = build_toolbar(self)
        self.addToolBar(self.toolbar)
        self._fit_screen()
        self._restore_layout()
        self.setAcceptDrops(True)
        QApplication.instance().installEventFilter(self)
        self._update_title()
        self.status.set_case(None)

    def _arrange_default(self) -> None:
        docks = self.docks
        self.tabifyDockWidget(docks["documents"], docks["records"])
        docks["documents"].raise_()
        self.resizeDocks([docks["documents"], docks["record"]], [470, 460],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([docks["review"]], [300], Qt.Orientation.Vertical)

    def _install_linked_views(self) -> None:
        linked_docking.install(self, first=self._last_state is None)
        if self._last_state is not None:
            self.restoreState(self._last_state, LAYOUT_VERSION)

    def _remove_linked_views(self) -> list[QWidget]:
        return linked_docking.remove(self)

    def all_docks(self) -> list[QDockWidget]:
        return [*self.docks.values(), *self.linked_docks.values()]

    # --- layout ------------------------------------------------------------------------

    def _fit_screen(self) -> None:
        """First start: most of the screen, centred (a saved geometry replaces it)."""
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(1440, 900)
            return
        area = screen.availableGeometry()
        width, height = int(area.width() * 0.92), int(area.height() * 0.92)
        self.resize(width, height)
        self.move(area.x() + (area.width() - width) // 2, area.y() + (area.height() - height) // 2)

    def _restore_layout(self) -> None:
        geometry, state = self.settings.layout()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, LAYOUT_VERSION)
            self._last_state = state  # re-applied once the linked views' docks exist

    def save_layout(self) -> None:
        self.settings.save_layout(self.saveGeometry(), self.saveState(LAYOUT_VERSION))

    def reset_layout(self) -> None:
        self.restoreState(self.default_state, LAYOUT_VERSION)
        for dock in self.all_docks():
            dock.show()
        self.tabifyDockWidget(self.docks["review"], self.docks["names"])
        for name, target in (("timeline", "review"), ("graph", "record"), ("map", "record")):
            if name in self.linked_docks:
                self.tabifyDockWidget(self.docks[target], self.linked_docks[name])

    def _update_title(self) -> None:
        name = self.handle.name if self.handle else None
        self.setWindowTitle(f"{name} — Casefile" if name else "Casefile")

    # --- opening and closing cases ---------------------------------------------------------

    def open_case_path(self, location: str) -> None:
        if not self.close_case():
            return
        self.status.showMessage(self.tr("Opening {}…").format(location))
        self.runner.run(lambda _p: open_case(location), label="Opening case",
                        on_success=lambda case: self.install_case(case, location),
                        on_failure=lambda exc: self._open_failed(location, exc))

    def create_case_path(self, location: str) -> None:
        if not self.close_case():
            return
        self.runner.run(lambda _p: create_case(location), label="Creating case",
                        on_success=lambda case: self.install_case(case, location),
                        on_failure=lambda exc: self._open_failed(location, exc))

    def _open_failed(self, location: str, exc: BaseException) -> None:
        self.status.clearMessage()
        self.dialog = dialogs.show_error(self, self.tr("Cannot open the case"), exc)

    def install_case(self, case: Case, location: str | None = None) -> CaseHandle:
        """Build the panels for ``case`` (already open) and show it."""
        self.close_case(ask=False)
        # A runner per case: every connection a panel makes to it ends with the case.
        self.context = open_context(case, OperationRunner(), self.undo_stack, self)
        self.handle = self.context.handle
        self.handle.failed.connect(self._report_failure)
        self.handle.notice.connect(lambda text: self.status.showMessage(text, 15000))
        self.selection = self.context.selection
        self.navigator = self.context.navigator
        self._build_panels()
        self._install_linked_views()
        self.selection.history_changed.connect(self._history_changed)
        self._history_changed(False, False)
        if location is not None and case.backend == "sqlite":
            self.settings.add_recent(str(Path(location).resolve()))
        elif location is not None:
            self.settings.add_recent(location)
        self.status.set_case(self.handle)
        self.status.clearMessage()
        self._update_title()
        self.case_opened.emit(self.handle)
        # What exists now (modules, Qt's wrappers, the panels) lives as long as the window:
        # left out of the garbage collector's full passes, which walked it all (about 200,000
        # objects, 100–190 ms) while the UI thread waited, several times during an import.
        gc.freeze()
        return self.handle

    def _build_panels(self) -> None:
        """The viewer and the desk's panels, each given only what it needs."""
        from ui.desk.viewer_view import DocumentViewer

        self.viewer = DocumentViewer(self.context)
        self.setCentralWidget(self.viewer)
        for panel in PANELS:
            widget = panel.build(self.context)
            self.panels[panel.name] = widget
            dock = self.docks[panel.name]
            old = dock.widget()
            dock.setWidget(widget)
            if old is not None:
                old.deleteLater()
        records = self.panels.get("records")
        if records is not None:
            records.new_requested.connect(self.new_record)
        documents = self.panels.get("documents")
        if documents is not None:
            documents.model.refresh()

    def _take_panels(self) -> list[QWidget]:
        """Detach the viewer and the panels (to be freed once their work is done)."""
        taken = [dock.widget() for dock in self.docks.values()]
        for dock in self.docks.values():
            dock.setWidget(QLabel(self.tr("No case open"), alignment=Qt.AlignmentFlag.AlignCenter))
        taken.append(self.viewer)
        self.setCentralWidget(QLabel(self.tr("No case open"),
                                     alignment=Qt.AlignmentFlag.AlignCenter))
        self.panels.clear()
        self.viewer = None
        return [w for w in taken if w is not None]

    def close_case(self, ask: bool = True) -> bool:
        """Leave the open case; False when the analyst keeps unsaved changes."""
        if self.handle is None:
            return True
        record = self.panels.get("record")
        if ask and record is not None and not record.leave():
            return False
        old = self.handle
        self._last_state = self.saveState(LAYOUT_VERSION)
        retired = self._remove_linked_views()
        self.undo_stack.clear()
        retired += self._take_panels()
        self.handle = self.context = None
        self.status.set_case(None)
        self._retire(old, retired, close_case=True)
        self._update_title()
        return True

    def _retire(self, handle: CaseHandle, widgets: list[QWidget], *, close_case: bool) -> None:
        """Let queued work finish on live widgets, then free them (and the closed case)."""
        holder = QWidget()
        holder.hide()
        for widget in widgets:
            widget.setParent(holder)
        runner = handle.runner
        entry = (holder, handle if close_case else None)
        self._retired.append(entry)

        def finish() -> None:
            if runner.running or entry not in self._retired:
                return
            self._retired.remove(entry)
            holder.deleteLater()
            if close_case:
                handle.case.close()
                runner.deleteLater()

        runner.busy.connect(lambda busy, _label: None if busy else QTimer.singleShot(0, finish))
        QTimer.singleShot(0, finish)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange and self.actions_by_name:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Another interface language: menus, toolbar, titles and panels are made anew."""
        self.menuBar().clear()
        self.removeToolBar(self.toolbar)
        self.toolbar.deleteLater()
        for action in self.actions_by_name.values():
            if action.parent() is self:
                action.deleteLater()
        self.actions_by_name = {}
        build_actions(self)
        build_menus(self)
        self.toolbar = build_toolbar(self)
        self.addToolBar(self.toolbar)
        for panel in PANELS:
            self.docks[panel.name].setWindowTitle(self.tr(panel.title))
        self._history_changed(*(self._can_go if self.selection else (False, False)))
        record = self.panels.get("record")
        if self.handle is None or (record is not None and record.is_dirty()):
            return  # the panels keep their words until the case is opened again
        shown = self.viewer.source.id if self.viewer and self.viewer.source else None
        form = record.current_form if record is not None else None
        editing = (form.kind, form.record_id) if form and form.record_id else None
        self._retire(self.handle, self._take_panels(), close_case=False)
        self._build_panels()
        if shown is not None:
            self.viewer.show_source(shown)
        if editing is not None:
            from ui.core.selection import Ref

            self.navigator.open_record(Ref(*editing))
    def _report_failure(self, what: str, exc: BaseException) -> None:
        self.status.showMessage(f"{what}: {dialogs.describe_error(exc)}", 8000)
        self.dialog = dialogs.show_error(self, what, exc)

    # --- import -------------------------------------------------------------------------------

    def import_paths(self, paths: list[str]) -> ImportRun | None:
        if self.handle is None:
            self.dialog = dialogs.show_error(self, self.tr("Import"),
                                             self.tr("Open or create a case first."))
            return None
        run = ImportRun(self.handle, paths, self)
        self.status.follow_task(run.progress)  # Hide: the import goes on in the status bar
        self.imports.append(run)
        run.finished.connect(lambda _r: self.imports.remove(run) if run in self.imports else None)
        self.import_started.emit(run)
        return run

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) \
                and isinstance(obj, QWidget) and obj.window() is self:
            paths = dropped_paths(event)
            if paths:
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                if kind == QEvent.Type.Drop:
                    self.import_paths(paths)
                return True
        return super().eventFilter(obj, event)

    # --- actions ---------------------------------------------------------------------------------

    def find_in_document(self) -> None:
        if self.viewer is not None:
            self.viewer.focus_find()

    def open_search(self) -> None:
        if self.handle is None or self.selection is None:
            return
        if self.linked_views is not None:
            self.linked_views.palette.open()
        else:
            self.find_in_document()

    def new_record(self, kind: str) -> None:
        record = self.panels.get("record")
        if record is not None:
            self.docks["record"].show()
            self.docks["record"].raise_()
            record.new_record(kind)

    def go_back(self) -> None:
        if self.selection is not None:
            self.selection.back()

    def go_forward(self) -> None:
        if self.selection is not None:
            self.selection.forward()

    def _history_changed(self, can_back: bool, can_forward: bool) -> None:
        self._can_go = (can_back, can_forward)
        self.actions_by_name["back"].setEnabled(can_back)
        self.actions_by_name["forward"].setEnabled(can_forward)

    # --- closing ------------------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        record = self.panels.get("record")
        if record is not None and not record.leave():
            event.ignore()
            return
        self.save_layout()
        for run in list(self.imports):
            run.op.cancel()
        self.close_case(ask=False)
        runners = [self.runner, *(handle.runner for _holder, handle in self._retired if handle)]
        for _round in range(50):  # results reach live widgets, which may ask for more
            for runner in runners:
                runner.wait(60000)
            QCoreApplication.sendPostedEvents()
            if not any(runner.running for runner in runners):
                break
        for holder, handle in list(self._retired):
            holder.deleteLater()
            if handle is not None:
                handle.case.close()
        self._retired.clear()
        QApplication.instance().removeEventFilter(self)
        super().closeEvent(event)
