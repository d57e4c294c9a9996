"""The page image beside the text of an OCR'd source, with the selected words boxed."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from casefile.pages import PageData, page_at, page_image, source_pages
from ui.core.case_handle import CaseHandle
from ui.core.icons import icon

BOX_COLOUR = QColor(220, 40, 40)


class PageCanvas(QWidget):
    """The page scaled to the width of the pane; boxes given in OCR image pixels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageCanvas")
        self.image = QImage()
        self.page_size = QSize()  # the OCR image's size, which the boxes refer to
        self.boxes: list[tuple[int, int, int, int]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_page(self, image: QImage, page_size: QSize) -> None:
        self.image, self.page_size = image, page_size
        self.setMinimumHeight(self.heightForWidth(self.width()))
        self.updateGeometry()
        self.update()

    def set_boxes(self, boxes: list[tuple[int, int, int, int]]) -> None:
        self.boxes = boxes
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        if self.image.isNull():
            return 200
        return round(width * self.image.height() / max(self.image.width(), 1))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(480, self.heightForWidth(480))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        # The scroll area sizes the canvas to its viewport; the page may be taller.
        self.setMinimumHeight(self.heightForWidth(self.width()))
        super().resizeEvent(event)

    def box_rects(self) -> list[QRectF]:
        """Where the boxes are drawn, in widget pixels."""
        if self.page_size.isEmpty():
            return []
        scale = self.width() / self.page_size.width()
        return [QRectF(x * scale, y * scale, w * scale, h * scale) for x, y, w, h in self.boxes]

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if self.image.isNull():
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        height = self.heightForWidth(self.width())
        painter.drawImage(QRectF(0, 0, self.width(), height), self.image)
        painter.setPen(QPen(BOX_COLOUR, 2))
        painter.setBrush(QColor(220, 40, 40, 40))
        for rect in self.box_rects():
            painter.drawRect(rect.adjusted(-2, -2, 2, 2))


class PageImageView(QWidget):
    """Page N of M, its confidence, and the page; follows the text's selection."""

    def __init__(self, handle: CaseHandle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageImageView")
        self.handle = handle
        self.source_id: int | None = None
        self.pages: list[PageData] = []
        self.current: PageData | None = None
        self.span: tuple[int, int] | None = None
        self._shown: tuple[int, int] | None = None  # (source, page) whose image is loaded

        self.prev = QToolButton(icon=icon("back"), toolTip=self.tr("Previous page"))
        self.next = QToolButton(icon=icon("forward"), toolTip=self.tr("Next page"))
        self.label = QLabel(objectName="pageLabel")
        self.canvas = PageCanvas()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        bar = QHBoxLayout()
        bar.addWidget(self.prev)
        bar.addWidget(self.next)
        bar.addWidget(self.label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.scroll = scroll
        self.prev.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))

    def show_source(self, source_id: int) -> None:
        self.source_id, self.pages, self.current, self._shown = source_id, [], None, None
        self.canvas.set_page(QImage(), QSize())
        self.handle.read(lambda s: source_pages(s, source_id), self._pages_loaded,
                         label="Reading the pages")

    def _pages_loaded(self, pages: list[PageData]) -> None:
        self.pages = pages
        self._go(page_at(pages, self.span[0]) if self.span else (pages[0] if pages else None))

    def show_span(self, start: int, end: int) -> None:
        """Box the words of [start, end) on their page (turning to it)."""
        self.span = (start, end)
        page = page_at(self.pages, start)
        if page is not None and page is not self.current:
            self._go(page)
        else:
            self._box()

    def step(self, delta: int) -> None:
        if self.current is None:
            return
        index = self.pages.index(self.current) + delta
        if 0 <= index < len(self.pages):
            self._go(self.pages[index])

    def _go(self, page: PageData | None) -> None:
        self.current = page
        self.prev.setEnabled(bool(page) and self.pages.index(page) > 0)
        self.next.setEnabled(bool(page) and self.pages.index(page) < len(self.pages) - 1)
        if page is None:
            self.label.setText(self.tr("No page image"))
            return
        parts = [self.tr("Page {} of {}").format(page.number, len(self.pages))]
        if page.route == "ocr" and page.confidence is not None:
            parts.append(self.tr("read by OCR, confidence {} %").format(round(page.confidence)))
        elif page.route == "text":
            parts.append(self.tr("text layer"))
        if page.note and page.route != "ocr":
            parts.append(page.note)
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(page.note)
        key = (self.source_id, page.number)
        if self._shown != key:
            source_id, number = key
            self.handle.read(lambda s: page_image(s, source_id, number), self._image_loaded,
                             label="Rendering the page",
                             on_failure=lambda exc: self.label.setText(str(exc)))
            self._pending = key
        self._box()

    def _image_loaded(self, png: bytes) -> None:
        page = self.current
        if page is None or getattr(self, "_pending", None) != (self.source_id, page.number):
            return
        image = QImage.fromData(png, "PNG")
        size = QSize(page.image_width or image.width(), page.image_height or image.height())
        self._shown = self._pending
        self.canvas.set_page(image, size)
        self._box()

    def _box(self) -> None:
        page = self.current
        boxes = page.boxes(*self.span) if page is not None and self.span else []
        self.canvas.set_boxes(boxes)
        if boxes:
            rects = self.canvas.box_rects()
            if rects:
                self.scroll.ensureVisible(int(rects[0].center().x()), int(rects[0].center().y()),
                                          50, 120)
