"""The record panel: the form of whatever is selected, with the unsaved-changes guard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from ui.core.context import CaseContext
from ui.core.selection import Ref
from ui.dialogs import messages as dialogs
from ui.forms.actor_form_view import ActorForm
from ui.forms.form_base import FormBase
from ui.forms.incident_form_view import IncidentForm
from ui.forms.place_form_view import PlaceForm
from ui.forms.source_form_view import SourceForm

FORMS = {"actor": ActorForm, "place": PlaceForm, "incident": IncidentForm, "source": SourceForm}


class RecordPanel(QWidget):
    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        selection, navigator = ctx.selection, ctx.navigator
        self.setObjectName("recordPanel")
        self.selection = selection
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Select an actor, place, incident or document — or create "
                                    "one from a passage of a document."),
                            alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.stack.addWidget(self.empty)
        self.forms: dict[str, FormBase] = {}
        for kind, cls in FORMS.items():
            form = cls(ctx)
            self.forms[kind] = form
            self.stack.addWidget(form)
            form.saved.connect(lambda _id, f=form: self._after_save(f))
        self._after_save_ref: Ref | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        selection.selected.connect(self._follow)
        navigator.record_requested.connect(self.show_ref)

    def _follow(self, ref: Ref | None) -> None:
        # Documents are read in the viewer; their metadata form opens on request only,
        # so reading does not push the dossier being edited out of sight.
        if ref is None or ref.kind in ("actor", "place", "incident"):
            self.show_ref(ref)

    @property
    def current_form(self) -> FormBase | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, FormBase) else None

    def show_ref(self, ref: Ref | None) -> None:
        if ref is None or ref.kind not in FORMS:
            if ref is None and self.current_form and self.current_form.record_id is None:
                self.stack.setCurrentWidget(self.empty)
            return
        form = self.current_form
        if form is not None and form.kind == ref.kind and form.record_id == ref.id:
            return
        if not self.leave(then=ref):
            return
        target = self.forms[ref.kind]
        self.stack.setCurrentWidget(target)
        target.load(ref.id)

    def new_record(self, kind: str, **prefill) -> None:
        if not self.leave():
            return
        form = self.forms[kind]
        self.stack.setCurrentWidget(form)
        form.new(**prefill)

    def leave(self, then: Ref | None = None) -> bool:
        """The guard: True when the current form may be left (saved, discarded or clean)."""
        form = self.current_form
        if form is None or not form.is_dirty():
            return True
        answer = dialogs.ask_unsaved(self, self.tr("The {} «{}»").format(
            form.kind, form.describe(form.collect())))
        if answer == dialogs.DISCARD:
            form.revert()
            return True
        if answer == dialogs.SAVE:
            self._after_save_ref = then
            form.save()
        return False

    def _after_save(self, form: FormBase) -> None:
        ref, self._after_save_ref = self._after_save_ref, None
        if ref is not None and form is self.current_form:
            target = self.forms.get(ref.kind)
            if target is not None:
                self.stack.setCurrentWidget(target)
                target.load(ref.id)

    def is_dirty(self) -> bool:
        form = self.current_form
        return form is not None and form.is_dirty()
