"""The place form: names, kind, parent, coordinates, aliases, citations."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QLabel

from casefile.services import places as svc
from casefile.services.choices import Choice, place_choices
from casefile.services.places import PlaceData
from casefile.services.vocab import PLACE_KINDS
from ui.core.changes import Change, ChangeSet
from ui.core.widgets import arabic_line, choice_box, latin_line, notes_box, set_choice
from ui.desk.citations_view import CitationsView
from ui.forms.form_base import FormBase
from ui.forms.pickers import RecordPicker


class PlaceForm(FormBase):
    kind = "place"
    title_new = "New place"
    watches = frozenset({Change.PLACES, Change.ALIASES, Change.CITATIONS, Change.INCIDENTS})
    labels = {"name": "Name", "name_latin": "Latin name", "kind": "Kind", "parent_id": "Parent",
              "latitude": "Latitude", "longitude": "Longitude", "notes": "Notes",
              "aliases": "Aliases"}

    def build(self, form: QFormLayout) -> None:
        self.name = self.add_field("name", "Name (Arabic)", arabic_line(), "textChanged")
        self.name_latin = self.add_field("name_latin", "Latin name", latin_line(), "textChanged")
        self.kind_box = self.add_field("kind", "Kind", choice_box(PLACE_KINDS),
                                       "currentIndexChanged")
        self.parent_picker = self.add_field("parent", "Inside", RecordPicker(), "picked",
                                            hint="The governorate, district or town it lies in")
        self.latitude = self.add_field("latitude", "Latitude", latin_line(), "textChanged",
                                       hint="Decimal degrees, e.g. 35.3359")
        self.longitude = self.add_field("longitude", "Longitude", latin_line(), "textChanged",
                                        hint="Decimal degrees, e.g. 40.1408")
        self.aliases = self.add_field("aliases", "Other names", notes_box(), "textChanged",
                                      hint="One name per line")
        self.notes = self.add_field("notes", "Notes", notes_box(), "textChanged")
        self.incidents = QLabel(objectName="placeIncidents")
        form.addRow(self.tr("Incidents here"), self.incidents)
        self.citations = CitationsView(self.navigator)
        form.addRow(self.tr("Citations"), self.citations)
        self.handle.changed.connect(self._changed)
        self._load_choices()

    def _changed(self, changes: ChangeSet) -> None:
        if Change.PLACES in changes:
            self._load_choices()

    def _load_choices(self) -> None:
        self.handle.read(place_choices, self._choices_loaded, label="Loading places")

    def _choices_loaded(self, places: list[Choice]) -> None:
        own = self.record_id
        self.parent_picker.set_choices([("place", [c for c in places if c.id != own])])

    def fill(self, d: PlaceData) -> None:
        self.name.setText(d.name)
        self.name_latin.setText(d.name_latin)
        set_choice(self.kind_box, str(d.kind))
        self.parent_picker.set_value(("place", d.parent_id) if d.parent_id else None,
                                     d.parent_label)
        self.latitude.setText(d.latitude)
        self.longitude.setText(d.longitude)
        self.aliases.setPlainText("\n".join(d.aliases))
        self.notes.setPlainText(d.notes)
        self.incidents.setText(str(d.incident_count))
        self.citations.set_citations(d.citations)

    def collect(self) -> PlaceData:
        d = self.data
        return PlaceData(
            id=d.id, version=d.version, name=self.name.text(), name_latin=self.name_latin.text(),
            kind=self.kind_box.currentData(), parent_id=self.parent_picker.value_id(),
            parent_label=self.parent_picker.currentText(), latitude=self.latitude.text(),
            longitude=self.longitude.text(), notes=self.notes.toPlainText(),
            aliases=[a.strip() for a in self.aliases.toPlainText().splitlines() if a.strip()],
            citations=d.citations, incident_count=d.incident_count)

    def comparable(self, data: PlaceData) -> dict[str, Any]:
        c = data.comparable()
        for key in ("name", "name_latin", "latitude", "longitude", "notes"):
            c[key] = c[key].strip()
        return c

    def validate(self, data: PlaceData) -> dict[str, str]:
        errors = svc.validate_place(data)
        if "parent" not in errors and self.parent_picker.currentText().strip() \
                and data.parent_id is None:
            errors["parent"] = "Choose the parent place from the list."
        return errors

    def blank(self) -> PlaceData:
        return PlaceData()

    def load_record(self, session, record_id: int) -> PlaceData:
        return svc.load_place(session, record_id)

    def save_record(self, session, data: PlaceData) -> int:
        return svc.save_place(session, data)

    def delete_record(self, session, record_id: int) -> None:
        svc.delete_place(session, record_id)
