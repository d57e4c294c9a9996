"""The passages behind a record's facts; activating one shows it in the viewer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from casefile.services.citations import CitationRow
from ui.core.navigation import Navigator

QUOTE_CHARS = 140


class CitationsView(QListWidget):
    def __init__(self, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citations")
        self.navigator = navigator
        self.setWordWrap(True)
        self.setMinimumHeight(80)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # quotes are mostly Arabic
        self.setToolTip(self.tr("Double-click or Enter: show the passage in its document"))
        self.itemActivated.connect(self.jump)

    def set_citations(self, citations: list[CitationRow]) -> None:
        self.clear()
        for c in citations:
            quote = c.quote if len(c.quote) <= QUOTE_CHARS else c.quote[:QUOTE_CHARS - 1] + "…"
            item = QListWidgetItem(f"«{quote}»\n{c.source_title} — {self.tr(c.fact_label)}")
            item.setData(Qt.ItemDataRole.UserRole, (c.source_id, c.start, c.end))
            self.addItem(item)
        if not citations:
            empty = QListWidgetItem(self.tr("No passage cited yet: select text in a document "
                                            "and choose «Cite for the current record»."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(empty)

    def jump(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if target:
            self.navigator.show_passage(*target, True)
