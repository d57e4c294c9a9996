"""The text pane of the document viewer: logical text, marks, find hits, flash.

Offsets from the domain are Python string indices; QTextDocument counts UTF-16
units and turns «\\r\\n» into one paragraph break, so ``OffsetMap`` converts.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextOption
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from casefile.services.marks import Mark
from ui.core.fonts import reading_font
from ui.core.marks_style import FIND_COLOUR, FLASH_COLOUR, colour, mark_format

FLASH_STEPS = 6
FLASH_INTERVAL_MS = 160


class OffsetMap:
    """Python index ↔ QTextDocument position."""

    def __init__(self, text: str) -> None:
        self._pos: list[int] | None = None
        if "\r\n" in text or any(ord(ch) > 0xFFFF for ch in text):
            pos, p = [], 0
            for i, ch in enumerate(text):
                pos.append(p)
                if ch == "\r" and text[i + 1:i + 2] == "\n":
                    continue  # «\r\n» is one paragraph break in the document
                p += 2 if ord(ch) > 0xFFFF else 1
            pos.append(p)
            self._pos = pos

    def to_doc(self, index: int) -> int:
        if self._pos is None:
            return index
        return self._pos[max(0, min(index, len(self._pos) - 1))]

    def to_text(self, position: int) -> int:
        if self._pos is None:
            return position
        return bisect.bisect_left(self._pos, position)


class DocumentText(QTextEdit):
    mark_clicked = Signal(object)  # Mark
    span_menu = Signal(QMenu, int, int)  # a context menu about to open on a selected span

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentText")
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setMouseTracking(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setFont(reading_font())
        self.text = ""
        self.offsets = OffsetMap("")
        self.marks: list[Mark] = []
        self.find_spans: list[tuple[int, int]] = []
        self.find_current = -1
        self.emphasis: list[tuple[int, int, str]] = []
        self.flashing: tuple[int, int] | None = None
        self._flash_step = 0
        self._flash_timer = QTimer(self, interval=FLASH_INTERVAL_MS)
        self._flash_timer.timeout.connect(self._flash_tick)
        self._zoom = 0

    # --- content ----------------------------------------------------------------

    def set_content(self, text: str, rtl: bool, marks: list[Mark]) -> None:
        self.text = text
        self.offsets = OffsetMap(text)
        self.find_spans, self.find_current, self.emphasis = [], -1, []
        self.setPlainText(text)
        option = QTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl
                                else Qt.LayoutDirection.LeftToRight)
        # Absolute: for right-to-left text Qt swaps a plain AlignRight to the left edge.
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute if rtl
                            else Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(16)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl
                                else Qt.LayoutDirection.LeftToRight)
        self.set_marks(marks)

    def set_marks(self, marks: list[Mark]) -> None:
        self.marks = sorted(marks, key=lambda k: (k.start, -k.end))
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.setCharFormat(QTextCharFormat())
        for mark in self.marks:
            cursor.setPosition(self.offsets.to_doc(mark.start))
            cursor.setPosition(self.offsets.to_doc(mark.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(mark_format(mark))
        self._refresh_extra()

    def mark_at(self, index: int) -> Mark | None:
        """The innermost mark covering the Python index ``index``."""
        found = [k for k in self.marks if k.start <= index < k.end]
        return min(found, key=lambda k: k.end - k.start) if found else None

    def format_at(self, index: int) -> QTextCharFormat:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_doc(index) + 1)  # the format of the char before
        return cursor.charFormat()

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (self.offsets.to_text(cursor.selectionStart()),
                self.offsets.to_text(cursor.selectionEnd()))

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_doc(start))
        cursor.setPosition(self.offsets.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # --- find, emphasis, flash ----------------------------------------------------

    def set_find(self, spans: list[tuple[int, int]], current: int) -> None:
        self.find_spans, self.find_current = spans, current
        if 0 <= current < len(spans):
            self.show_span(*spans[current], flash=False)
        self._refresh_extra()

    def set_emphasis(self, spans: list[tuple[int, int, str]]) -> None:
        self.emphasis = spans
        self._refresh_extra()

    def show_span(self, start: int, end: int, flash: bool = True) -> None:
        """Scroll to the span; with ``flash``, blink it so the eye finds it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_doc(end))
        self.setTextCursor(cursor)
        cursor.setPosition(self.offsets.to_doc(start))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        if flash:
            self.flashing = (start, end)
            self._flash_step = 0
            self._flash_timer.start()
        self._refresh_extra()

    def _flash_tick(self) -> None:
        self._flash_step += 1
        if self._flash_step >= FLASH_STEPS:
            self._flash_timer.stop()
            self.flashing = None
        self._refresh_extra()

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_doc(start))
        cursor.setPosition(self.offsets.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        sel.cursor, sel.format = cursor, fmt
        return sel

    def _refresh_extra(self) -> None:
        extra = []
        for start, end, type_ in self.emphasis:
            fmt = QTextCharFormat()
            fmt.setBackground(colour(type_, 150))
            fmt.setFontWeight(700)
            extra.append(self._selection(start, end, fmt))
        for i, (start, end) in enumerate(self.find_spans):
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(FIND_COLOUR if i != self.find_current else "#ff9800"))
            extra.append(self._selection(start, end, fmt))
        if self.flashing and self._flash_step % 2 == 0:
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(FLASH_COLOUR))
            extra.append(self._selection(*self.flashing, fmt))
        self.setExtraSelections(extra)

    # --- zoom ------------------------------------------------------------------------

    def zoom(self, steps: int) -> None:
        if steps == 0:
            steps = -self._zoom
        if steps > 0:
            self.zoomIn(steps)
        elif steps < 0:
            self.zoomOut(-steps)
        self._zoom += steps

    # --- mouse and clipboard -------------------------------------------------------

    def _index_at(self, viewport_pos) -> int | None:
        cursor = self.cursorForPosition(viewport_pos)
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - viewport_pos.y()) > rect.height():
            return None  # below the last line
        index = self.offsets.to_text(cursor.position())
        # The cursor lands between characters: take the character under the pointer.
        for candidate in (index, index - 1):
            if self.mark_at(candidate) is not None:
                return candidate
        return index

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.ToolTip:
            index = self._index_at(event.pos())
            mark = self.mark_at(index) if index is not None else None
            if mark is not None:
                QToolTip.showText(event.globalPos(), self.tr(mark.describe()), self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            index = self._index_at(event.position().toPoint())
            mark = self.mark_at(index) if index is not None else None
            if mark is not None:
                self.mark_clicked.emit(mark)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt API
        menu = self.createStandardContextMenu(event.pos())
        span = self.selected_span()
        if span is not None and span[1] > span[0]:
            menu.addSeparator()
            self.span_menu.emit(menu, span[0], span[1])
        menu.exec(event.globalPos())
        menu.deleteLater()

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt API
        """Copy the logical text exactly as stored (no bidi controls, no visual order)."""
        mime = QMimeData()
        span = self.selected_span()
        if span is not None:
            mime.setText(self.text[span[0]:span[1]])
        return mime
