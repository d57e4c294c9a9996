"""Global search (Ctrl+K): one box over actors (with their aliases), places, incidents and
documents, Arabic-normalised by ``casefile.search``; Enter selects the hit everywhere.

Typing is debounced and each search runs through the operation runner; only
the newest answer is shown. Arrow keys move through the hits while the cursor
stays in the box; group headings are skipped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from casefile.search import SearchHit, search
from ui.core.context import CaseContext
from ui.core.selection import Ref
from ui.core.view_query import LatestQuery

KIND_ORDER = ("actor", "place", "incident", "source")
PER_KIND = 8
DEBOUNCE_MS = 180
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def snippet_html(snippet: str) -> str:
    """casefile.search marks matched words with [brackets]; show them bold."""
    escaped = html.escape(snippet)
    return escaped.replace("[", "<b>").replace("]", "</b>")


class HitDelegate(QStyledItemDelegate):
    """Title over snippet, rich text (matched words in bold), either direction."""

    def _doc(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setHtml(index.data(Qt.ItemDataRole.DisplayRole) or "")
        doc.setTextWidth(max(50, option.rect.width() - 12))
        return doc

    def paint(self, painter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        header = index.data(HIT_ROLE) is None
        if not header:
            option.widget.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem,
                                                option, painter, option.widget)
        doc = self._doc(option, index)
        painter.save()
        painter.translate(option.rect.left() + 6, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = option.state & QStyle.StateFlag.State_Selected
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        ctx.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        self.initStyleOption(option, index)
        doc = self._doc(option, index)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 4)


class SearchPalette(QDialog):
    """A small window over the main one; Escape closes it, Enter picks."""

    picked = Signal(object)  # Ref

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        runner, case, selection = ctx.runner, ctx.case, ctx.selection
        self.selection = selection
        self.setModal(False)
        self.resize(640, 460)
        self.box = QLineEdit()
        self.box.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._query = LatestQuery(runner, case, "search", self)
        self._query.failed.connect(self.status.setText)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.box.textChanged.connect(lambda _t: self._timer.start())
        self.box.installEventFilter(self)
        self.hits: list[SearchHit] = []
        self._enter_pending = False
        self._shown_text = ""  # the query whose hits are listed
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Search the case"))
        self.box.setPlaceholderText(self.tr("Actors, aliases, places, incidents, documents…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._show(self.hits)
        super().changeEvent(event)

    def kind_heading(self, kind: str) -> str:
        return {"actor": self.tr("Actors"), "place": self.tr("Places"),
                "incident": self.tr("Incidents"), "source": self.tr("Documents")}.get(kind, kind)

    def open(self) -> None:  # noqa: A003 - QDialog.open
        self.box.selectAll()
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()

    # --- searching ----------------------------------------------------------------

    def _search(self) -> None:
        text = self.box.text().strip()
        if not text:
            self._query.cancel()
            self._shown_text = ""
            self._show([])
            return

        def work(session: Session) -> list[SearchHit]:
            return search(session, text, limit=PER_KIND * len(KIND_ORDER) * 2)

        def arrived(hits: list[SearchHit]) -> None:
            self._shown_text = text
            self._show(hits)

        self.status.setText(self.tr("Searching…"))
        self._query.ask(work, arrived)

    def _show(self, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.results.clear()
        first_hit: QListWidgetItem | None = None
        for kind in KIND_ORDER:
            mine = [h for h in hits if h.kind == kind][:PER_KIND]
            if not mine:
                continue
            title = html.escape(self.kind_heading(kind))
            heading = QListWidgetItem(f"<span style='color:gray'>{title}</span>")
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            self.results.addItem(heading)
            for hit in mine:
                item = QListWidgetItem(f"<b>{html.escape(hit.title)}</b><br>"
                                       f"<small>{snippet_html(hit.snippet)}</small>")
                item.setData(HIT_ROLE, hit)
                self.results.addItem(item)
                first_hit = first_hit or item
        if first_hit is not None:
            self.results.setCurrentItem(first_hit)
        if self.box.text().strip():
            self.status.setText(self.tr("No matches") if not hits else
                                self.tr("Matches: %1").replace(
                                "%1", self.locale().toString(len(hits))))
        else:
            self.status.clear()
        if self._enter_pending:
            self._enter_pending = False
            self._activate(self.results.currentItem())

    # --- keys -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else 0
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self._move(1 if key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1,
                           5 if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) else 1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.box.text().strip() != self._shown_text:
                    # typed and pressed Enter at once: pick the first hit when it comes
                    self._enter_pending = True
                    if self._timer.isActive():
                        self._timer.stop()
                        self._search()
                else:
                    self._activate(self.results.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)

    def _move(self, direction: int, steps: int) -> None:
        row = self.results.currentRow()
        count = self.results.count()
        for _ in range(steps):
            nxt = row + direction
            while 0 <= nxt < count and self.results.item(nxt).data(HIT_ROLE) is None:
                nxt += direction  # headings are not stops
            if not 0 <= nxt < count:
                break
            row = nxt
        if 0 <= row < count:
            self.results.setCurrentRow(row)

    def _activate(self, item: QListWidgetItem | None) -> None:
        hit = item.data(HIT_ROLE) if item is not None else None
        if hit is None:
            return
        ref = Ref(hit.kind, hit.id)
        self.selection.select(ref)
        self.picked.emit(ref)
        self.close()
