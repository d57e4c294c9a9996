"""The document viewer: header with integrity and metadata, legend, find bar, RTL text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casefile.services.find import DocumentFinder
from casefile.services.marks import MARK_TYPES, marks_for_source
from casefile.services.sources import SourceData, load_source, source_original
from ui.core import vocabulary
from ui.core.changes import Change, ChangeSet
from ui.core.context import CaseContext
from ui.core.icons import icon
from ui.core.marks_style import TYPE_COLOURS, TYPE_LABELS, css_rgba
from ui.core.selection import Ref
from ui.desk.document_text import DocumentText
from ui.desk.page_image_view import PageImageView
from ui.desk.span_actions import SpanActions
from ui.dialogs import messages as dialogs

RTL_LANGUAGES = {"ar", "fa", "ur", "he", "ku"}


def _size(n: int) -> str:
    return f"{n / 1024:.1f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for type_ in MARK_TYPES:
            chip = QLabel(self.tr(TYPE_LABELS[type_]))
            chip.setObjectName(f"legend_{type_}")
            chip.setStyleSheet(f"QLabel {{ background: {css_rgba(type_, 60)}; "
                               f"border-bottom: 2px solid {TYPE_COLOURS[type_]}; "
                               "padding: 1px 6px; }")
            layout.addWidget(chip)
        key = QLabel(self.tr("filled = confirmed · dashed underline = proposed"))
        key.setStyleSheet("color: palette(mid);")
        layout.addWidget(key)
        layout.addStretch(1)


class FindBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(placeholderText=self.tr("Find in document (Arabic-aware)"))
        self.edit.setObjectName("findEdit")
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel()
        self.prev = QToolButton(icon=icon("back"), toolTip=self.tr("Previous (Shift+Enter)"))
        self.next = QToolButton(icon=icon("forward"), toolTip=self.tr("Next (Enter)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.edit, self.prev, self.next, self.count):
            layout.addWidget(w)


class DocumentViewer(QWidget):
    # The text's marks: spans of proposals and mentions, named by actors, places, incidents.
    watches = frozenset({Change.SOURCES, Change.MENTIONS, Change.PROPOSALS, Change.ACTORS,
                         Change.PLACES, Change.INCIDENTS})

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        handle, selection, navigator = ctx.handle, ctx.selection, ctx.navigator
        self.setObjectName("documentViewer")
        self.handle, self.selection = handle, selection
        self.source: SourceData | None = None
        self.finder: DocumentFinder | None = None
        self._pending: tuple[int, int, int, bool] | None = None
        self._loading: int | None = None

        self.title = QLabel(objectName="docTitle", wordWrap=True)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.meta = QLabel(objectName="docMeta", wordWrap=True)
        self.sha = QLabel(objectName="docSha")
        self.sha.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sha.setStyleSheet("font-family: monospace; color: palette(mid);")
        self.open_button = QToolButton(icon=icon("original"), text=self.tr("Open original"))
        self.open_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.open_button.clicked.connect(self.open_original)
        self.details_button = QToolButton(icon=icon("edit"), text=self.tr("Details"))
        self.details_button.setToolTip(self.tr("Metadata and reliability of this document"))
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.clicked.connect(
            lambda: self.source and navigator.open_record(Ref("source", self.source.id)))
        self.zoom_in = QToolButton(icon=icon("zoom_in"), toolTip=self.tr("Zoom in (Ctrl++)"))
        self.zoom_out = QToolButton(icon=icon("zoom_out"), toolTip=self.tr("Zoom out (Ctrl+-)"))
        self.page_button = QToolButton(icon=icon("source"), text=self.tr("Page image"))
        self.page_button.setObjectName("pageImageButton")
        self.page_button.setToolTip(self.tr("Show the page beside its text, with the selected "
                                            "words boxed"))
        self.page_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.page_button.setCheckable(True)
        self.ocr_banner = QLabel(objectName="ocrBanner", wordWrap=True)
        self.ocr_banner.setStyleSheet("QLabel { background: #fff4c2; color: #5a4500; "
                                      "border: 1px solid #e0c860; padding: 4px 8px; }")
        self.find_bar = FindBar()
        self.text = DocumentText()
        self.page_view = PageImageView(handle)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.text)
        self.split.addWidget(self.page_view)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self.page_view.hide()
        self.placeholder = QLabel(self.tr("Select a document to read it here."),
                                  alignment=Qt.AlignmentFlag.AlignCenter)
        self.span_actions = SpanActions(handle, selection, self.text,
                                        lambda: self.source.id if self.source else None, self)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.zoom_out)
        top.addWidget(self.zoom_in)
        top.addWidget(self.details_button)
        top.addWidget(self.page_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.meta)
        layout.addWidget(self.sha)
        layout.addWidget(Legend())
        layout.addWidget(self.ocr_banner)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.placeholder, 1)
        self._set_visible(False)

        self.zoom_in.clicked.connect(lambda: self.text.zoom(1))
        self.zoom_out.clicked.connect(lambda: self.text.zoom(-1))
        for keys, steps in ((QKeySequence.StandardKey.ZoomIn, 1),
                            (QKeySequence.StandardKey.ZoomOut, -1), ("Ctrl+0", 0)):
            shortcut = QShortcut(QKeySequence(keys), self,
                                 context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=steps: self.text.zoom(s))
        self.find_bar.edit.textChanged.connect(self._find)
        self.find_bar.edit.returnPressed.connect(lambda: self.find_step(1))
        self.find_bar.next.clicked.connect(lambda: self.find_step(1))
        self.find_bar.prev.clicked.connect(lambda: self.find_step(-1))
        QShortcut(QKeySequence("Shift+Return"), self.find_bar.edit,
                  context=Qt.ShortcutContext.WidgetShortcut).activated.connect(
            lambda: self.find_step(-1))
        self.text.mark_clicked.connect(self._mark_clicked)
        self.page_button.toggled.connect(self._toggle_page)
        self.text.selectionChanged.connect(self._selection_changed)
        handle.changed.connect(self._on_changed)
        selection.selected.connect(self._follow)
        navigator.passage_requested.connect(self.show_passage)

    # --- loading -------------------------------------------------------------------

    def show_source(self, source_id: int) -> None:
        self._loading = source_id
        self.handle.read(lambda s: (load_source(s, source_id), marks_for_source(s, source_id)),
                         self._loaded, label="Opening document")

    def _loaded(self, result) -> None:
        data, marks = result
        if self._loading is not None and data.id != self._loading:
            return  # the analyst moved on meanwhile
        same = self.source is not None and self.source.id == data.id \
            and self.source.text == data.text
        self.source = data
        self._show_header(data)
        if same:
            scroll = self.text.verticalScrollBar().value()
            self.text.set_marks(marks)
            self.text.verticalScrollBar().setValue(scroll)
        else:
            self.finder = DocumentFinder(data.text)
            rtl = (data.language or "") in RTL_LANGUAGES or (
                not data.language and any("\u0600" <= ch <= "\u06ff" for ch in data.text[:500]))
            self.text.set_content(data.text, rtl, marks)
            self._find(self.find_bar.edit.text())
        self._set_visible(True)
        self._show_ocr(data, same)
        self._emphasise(self.selection.current)
        if self._pending and self._pending[0] == data.id:
            _, start, end, flash = self._pending
            self._pending = None
            self.text.show_span(start, end, flash)
            if self.page_view.isVisible():
                self.page_view.show_span(start, end)

    def _show_header(self, d: SourceData) -> None:
        self.title.setText(d.title or d.file_name)
        parts = [d.publisher, d.published, d.language and vocabulary.language_name(d.language), d.reliability and self.tr("reliability {}").format(d.reliability),
            d.file_name, d.media_type, _size(d.size), d.status if d.status != "ok" else ""]
        # Each part isolated: a file name such as «000_report.txt» must not be reordered
        # by the right-to-left text around it.
        self.meta.setText("  ·  ".join(f"\u2068{p}\u2069" for p in parts if p))
        self.sha.setText(f"SHA-256 {d.sha256}")
        self.sha.setToolTip(self.tr("Imported {} by {}").format(
            d.imported_at.strftime("%Y-%m-%d %H:%M") if d.imported_at else "?",
            d.imported_by or "?"))

    def _set_visible(self, has_doc: bool) -> None:
        for w in (self.title, self.meta, self.sha, self.open_button, self.find_bar, self.split,
                  self.zoom_in, self.zoom_out, self.details_button):
            w.setVisible(has_doc)
        if not has_doc:
            self.ocr_banner.hide()
            self.page_button.hide()
        self.placeholder.setVisible(not has_doc)

    # --- OCR: the banner and the page beside the text ---------------------------------

    def banner_text(self, d: SourceData) -> str:
        """"Text read by OCR, confidence N %" (and which pages), or why there is no text."""
        ocr = d.meta.get("ocr") or {}
        pages = ocr.get("pages") or []
        if pages:
            text = self.tr("Text read by OCR, confidence {} %").format(
                round(ocr.get("confidence") or 0))
            total = d.meta.get("pages") or len(pages)
            if total > 1:
                text += " " + self.tr("(pages {} of {})").format(", ".join(map(str, pages)), total)
            return text
        if ocr.get("reason") and not d.text:
            return self.tr("No text: {}").format(ocr["reason"])
        return ""

    def _show_ocr(self, d: SourceData, same: bool) -> None:
        banner = self.banner_text(d)
        self.ocr_banner.setText(banner)
        self.ocr_banner.setVisible(bool(banner))
        has_pages = "ocr" in d.meta  # scans and images: their pages can be shown
        self.page_button.setVisible(has_pages)
        if not has_pages:
            self.page_button.setChecked(False)
        elif not same and self.page_button.isChecked():
            self.page_view.show_source(d.id)

    def _toggle_page(self, on: bool) -> None:
        self.page_view.setVisible(on)
        if on:
            half = max(self.split.width() // 2, 100)
            self.split.setSizes([half, half])
        if on and self.source is not None:
            self.page_view.span = self.text.selected_span()
            self.page_view.show_source(self.source.id)

    def _selection_changed(self) -> None:
        span = self.text.selected_span()
        if span and self.page_view.isVisible():
            self.page_view.show_span(*span)

    def _on_changed(self, changes: ChangeSet) -> None:
        if self.source is not None and changes & self.watches:
            self.show_source(self.source.id)

    # --- selection and navigation ------------------------------------------------------

    def _follow(self, ref: Ref | None) -> None:
        if ref is not None and ref.kind == "source":
            if self.source is None or self.source.id != ref.id:
                self.show_source(ref.id)
        else:
            self._emphasise(ref)

    def _emphasise(self, ref: Ref | None) -> None:
        if ref is None or ref.kind not in ("actor", "place", "incident", "proposal"):
            self.text.set_emphasis([])
            return
        self.text.set_emphasis([(k.start, k.end, k.type) for k in self.text.marks
                                if k.ref_kind == ref.kind and k.ref_id == ref.id])

    def show_passage(self, source_id: int, start: int, end: int, flash: bool = True) -> None:
        if self.source is not None and self.source.id == source_id:
            self.text.show_span(start, end, flash)
            if self.page_view.isVisible():
                self.page_view.show_span(start, end)
        else:
            self._pending = (source_id, start, end, flash)
            self.selection.select(Ref("source", source_id))  # the panels follow
            if self._loading != source_id:
                self.show_source(source_id)

    def _mark_clicked(self, mark) -> None:
        if mark.ref_kind and mark.ref_id is not None:
            self.selection.select(Ref(mark.ref_kind, mark.ref_id))

    # --- find ----------------------------------------------------------------------------

    def focus_find(self) -> None:
        self.find_bar.edit.setFocus()
        self.find_bar.edit.selectAll()

    def _find(self, query: str) -> None:
        spans = self.finder.find(query) if self.finder and query.strip() else []
        self.text.set_find(spans, 0 if spans else -1)
        self._show_count()

    def find_step(self, step: int) -> None:
        spans = self.text.find_spans
        if spans:
            self.text.set_find(spans, (self.text.find_current + step) % len(spans))
        self._show_count()

    def _show_count(self) -> None:
        spans = self.text.find_spans
        query = self.find_bar.edit.text().strip()
        self.find_bar.count.setText(
            f"{self.text.find_current + 1}/{len(spans)}" if spans
            else (self.tr("not found") if query else ""))

    # --- the original ----------------------------------------------------------------------

    def open_original(self) -> None:
        if self.source is None:
            return
        if "html" in self.source.media_type and not dialogs.confirm(
                self, self.tr("Open original"),
                self.tr("The original is a web page: a browser may load its remote content "
                        "and run its scripts. Open it anyway?")):
            return
        source_id = self.source.id
        self.handle.read(lambda s: source_original(s, source_id), self._write_and_open,
                         label="Opening the original")

    def _write_and_open(self, result: tuple[str, bytes]) -> None:
        name, data = result
        folder = Path(tempfile.mkdtemp(prefix="casefile-original-"))
        path = folder / (Path(name).name or "original")
        path.write_bytes(data)
        self.last_original = path
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
