"""Requests to show a passage of a document, or to open a record's form.

A passage request comes from citations, the review queue or search; the viewer
answers it. A record request opens the form even for a kind the record panel
does not follow from the selection (a document's metadata).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Navigator(QObject):
    """The viewer listens; anything that knows a span asks it to be shown."""

    passage_requested = Signal(int, int, int, bool)  # source id, start, end, flash
    record_requested = Signal(object)  # Ref

    def show_passage(self, source_id: int, start: int, end: int, flash: bool = True) -> None:
        self.passage_requested.emit(source_id, start, end, flash)

    def open_record(self, ref) -> None:
        self.record_requested.emit(ref)
