"""File → Export: an actor's dossier, the (filtered) timeline or the whole case.

The export runs through the case's operation runner with progress and cancel; the
dialog stays open (disabled) while it runs, so a failure comes back next to the field
it concerns, and closes when the file is written and opened.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casefile.export import export_dossier, export_timeline
from casefile.export.errors import OutputNotWritable
from casefile.export.meta import DEFAULT_MARKING, PAGE_SIZES
from casefile.export.service import DOSSIER_FORMATS, TIMELINE_FORMATS, export_case
from casefile.services.choices import actor_choices, place_choices
from ui.core import vocabulary as vocab
from ui.core.case_handle import CaseHandle
from ui.core.selection import SelectionModel
from ui.core.settings import AppSettings
from ui.core.widgets import any_date_box, box_date, show_date
from ui.dialogs.task_progress import TaskProgressDialog
from ui.forms.pickers import RecordPicker

DOSSIER, TIMELINE, CASE = "dossier", "timeline", "case"
FORMATS = {DOSSIER: DOSSIER_FORMATS, TIMELINE: TIMELINE_FORMATS, CASE: ("json",)}
ERROR_STYLE = "color: #c62828;"


def open_result(path: str) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(path))


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
        self.what.addItem(self.tr("Whole case (JSON)"), CASE)
        self.actor = RecordPicker()
        self.place = RecordPicker()
        self.date_from, self.date_to = self._date_box(), self._date_box()
        dates = QHBoxLayout()
        dates.addWidget(self.date_from, 1)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.date_to, 1)
        self.types = QListWidget(objectName="exportTypes")
        self.types.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.types.setMaximumHeight(6 * self.types.fontMetrics().height() + 12)
        for key in vocab.INCIDENT_TYPES:
            item = QListWidgetItem(vocab.incident_type(key), self.types)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.fmt = QComboBox()
        self.page = QComboBox()
        self.page.addItems(list(PAGE_SIZES))
        self.marking = QLineEdit(DEFAULT_MARKING, objectName="exportMarking")
        self.marking.setToolTip(self.tr("Printed on the cover and on every page"))
        self.path = QLineEdit(objectName="exportPath")
        browse = QPushButton(self.tr("Browse…"))
        self.path_error = self._error_label("exportPathError")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        path_box = QVBoxLayout()
        path_box.setContentsMargins(0, 0, 0, 0)
        path_box.addLayout(path_row)
        path_box.addWidget(self.path_error)
        self.error = self._error_label("exportError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.go = buttons.addButton(self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole)
        form = QFormLayout(self)
        form.addRow(self.tr("What"), self.what)
        form.addRow(self.tr("Actor"), self.actor)
        form.addRow(self.tr("Place (timeline)"), self.place)
        form.addRow(self.tr("Period"), dates)
        form.addRow(self.tr("Incident types"), self.types)
        form.addRow(self.tr("Format"), self.fmt)
        form.addRow(self.tr("Page size"), self.page)
        form.addRow(self.tr("Marking"), self.marking)
        form.addRow(self.tr("Save as"), path_box)
        form.addRow(self.error)
        form.addRow(buttons)
        self.what.currentIndexChanged.connect(self._what_changed)
        self.fmt.currentIndexChanged.connect(self._format_changed)
        self.path.textEdited.connect(lambda _t: self.path_error.hide())
        browse.clicked.connect(self._browse)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        self._what_changed()
        self._take_filters(selection)
        current = selection.current
        handle.read(lambda s: (actor_choices(s), place_choices(s)),
                    lambda r: self._choices(r, current), label="Loading names")
        self.progress: TaskProgressDialog | None = None

    def _date_box(self) -> QDateEdit:
        box = any_date_box()
        box.setSpecialValueText(self.tr("any date"))
        return box

    def _error_label(self, name: str) -> QLabel:
        label = QLabel(objectName=name, wordWrap=True)
        label.setStyleSheet(ERROR_STYLE)
        label.hide()
        return label

    def _take_filters(self, selection: SelectionModel) -> None:
        """Start from the filters the views show: the timeline the analyst is looking at."""
        filters = selection.filters
        for box, day in ((self.date_from, filters.date_from), (self.date_to, filters.date_to)):
            show_date(box, day)
        for item in self._type_items():
            if item.data(Qt.ItemDataRole.UserRole) in filters.incident_types:
                item.setCheckState(Qt.CheckState.Checked)

    def _choices(self, result, current) -> None:
        actors, places = result
        self.actor.set_choices([("actor", actors)])
        self.place.set_choices([("place", places)])
        if current is not None and current.kind in ("actor", "place"):
            picker = self.actor if current.kind == "actor" else self.place
            picker.set_value((current.kind, current.id))

    # --- choices that depend on each other --------------------------------------------

    def _what_changed(self) -> None:
        what = self.what.currentData()
        self.fmt.blockSignals(True)
        self.fmt.clear()
        self.fmt.addItems([f.upper() for f in FORMATS[what]])
        self.fmt.blockSignals(False)
        self.actor.setEnabled(what != CASE)
        for widget in (self.place, self.date_from, self.date_to, self.types):
            widget.setEnabled(what == TIMELINE)
        self._format_changed()

    def _format_changed(self) -> None:
        fmt = self.fmt.currentText().lower()
        self.page.setEnabled(fmt in ("pdf", "html"))
        self.marking.setEnabled(self.what.currentData() != CASE and fmt != "csv")
        path = self.path.text().strip()
        if path and fmt and Path(path).suffix.lower() != f".{fmt}":
            self.path.setText(str(Path(path).with_suffix(f".{fmt}")))

    def _browse(self) -> None:
        ext = self.fmt.currentText().lower()
        start = str(Path(self.settings.last_folder()) / f"{self.what.currentData()}.{ext}")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), start,
                                              f"{ext.upper()} (*.{ext})")
        if path:
            self.path.setText(path)
            self.path_error.hide()

    def _type_items(self) -> list[QListWidgetItem]:
        return [self.types.item(i) for i in range(self.types.count())]

    def chosen_types(self) -> tuple[str, ...]:
        return tuple(item.data(Qt.ItemDataRole.UserRole) for item in self._type_items()
                     if item.checkState() == Qt.CheckState.Checked)

    # --- checks -------------------------------------------------------------------------

    def output_problem(self, path: str) -> str | None:
        """Why ``path`` cannot receive the export, in words for the analyst; None if it can."""
        if not path:
            return self.tr("Choose where to save the export.")
        target = Path(path).expanduser()
        if target.is_dir():
            return self.tr("%1 is a folder: add a file name.").replace("%1", str(target))
        folder = target.parent
        if not folder.is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(folder))
        try:  # the only sure test, even as an administrator: create a file there
            fd, probe = tempfile.mkstemp(prefix=".casefile-probe-", dir=folder)
        except OSError as exc:
            return (self.tr("Cannot write in the folder %1 (%2). Choose another folder.")
                    .replace("%1", str(folder)).replace("%2", exc.strerror or str(exc)))
        os.close(fd)
        os.unlink(probe)
        return None

    def _show_error(self, message: str, *, at_path: bool = False) -> None:
        label, other = (self.path_error, self.error) if at_path else (self.error, self.path_error)
        label.setText(message)
        label.show()
        other.hide()

    # --- running ------------------------------------------------------------------------

    def start(self) -> None:
        what, fmt = self.what.currentData(), self.fmt.currentText().lower()
        path = self.path.text().strip()
        problem = self.output_problem(path)
        if problem:
            self._show_error(problem, at_path=True)
            self.path.setFocus()
            return
        path = str(Path(path).expanduser())
        actor, place = self.actor.value_id(), self.place.value_id()
        if what == DOSSIER and actor is None:
            self._show_error(self.tr("Choose the actor whose dossier to export."))
            return
        date_from, date_to = box_date(self.date_from), box_date(self.date_to)
        if what == TIMELINE and date_from and date_to and date_from > date_to:
            self._show_error(self.tr("The period starts after it ends."))
            return
        self.error.hide()
        self.path_error.hide()
        case, page, marking = self.handle.case, self.page.currentText(), self.marking.text()
        types = self.chosen_types()
        self.settings.set_last_folder(str(Path(path).parent))
        if what == DOSSIER:
            def work(progress):
                return export_dossier(case, actor, path, fmt=fmt, page_size=page,
                                      marking=marking, progress=progress)
        elif what == TIMELINE:
            def work(progress):
                return export_timeline(case, path, fmt=fmt, actor=actor, place=place,
                                       date_from=date_from, date_to=date_to, types=types,
                                       page_size=page, marking=marking, progress=progress)
        else:
            def work(progress):
                return export_case(case, path, progress=progress)
        op = self.handle.task(work, label="Exporting", changes=set(),
                              on_success=self._done, on_failure=self._failed)
        op.cancelled.connect(self._cancelled)
        self.setEnabled(False)
        self.progress = TaskProgressDialog(op, self.tr("Exporting"), self.parentWidget())
        self.progress.show()

    def _done(self, out) -> None:
        self.setEnabled(True)
        open_result(str(out))
        self.exported.emit(str(out))
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.setEnabled(True)
        self._show_error(str(exc), at_path=isinstance(exc, OutputNotWritable))

    def _cancelled(self) -> None:
        self.setEnabled(True)
        self._show_error(self.tr("The export was cancelled; nothing was written."))
