"""Requests to show a passage of a document: from citations, the review queue, search."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Navigator(QObject):
    """The viewer listens; anything that knows a span asks it to be shown."""

    passage_requested = Signal(int, int, int, bool)  # source id, start, end, flash

    def show_passage(self, source_id: int, start: int, end: int, flash: bool = True) -> None:
        self.passage_requested.emit(source_id, start, end, flash)
