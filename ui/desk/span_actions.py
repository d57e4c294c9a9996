"""What the analyst can make from text selected in the document viewer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from casefile.services.actors import add_alias
from casefile.services.choices import rank_actors
from casefile.services.spans import (
    actor_from_span,
    actors_with_same_name,
    cite,
    incident_from_span,
    place_from_span,
)
from casefile.services.vocab import ACTOR_KINDS, PLACE_KINDS
from ui.core.case_handle import CaseHandle
from ui.core.icons import icon
from ui.core.selection import Ref, SelectionModel
from ui.desk.document_text import DocumentText
from ui.dialogs.actor_picker import ActorPickerDialog

CITABLE = ("actor", "place", "incident")


class SpanActions(QObject):
    def __init__(self, handle: CaseHandle, selection: SelectionModel, text: DocumentText,
                 source_id: Callable[[], int | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.handle, self.selection, self.text = handle, selection, text
        self.source_id = source_id
        self.picker: ActorPickerDialog | None = None
        text.span_menu.connect(self.fill_menu)

    def fill_menu(self, menu: QMenu, start: int, end: int) -> None:
        source_id = self.source_id()
        if source_id is None:
            return
        passage = " ".join(self.text.text[start:end].split())
        short = passage if len(passage) <= 30 else passage[:29] + "…"

        actors = menu.addMenu(icon("actor"), self.tr("New actor «{}»").format(short))
        for kind, label in ACTOR_KINDS.items():
            actors.addAction(self.tr(label)).triggered.connect(
                lambda _=False, k=kind: self.handle.write(
                    self.tr("New actor «{}»").format(short),
                    lambda s: actor_from_span(s, source_id, start, end, k),
                    on_success=self._actor_made))
        places = menu.addMenu(icon("place"), self.tr("New place «{}»").format(short))
        for kind, label in PLACE_KINDS.items():
            places.addAction(self.tr(label)).triggered.connect(
                lambda _=False, k=kind: self._write(
                    self.tr("New place «{}»").format(short), "place",
                    lambda s: place_from_span(s, source_id, start, end, k)))
        menu.addAction(icon("incident"), self.tr("New incident from this passage")).triggered \
            .connect(lambda: self._write(self.tr("New incident"), "incident",
                                         lambda s: incident_from_span(s, source_id, start, end)))
        menu.addAction(icon("actor"), self.tr("Add «{}» as alias of…").format(short)).triggered \
            .connect(lambda: self.pick_alias_owner(source_id, start, end, passage))
        current = self.selection.current
        cite_action = menu.addAction(icon("citation"), self.tr("Cite for the current record"))
        if current is not None and current.kind in CITABLE:
            cite_action.setText(self.tr("Cite for the open {} ({})").format(
                self.tr(current.kind), current.id))
            cite_action.triggered.connect(lambda: self.handle.write(
                self.tr("Cite passage"),
                lambda s: cite(s, current.kind, current.id, source_id, start, end)))
        else:
            cite_action.setEnabled(False)
            cite_action.setToolTip(self.tr("Open an actor, place or incident first."))

    def actions_for(self, start: int, end: int) -> list[QAction]:
        """The menu's actions, flattened (for keyboard users' menus and tests)."""
        menu = QMenu()
        self.fill_menu(menu, start, end)
        found: list[QAction] = []

        def walk(m: QMenu) -> None:
            for action in m.actions():
                if action.menu():
                    walk(action.menu())
                elif not action.isSeparator():
                    found.append(action)

        walk(menu)
        self._last_menu = menu  # keep the actions alive
        return found

    def _actor_made(self, actor_id: int) -> None:
        self.selection.select(Ref("actor", actor_id))
        self.handle.read(lambda s: actors_with_same_name(s, actor_id), self._warn_same_name)

    def _warn_same_name(self, others: list[tuple[int, str]]) -> None:
        if others:
            # Isolated, so an Arabic name and its number keep their order in a Latin sentence.
            names = ", ".join(f"\u2068«{name}»\u2069 (#{other_id})" for other_id, name in others)
            self.handle.notice.emit(self.tr(
                "Another actor already has this name: {}. If it is the same, merge them or "
                "add the passage as its alias.").format(names))

    def _write(self, description: str, kind: str, fn) -> None:
        self.handle.write(description, fn,
                          on_success=lambda rid: self.selection.select(Ref(kind, rid)))

    def pick_alias_owner(self, source_id: int, start: int, end: int, passage: str) -> None:
        self.picker = ActorPickerDialog(
            self.handle, self.tr("Add as alias"),
            self.tr("Add «{}» as another name of:").format(passage),
            lambda s: rank_actors(s, passage, limit=15), self.parent())
        self.picker.chosen.connect(lambda actor_id: self.handle.write(
            self.tr("Add alias «{}»").format(passage),
            lambda s: add_alias(s, actor_id, passage, source_id=source_id, start=start, end=end),
            on_success=lambda _alias: self.selection.select(Ref("actor", actor_id))))
        self.picker.open()
