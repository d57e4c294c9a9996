"""File → Export: an actor's dossier or the timeline, to PDF, CSV, JSON or HTML."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from casefile.export import export_dossier, export_timeline
from casefile.export.service import DOSSIER_FORMATS, TIMELINE_FORMATS
from casefile.services.choices import actor_choices, place_choices

from .case_handle import CaseHandle
from .pickers import RecordPicker
from .selection import SelectionModel
from .settings import AppSettings
from .task_progress import TaskProgressDialog

DOSSIER, TIMELINE = "dossier", "timeline"


class ExportDialog(QDialog):
    exported = Signal(str)

    def __init__(self, handle: CaseHandle, selection: SelectionModel, settings: AppSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export"))
        self.handle, self.settings = handle, settings
        self.what = QComboBox()
        self.what.addItem(self.tr("Actor dossier"), DOSSIER)
        self.what.addItem(self.tr("Incident timeline"), TIMELINE)
        self.actor = RecordPicker()
        self.place = RecordPicker()
        self.fmt = QComboBox()
        self.page = QComboBox()
        self.page.addItems(["A4", "Letter"])
        self.path = QLineEdit()
        browse = QPushButton(self.tr("Browse…"))
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.error = QLabel(objectName="exportError", wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout(self)
        form.addRow(self.tr("What"), self.what)
        form.addRow(self.tr("Actor"), self.actor)
        form.addRow(self.tr("Place (timeline)"), self.place)
        form.addRow(self.tr("Format"), self.fmt)
        form.addRow(self.tr("Page size"), self.page)
        form.addRow(self.tr("Save as"), row)
        form.addRow(self.error)
        form.addRow(buttons)
        self.what.currentIndexChanged.connect(self._what_changed)
        browse.clicked.connect(self._browse)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        self._what_changed()
        current = selection.current
        handle.read(lambda s: (actor_choices(s), place_choices(s)),
                    lambda r: self._choices(r, current), label="Loading names")
        self.progress: TaskProgressDialog | None = None

    def _choices(self, result, current) -> None:
        actors, places = result
        self.actor.set_choices([("actor", actors)])
        self.place.set_choices([("place", places)])
        if current is not None and current.kind in ("actor", "place"):
            picker = self.actor if current.kind == "actor" else self.place
            picker.set_value((current.kind, current.id))

    def _what_changed(self) -> None:
        formats = DOSSIER_FORMATS if self.what.currentData() == DOSSIER else TIMELINE_FORMATS
        self.fmt.clear()
        self.fmt.addItems([f.upper() for f in formats])
        self.place.setEnabled(self.what.currentData() == TIMELINE)

    def _browse(self) -> None:
        ext = self.fmt.currentText().lower()
        start = str(Path(self.settings.last_folder()) / f"{self.what.currentData()}.{ext}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), start,
                                              f"{ext.upper()} (*.{ext})")
        if path:
            self.path.setText(path)

    def start(self) -> None:
        what, fmt = self.what.currentData(), self.fmt.currentText().lower()
        path = self.path.text().strip()
        actor, place = self.actor.value_id(), self.place.value_id()
        if not path:
            self.error.setText(self.tr("Choose where to save the export."))
            return
        if what == DOSSIER and actor is None:
            self.error.setText(self.tr("Choose the actor whose dossier to export."))
            return
        case, page = self.handle.case, self.page.currentText()
        self.settings.set_last_folder(str(Path(path).parent))
        if what == DOSSIER:
            def work(progress):
                return export_dossier(case, actor, path, fmt=fmt, page_size=page,
                                      progress=progress)
        else:
            def work(progress):
                return export_timeline(case, path, fmt=fmt, actor=actor, place=place,
                                       page_size=page, progress=progress)
        op = self.handle.task(work, label="Exporting", changes=set(),
                              on_success=lambda out: self.exported.emit(str(out)))
        self.progress = TaskProgressDialog(op, self.tr("Exporting"), self.parentWidget())
        self.progress.show()
        self.accept()
