"""What every record form shares: inline validation, Save/Revert/Delete, the unsaved-changes
guard and the conflict flow. Subclasses lay out fields and move data in and out.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from casefile.db.errors import ConflictError
from casefile.services import ValidationError
from ui.core.changes import NOTHING, ChangeSet
from ui.core.context import CaseContext
from ui.core.icons import icon
from ui.core.selection import Ref
from ui.dialogs import messages as dialogs
from ui.dialogs.conflict_dialog import ConflictDialog

ERROR_STYLE = "color: #c62828; font-size: 9pt;"


class FormBase(QWidget):
    loaded = Signal()
    saved = Signal(int)
    kind = ""  # "actor", "place", "incident", "source"
    title_new = "New record"
    labels: dict[str, str] = {}  # field key → label (for the conflict dialog)
    deletable = True
    watches: ChangeSet = NOTHING  # what, changed, reloads a clean form

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        handle, selection, navigator = ctx.handle, ctx.selection, ctx.navigator
        self.setObjectName(f"{self.kind}Form")
        self.handle, self.selection, self.navigator = handle, selection, navigator
        self.data: Any = None  # the copy as loaded (or blank for a new record)
        self.error_labels: dict[str, QLabel] = {}
        self.touched: set[str] = set()
        self.conflict: ConflictDialog | None = None
        self._filling = False
        self._wanted: int | None = None  # the record last asked for

        self.heading = QLabel(objectName="formHeading")
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.status = QLabel(objectName="formStatus", wordWrap=True)
        self.save_button = QPushButton(icon("save"), self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.revert_button = QPushButton(icon("revert"), self.tr("Revert"))
        self.delete_button = QPushButton(icon("delete"), self.tr("Delete"))
        self.delete_button.setVisible(self.deletable)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.revert_button)
        bar.addStretch(1)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addLayout(bar)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence.StandardKey.Save, self,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut).activated.connect(
            self.save)
        self.build(self.form)
        self._update_buttons()
        handle.changed.connect(self._case_changed)

    def _case_changed(self, changes: ChangeSet) -> None:
        """Follow edits made elsewhere (undo, the viewer, another panel) unless editing."""
        target = self._wanted if self._wanted is not None else self.record_id
        if target is not None and changes & self.watches and not self.is_dirty():
            self.load(target)

    # --- for subclasses -------------------------------------------------------------

    def build(self, form: QFormLayout) -> None:
        raise NotImplementedError

    def fill(self, data: Any) -> None:
        raise NotImplementedError

    def collect(self) -> Any:
        raise NotImplementedError

    def validate(self, data: Any) -> dict[str, str]:
        raise NotImplementedError

    def load_record(self, session: Session, record_id: int) -> Any:
        raise NotImplementedError

    def save_record(self, session: Session, data: Any) -> int:
        raise NotImplementedError

    def delete_record(self, session: Session, record_id: int) -> None:
        raise NotImplementedError

    def blank(self) -> Any:
        raise NotImplementedError

    def describe(self, data: Any) -> str:
        return getattr(data, "name", "") or getattr(data, "title", "") or ""

    def comparable(self, data: Any) -> dict[str, Any]:
        return data.comparable()

    # --- fields and errors -------------------------------------------------------------

    def add_field(self, key: str, label: str, widget: QWidget, signal: str | None = None,
                  *, hint: str = "") -> QWidget:
        """A labelled field with its own error line underneath."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(widget)
        error = QLabel(objectName=f"error_{key}", wordWrap=True)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        column.addWidget(error)
        self.error_labels[key] = error
        if hint:
            widget.setToolTip(self.tr(hint))
        self.form.addRow(self.tr(label), box)
        if signal:
            getattr(widget, signal).connect(lambda *_: self._edited(key))
        return widget

    def error_for(self, key: str) -> str:
        label = self.error_labels.get(key) or self.error_labels.get(key.split("[")[0])
        return label.text() if label is not None and not label.isHidden() else ""

    def show_errors(self, errors: dict[str, str], everywhere: bool = False) -> None:
        """Show each message under its field (a table's rows share the table's line)."""
        by_label: dict[int, list[str]] = {}
        unknown: list[str] = []
        for key, message in errors.items():
            owner = key if key in self.error_labels else key.split("[")[0]
            if not (everywhere or owner in self.touched or key in self.touched):
                continue
            label = self.error_labels.get(owner)
            if label is None:
                unknown.append(self.tr(message))
            else:
                by_label.setdefault(id(label), []).append(self.tr(message))
        for label in {id(lb): lb for lb in self.error_labels.values()}.values():
            messages = by_label.get(id(label))
            label.setText("\n".join(messages or []))
            label.setVisible(bool(messages))
        if unknown:
            self.status.setText("\n".join(unknown))

    def _edited(self, key: str) -> None:
        if self._filling or self.data is None:
            return
        self.touched.add(key)
        self.show_errors(self.validate(self.collect()))
        self._update_buttons()

    # --- state ----------------------------------------------------------------------------

    @property
    def record_id(self) -> int | None:
        return getattr(self.data, "id", None) if self.data is not None else None

    def is_dirty(self) -> bool:
        if self.data is None:
            return False
        return self.comparable(self.collect()) != self.comparable(self.data)

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(self.data is not None and (dirty or self.record_id is None))
        self.revert_button.setEnabled(dirty)
        self.delete_button.setEnabled(self.record_id is not None)
        name = self.describe(self.data) if self.data is not None else ""
        title = name if self.record_id is not None else self.tr(self.title_new)
        self.heading.setText(title + ("  ●" if dirty else ""))
        self.heading.setToolTip(self.tr("Unsaved changes") if dirty else "")

    def show_data(self, data: Any) -> None:
        self.data = data
        self.touched.clear()
        self._filling = True
        try:
            self.fill(copy.deepcopy(data))
        finally:
            self._filling = False
        self.show_errors({})
        self.status.clear()
        self._update_buttons()
        self.loaded.emit()

    # --- actions ----------------------------------------------------------------------------

    def load(self, record_id: int) -> None:
        self._wanted = record_id  # only the latest request is shown
        self.handle.read(lambda s: self.load_record(s, record_id),
                         lambda data: self._loaded(record_id, data),
                         label=f"Opening {self.kind}",
                         on_failure=lambda exc: self._load_failed(record_id, exc))

    def _loaded(self, record_id: int, data: Any) -> None:
        if record_id == self._wanted:
            self.show_data(data)

    def _load_failed(self, record_id: int, exc: BaseException) -> None:
        if record_id != self._wanted:
            return
        self.data = None
        self.status.setText(dialogs.describe_error(exc))
        self._update_buttons()

    def new(self, **prefill: Any) -> None:
        self._wanted = None
        data = self.blank()
        for key, value in prefill.items():
            setattr(data, key, value)
        self.show_data(data)

    def revert(self) -> None:
        if self.data is not None:
            self.show_data(self.data)

    def save(self) -> None:
        if self.data is None:
            return
        data = self.collect()
        errors = self.validate(data)
        if errors:
            self.show_errors(errors, everywhere=True)
            self.status.setText(self.tr("Not saved: correct the fields marked in red."))
            return
        verb = "Edit" if data.id is not None else "New"
        self.status.setText(self.tr("Saving…"))
        self.handle.write(self.tr("{} {} «{}»").format(verb, self.kind, self.describe(data)),
                          lambda s: self.save_record(s, data), on_success=self._saved,
                          on_failure=self._save_failed)

    def _saved(self, record_id: int) -> None:
        was_new = self.record_id is None
        saved = self.collect()
        saved.id = record_id
        self.data = saved  # clean (and named) until the reload arrives
        self.status.setText(self.tr("Saved."))
        self._update_buttons()
        self.load(record_id)
        self.saved.emit(record_id)  # may move on to another record
        if was_new:
            self.selection.select(Ref(self.kind, record_id))

    def _save_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            self.show_errors(exc.errors, everywhere=True)
            self.status.setText(self.tr("Not saved: correct the fields marked in red."))
        elif isinstance(exc, ConflictError):
            self._resolve_conflict(exc)
        else:
            self.status.setText(self.tr("Not saved: {}").format(dialogs.describe_error(exc)))

    def _resolve_conflict(self, exc: ConflictError) -> None:
        mine = self.collect()
        self.status.setText(self.tr("Someone else saved this record first."))
        record_id = mine.id
        self.handle.read(lambda s: self.load_record(s, record_id),
                         lambda theirs: self._show_conflict(exc.record, mine, theirs),
                         on_failure=lambda _e: self._deleted_meanwhile(mine))

    def _show_conflict(self, record: str, mine: Any, theirs: Any) -> None:
        self.conflict = ConflictDialog(record, self.comparable(mine), self.comparable(theirs),
                                       self.labels, self)
        self.conflict.keep_mine.connect(lambda: self._keep_mine(mine, theirs))
        self.conflict.take_theirs.connect(lambda: self.show_data(theirs))
        self.conflict.open()

    def _keep_mine(self, mine: Any, theirs: Any) -> None:
        mine.version = theirs.version  # re-apply my values on top of the current version
        self.handle.write(self.tr("Edit {} «{}» (kept mine)").format(self.kind,
                                                                   self.describe(mine)),
                          lambda s: self.save_record(s, mine), on_success=self._saved,
                          on_failure=self._save_failed)

    def _deleted_meanwhile(self, mine: Any) -> None:
        mine.id, mine.version = None, 0
        self._wanted = None
        self.data = self.blank()
        self.show_data(self.data)
        self._filling = True
        try:
            self.fill(mine)
        finally:
            self._filling = False
        self.status.setText(self.tr("Someone else deleted this record. Your version is kept "
                                    "here: Save creates it again."))
        self._update_buttons()

    def delete(self) -> None:
        record_id = self.record_id
        if record_id is None:
            return
        name = self.describe(self.data)
        if not dialogs.confirm(self, self.tr("Delete"),
                               self.tr("Delete {} «{}» and what hangs on it? Undo brings it "
                                       "back.").format(self.kind, name)):
            return
        self.handle.write(self.tr("Delete {} «{}»").format(self.kind, name),
                          lambda s: self.delete_record(s, record_id),
                          on_success=self._deleted)

    def _deleted(self, _result: Any = None) -> None:
        self._wanted = None
        self.data = None
        self.status.setText(self.tr("Deleted."))
        self.selection.select(None)
        self._update_buttons()
