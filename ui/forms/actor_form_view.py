"""The actor dossier form: names, kind, aliases, relations and offices, places, citations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QListWidget, QListWidgetItem

from casefile.services import actors as svc
from casefile.services.actors import ActorData, AliasData, LinkData
from casefile.services.choices import Choice, actor_choices, place_choices
from casefile.services.validation import tags_from_text
from casefile.services.vocab import ACTOR_KINDS, ALIAS_KINDS, PRESENT_IN, RELATION_TYPES
from ui.core.changes import Change, ChangeSet
from ui.core.selection import Ref
from ui.core.widgets import arabic_line, choice_box, date_line, latin_line, notes_box, set_choice
from ui.desk.citations_view import CitationsView
from ui.forms.form_base import FormBase
from ui.forms.pickers import RecordPicker
from ui.forms.rows_editor import Column, RowsEditor


def _combo_column(header: str, choices: dict, width: int = 130) -> Column:
    return Column(header, lambda: choice_box(choices), lambda w: w.currentData(),
                  set_choice, "currentIndexChanged", width=width)


def _picker_column(header: str) -> Column:
    def put(w: RecordPicker, value: Any) -> None:
        ref, label = value
        w.set_value(ref, label)

    return Column(header, RecordPicker, lambda w: w.value(), put, "picked", stretch=True)


def _line_column(header: str, make=latin_line, stretch: bool = False,
                 width: int = 100) -> Column:
    return Column(header, make, lambda w: w.text(), lambda w, v: w.setText(v or ""),
                  "textChanged", stretch, width)


class ActorForm(FormBase):
    kind = "actor"
    title_new = "New actor"
    watches = frozenset({Change.ACTORS, Change.ALIASES, Change.RELATIONS, Change.CITATIONS,
                         Change.INVOLVEMENTS, Change.INCIDENTS, Change.TAGS, Change.PLACES})
    labels = {"kind": "Kind", "name": "Name", "name_latin": "Latin name", "notes": "Notes",
              "tags": "Tags", "aliases": "Aliases", "relations": "Relations",
              "places": "Places"}

    def build(self, form: QFormLayout) -> None:
        self.actors: list[Choice] = []
        self.places: list[Choice] = []
        self.name = self.add_field("name", "Name (Arabic)", arabic_line(), "textChanged")
        self.name_latin = self.add_field("name_latin", "Latin name", latin_line(), "textChanged")
        self.kind_box = self.add_field("kind", "Kind", choice_box(ACTOR_KINDS),
                                       "currentIndexChanged")
        self.aliases = RowsEditor([_line_column("Alias", arabic_line, stretch=True),
                                   _combo_column("Kind", ALIAS_KINDS)], "Add alias")
        self.add_field("aliases", "Aliases", self.aliases, "edited")
        self.relations = RowsEditor([_combo_column("Relation", RELATION_TYPES, 112),
                                     _picker_column("Actor or place"),
                                     _line_column("Title", arabic_line, width=64),
                                     _line_column("From", date_line, width=84),
                                     _line_column("To", date_line, width=84)],
                                    "Add relation")
        self.relations.widget_setup = lambda c, w: c == 1 and self._fill_picker(w, True)
        self.add_field("relations", "Relations", self.relations, "edited",
                       hint="Relations to other actors, and offices held (with their place)")
        self.place_rows = RowsEditor([_picker_column("Place")], "Add place")
        self.place_rows.widget_setup = lambda c, w: self._fill_picker(w, False)
        self.add_field("places", "Places of activity", self.place_rows, "edited")
        self.tags = self.add_field("tags", "Tags", latin_line(), "textChanged",
                                   hint="Separate tags with commas")
        self.notes = self.add_field("notes", "Notes", notes_box(), "textChanged")
        self.incidents = QListWidget(objectName="actorIncidents")
        self.incidents.setMaximumHeight(110)
        self.incidents.setWordWrap(True)
        self.incidents.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.incidents.itemActivated.connect(
            lambda item: self.selection.select(Ref("incident", item.data(Qt.ItemDataRole.UserRole))))
        form.addRow(self.tr("Incidents"), self.incidents)
        self.citations = CitationsView(self.navigator)
        form.addRow(self.tr("Citations"), self.citations)
        self.handle.changed.connect(self._changed)
        self._load_choices()

    # --- choices --------------------------------------------------------------------------

    def _load_choices(self) -> None:
        self.handle.read(lambda s: (actor_choices(s), place_choices(s)), self._choices_loaded,
                         label="Loading names")

    def _choices_loaded(self, result: tuple[list[Choice], list[Choice]]) -> None:
        self.actors, self.places = result
        for editor, both in ((self.relations, True), (self.place_rows, False)):
            col = 1 if both else 0
            for row in range(editor.table.rowCount()):
                self._fill_picker(editor.cell(row, col), both)

    def _fill_picker(self, picker: RecordPicker, both: bool) -> None:
        if both:
            places = [Choice(c.id, f"{c.label} · {self.tr('place')}") for c in self.places]
            picker.set_choices([("actor", self.actors), ("place", places)])
        else:
            picker.set_choices([("place", self.places)])

    def _changed(self, changes: ChangeSet) -> None:
        if changes & frozenset({Change.ACTORS, Change.PLACES}):
            self._load_choices()

    # --- data in and out ---------------------------------------------------------------------

    def fill(self, d: ActorData) -> None:
        self.name.setText(d.name)
        self.name_latin.setText(d.name_latin)
        set_choice(self.kind_box, str(d.kind))
        self.aliases.set_rows([(a.id, [a.text, str(a.kind)]) for a in d.aliases])
        self.relations.set_rows([(r.id, [r.type, ((r.object_kind, r.object_id), r.object_label),
                                         r.title, r.date_start, r.date_end])
                                 for r in d.relations])
        self.place_rows.set_rows([(p.id, [(("place", p.object_id), p.object_label)])
                                  for p in d.places])
        self.tags.setText(", ".join(d.tags))
        self.notes.setPlainText(d.notes)
        self.incidents.clear()
        for link in d.incidents:
            item = QListWidgetItem(f"{link.date or '—'}  {link.title}  ({self.tr(link.role)})")
            item.setData(Qt.ItemDataRole.UserRole, link.incident_id)
            self.incidents.addItem(item)
        self.citations.set_citations(d.citations)

    def collect(self) -> ActorData:
        d = self.data
        relations = []
        for rid, (type_, ref, title, start, end) in self.relations.rows():
            kind, oid = ref if ref else ("actor", None)
            relations.append(LinkData(type_, kind, oid, title=title, date_start=start,
                                      date_end=end, id=rid))
        places = [LinkData(PRESENT_IN, "place", ref[1] if ref else None, id=rid)
                  for rid, (ref,) in self.place_rows.rows()]
        return ActorData(
            id=d.id, version=d.version, kind=self.kind_box.currentData(),
            name=self.name.text(), name_latin=self.name_latin.text(),
            notes=self.notes.toPlainText(), tags=tags_from_text(self.tags.text()),
            aliases=[AliasData(text, kind, rid) for rid, (text, kind) in self.aliases.rows()],
            relations=relations, places=places, incidents=d.incidents, citations=d.citations)

    def comparable(self, data: ActorData) -> dict[str, Any]:
        c = data.comparable()
        c["name"], c["name_latin"] = c["name"].strip(), c["name_latin"].strip()
        c["notes"] = c["notes"].strip()
        return c

    def validate(self, data: ActorData) -> dict[str, str]:
        return svc.validate_actor(data)

    def blank(self) -> ActorData:
        return ActorData()

    def load_record(self, session, record_id: int) -> ActorData:
        return svc.load_actor(session, record_id)

    def save_record(self, session, data: ActorData) -> int:
        return svc.save_actor(session, data)

    def delete_record(self, session, record_id: int) -> None:
        svc.delete_actor(session, record_id)
