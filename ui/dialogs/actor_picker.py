"""Choose an actor: candidates ranked by name, or any actor by typing (merge, add alias)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from casefile.services.choices import Candidate, rank_actors
from ui.core.case_handle import CaseHandle

ISOLATE = "\u2068%s\u2069"  # first-strong isolate: a name keeps its own direction


class ActorPickerDialog(QDialog):
    """Non-blocking (``open()``); ``chosen(actor_id)`` when the analyst picks one."""

    chosen = Signal(int)

    def __init__(self, handle: CaseHandle, title: str, prompt: str,
                 candidates: Callable[[Session], list[Candidate]],
                 parent: QWidget | None = None,
                 search: Callable[..., list[Candidate]] = rank_actors) -> None:
        super().__init__(parent)
        self.setObjectName("actorPicker")
        self.setWindowTitle(title)
        self.handle = handle
        self._rank = search  # actors by default; the grouped review passes places too
        self.query = QLineEdit(placeholderText=self.tr("Type a name to search every actor"))
        self.list = QListWidget()
        self.list.setObjectName("candidates")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        layout = QVBoxLayout(self)
        prompt_label = QLabel(prompt)
        prompt_label.setWordWrap(True)
        layout.addWidget(prompt_label)
        layout.addWidget(self.query)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)
        self.resize(460, 380)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        self._debounce = QTimer(self, singleShot=True, interval=200)
        self._debounce.timeout.connect(self._search)
        self.query.textChanged.connect(self._debounce.start)
        handle.read(candidates, self._show, label="Ranking candidates")

    def _search(self) -> None:
        text = self.query.text()
        if text.strip():
            self.handle.read(lambda s: self._rank(s, text, limit=30), self._show,
                             label="Searching actors")

    def _show(self, candidates: list[Candidate]) -> None:
        self.list.clear()
        for cand in candidates:
            # Names isolated (FSI…PDI): after an Arabic name the score's digits would
            # otherwise join the right-to-left run and print as «44 · name%».
            matched = f" — «{ISOLATE % cand.matched}»" \
                if cand.matched and cand.matched not in cand.label else ""
            item = QListWidgetItem(
                f"{ISOLATE % cand.label}  ·  {round(cand.score * 100)}%{matched}")
            item.setData(Qt.ItemDataRole.UserRole, cand.id)
            item.setToolTip(cand.detail)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def candidate_ids(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        super().accept()
        self.chosen.emit(item.data(Qt.ItemDataRole.UserRole))
