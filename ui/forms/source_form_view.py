"""The source form: editable metadata and reliability; integrity facts read-only."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from casefile.review.proposals import save_source_redating
from casefile.services import sources as svc
from casefile.services.sources import LANGUAGES, SourceData
from ui.core.changes import Change
from ui.core.widgets import arabic_line, choice_box, date_line, latin_line, set_choice
from ui.forms.form_base import FormBase

RELIABILITY = {"A": "A — completely reliable", "B": "B — usually reliable",
               "C": "C — fairly reliable", "D": "D — not usually reliable",
               "E": "E — unreliable", "F": "F — cannot be judged"}


class SourceForm(FormBase):
    kind = "source"
    title_new = "Source"
    watches = frozenset({Change.SOURCES})
    deletable = True
    labels = {"title": "Title", "publisher": "Publisher", "author": "Author", "url": "URL",
              "published": "Published", "language": "Language", "reliability": "Reliability"}

    def build(self, form: QFormLayout) -> None:
        self.title = self.add_field("title", "Title", arabic_line(), "textChanged")
        self.publisher = self.add_field("publisher", "Publisher", arabic_line(), "textChanged")
        self.author = self.add_field("author", "Author", arabic_line(), "textChanged")
        self.url = self.add_field("url", "URL", latin_line(), "textChanged")
        self.published = self.add_field("published", "Published", date_line(), "textChanged")
        self.language = self.add_field("language", "Language",
                                       choice_box({c: c for c in LANGUAGES}, empty="—"),
                                       "currentIndexChanged")
        self.reliability = self.add_field("reliability", "Reliability",
                                          choice_box(RELIABILITY, empty="—"),
                                          "currentIndexChanged",
                                          hint="Admiralty code: reliability of the source")
        self.facts: dict[str, QLabel] = {}
        for key, label in (("file_name", "File"), ("media_type", "Type"), ("size", "Size"),
                           ("sha256", "SHA-256"), ("imported", "Imported"),
                           ("status", "Status")):
            value = QLabel(objectName=f"fact_{key}", wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = value
            form.addRow(self.tr(label), value)
        self.facts["sha256"].setStyleSheet("font-family: monospace;")

    def fill(self, d: SourceData) -> None:
        for key in ("title", "publisher", "author", "url", "published"):
            getattr(self, key).setText(getattr(d, key))
        set_choice(self.language, d.language)
        set_choice(self.reliability, d.reliability)
        imported = d.imported_at.strftime("%Y-%m-%d %H:%M") if d.imported_at else "?"
        for key, value in (("file_name", d.file_name), ("media_type", d.media_type),
                           ("size", f"{d.size:,} bytes"), ("sha256", d.sha256),
                           ("imported", f"{imported} · {d.imported_by or '?'}"),
                           ("status", d.status)):
            self.facts[key].setText(value)

    def collect(self) -> SourceData:
        d = self.data
        out = SourceData(**{k: getattr(d, k) for k in d.__dataclass_fields__})
        for key in ("title", "publisher", "author", "url", "published"):
            setattr(out, key, getattr(self, key).text())
        out.language = self.language.currentData() or ""
        out.reliability = self.reliability.currentData() or ""
        return out

    def comparable(self, data: SourceData) -> dict[str, Any]:
        return {k: (v.strip() if isinstance(v, str) else v) for k, v in data.edits().items()}

    def describe(self, data: SourceData) -> str:
        return data.title or data.file_name

    def validate(self, data: SourceData) -> dict[str, str]:
        return svc.validate_source(data)

    def blank(self) -> SourceData:
        raise RuntimeError("sources are made by importing files")

    def load_record(self, session, record_id: int) -> SourceData:
        return svc.load_source(session, record_id, with_text=False)

    def save_record(self, session, data: SourceData) -> int:
        # A new report date re-resolves the source's open proposals in the same action.
        return save_source_redating(session, data)

    def delete_record(self, session, record_id: int) -> None:
        svc.delete_source(session, record_id)
