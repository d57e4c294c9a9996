"""The incident form: what, when (with precision), where, who and how, how credible."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QWidget

from casefile.services import incidents as svc
from casefile.services.choices import Choice, actor_choices, place_choices
from casefile.services.incidents import IncidentData, InvolvementData
from casefile.services.validation import tags_from_text
from casefile.services.vocab import INCIDENT_TYPES, PRECISIONS, ROLES, subtypes_of
from ui.core.changes import Change, ChangeSet
from ui.core.widgets import (
    arabic_line,
    choice_box,
    date_line,
    latin_line,
    notes_box,
    set_choice,
    vocabulary_label,
)
from ui.desk.citations_view import CitationsView
from ui.forms.actor_form_view import _combo_column, _picker_column
from ui.forms.form_base import FormBase
from ui.forms.pickers import RecordPicker
from ui.forms.rows_editor import RowsEditor

CREDIBILITY = {1: "1 — confirmed", 2: "2 — probably true", 3: "3 — possibly true",
               4: "4 — doubtful", 5: "5 — improbable", 6: "6 — cannot be judged"}


class IncidentForm(FormBase):
    kind = "incident"
    title_new = "New incident"
    watches = frozenset({Change.INCIDENTS, Change.INVOLVEMENTS, Change.CITATIONS, Change.ACTORS,
                         Change.PLACES, Change.TAGS})
    labels = {"title": "Title", "type": "Type", "subtype": "Sub-type", "date_start": "From",
              "date_end": "To", "precision": "Precision", "place_id": "Place",
              "summary": "Summary", "credibility": "Credibility", "tags": "Tags",
              "involvements": "Involved actors"}

    def build(self, form: QFormLayout) -> None:
        self.actors: list[Choice] = []
        self.title = self.add_field("title", "Title", arabic_line(), "textChanged")
        self.type_box = self.add_field("type", "Type", choice_box(
            {k: label for k, (label, _subs) in INCIDENT_TYPES.items()}), "currentIndexChanged")
        self.subtype_box = self.add_field("subtype", "Sub-type", choice_box({}, empty=""),
                                          "currentIndexChanged")
        self.type_box.currentIndexChanged.connect(self._fill_subtypes)
        dates = QWidget()
        row = QHBoxLayout(dates)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_start, self.date_end = date_line(), date_line()
        self.precision = choice_box(PRECISIONS)
        for w in (self.date_start, self.date_end, self.precision):
            row.addWidget(w)
        self.add_field("date_start", "From · to · precision", dates,
                       hint="YYYY-MM-DD, YYYY-MM or YYYY; the precision says how exact it is")
        self.error_labels["date_end"] = self.error_labels["date_start"]  # one line for the row
        self.error_labels["precision"] = self.error_labels["date_start"]
        self.date_start.textChanged.connect(lambda: self._edited("date_start"))
        self.date_end.textChanged.connect(lambda: self._edited("date_end"))
        self.precision.currentIndexChanged.connect(lambda: self._edited("precision"))
        self.place = self.add_field("place", "Place", RecordPicker(), "picked")
        self.involvements = RowsEditor([_picker_column("Actor"), _combo_column("Role", ROLES)],
                                       "Add actor")
        self.involvements.widget_setup = lambda c, w: c == 0 and w.set_choices(
            [("actor", self.actors)])
        self.add_field("involvements", "Involved actors", self.involvements, "edited")
        self.summary = self.add_field("summary", "Summary", notes_box(), "textChanged")
        self.credibility = self.add_field("credibility", "Credibility",
                                          choice_box(CREDIBILITY, empty="—"),
                                          "currentIndexChanged",
                                          hint="Admiralty code: information credibility")
        self.tags = self.add_field("tags", "Tags", latin_line(), "textChanged")
        self.citations = CitationsView(self.navigator)
        form.addRow(self.tr("Citations"), self.citations)
        self.handle.changed.connect(self._changed)
        self._load_choices()

    def _fill_subtypes(self) -> None:
        current = self.subtype_box.currentData()
        self.subtype_box.blockSignals(True)
        self.subtype_box.clear()
        self.subtype_box.addItem("", "")
        for value, label in subtypes_of(self.type_box.currentData() or "").items():
            self.subtype_box.addItem(vocabulary_label(label), value)
        set_choice(self.subtype_box, current)
        self.subtype_box.blockSignals(False)

    def _changed(self, changes: ChangeSet) -> None:
        if changes & frozenset({Change.ACTORS, Change.PLACES}):
            self._load_choices()

    def _load_choices(self) -> None:
        self.handle.read(lambda s: (actor_choices(s), place_choices(s)), self._choices_loaded,
                         label="Loading names")

    def _choices_loaded(self, result) -> None:
        self.actors, places = result
        self.place.set_choices([("place", places)])
        for row in range(self.involvements.table.rowCount()):
            self.involvements.cell(row, 0).set_choices([("actor", self.actors)])

    def fill(self, d: IncidentData) -> None:
        self.title.setText(d.title)
        set_choice(self.type_box, d.type)
        self._fill_subtypes()
        set_choice(self.subtype_box, d.subtype)
        self.date_start.setText(d.date_start)
        self.date_end.setText(d.date_end)
        set_choice(self.precision, str(d.precision))
        self.place.set_value(("place", d.place_id) if d.place_id else None, d.place_label)
        self.involvements.set_rows([(i.id, [(("actor", i.actor_id), i.actor_label), i.role])
                                    for i in d.involvements])
        self.summary.setPlainText(d.summary)
        set_choice(self.credibility, d.credibility if d.credibility else "")
        self.tags.setText(", ".join(d.tags))
        self.citations.set_citations(d.citations)

    def collect(self) -> IncidentData:
        d = self.data
        credibility = self.credibility.currentData()
        return IncidentData(
            id=d.id, version=d.version, title=self.title.text(),
            type=self.type_box.currentData(), subtype=self.subtype_box.currentData() or "",
            date_start=self.date_start.text(), date_end=self.date_end.text(),
            precision=self.precision.currentData(), place_id=self.place.value_id(),
            place_label=self.place.currentText(), summary=self.summary.toPlainText(),
            credibility=credibility if isinstance(credibility, int) else None,
            tags=tags_from_text(self.tags.text()),
            involvements=[InvolvementData(ref[1] if ref else None, role=role, id=rid)
                          for rid, (ref, role) in self.involvements.rows()],
            citations=d.citations)

    def comparable(self, data: IncidentData) -> dict[str, Any]:
        c = data.comparable()
        for key in ("title", "summary", "date_start", "date_end"):
            c[key] = c[key].strip()
        return c

    def validate(self, data: IncidentData) -> dict[str, str]:
        errors = svc.validate_incident(data)
        if self.place.currentText().strip() and data.place_id is None:
            errors["place"] = "Choose the place from the list (or create it first)."
        return errors

    def blank(self) -> IncidentData:
        return IncidentData()

    def load_record(self, session, record_id: int) -> IncidentData:
        return svc.load_incident(session, record_id)

    def save_record(self, session, data: IncidentData) -> int:
        return svc.save_incident(session, data)

    def delete_record(self, session, record_id: int) -> None:
        svc.delete_incident(session, record_id)
