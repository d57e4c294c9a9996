"""Printed pages made from real Arabic text, and the ways scans and photos spoil them.

Qt lays the text out as a word processor prints it (HarfBuzz shaping, the
Unicode bidi algorithm, font fallback) in the bundled Noto fonts: an Arabic
face, with Noto Sans for the Latin letters and punctuation the Arabic faces
lack. A4, 12 pt, one-inch margins, right-aligned paragraphs. The OCR benchmark
and the OCR tests both use these pages; the text actually set on a page (lines
cut at the page foot are left out) is returned as its gold text.
"""

from __future__ import annotations

import io
import os
import random
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

ROOT = Path(__file__).resolve().parents[1]
FONT_DIR = ROOT / "resources" / "fonts"
FONTS = {"naskh": "Noto Naskh Arabic", "sans": "Noto Sans Arabic"}
A4_INCHES = (8.27, 11.69)


def _qt():
    """A Qt application for text layout (offscreen when there is no display)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["page_render"])
    if not getattr(_qt, "fonts", False):
        for path in sorted(FONT_DIR.glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(path))
        _qt.fonts = True
    return app


def render_page(paragraphs: list[str], *, dpi: int = 300, font: str = "naskh",
                points: float = 12, max_lines: int | None = None) -> tuple[Image.Image, str]:
    """One A4 page in grey; returns the image and the text set on it."""
    _qt()
    from PySide6.QtCore import QBuffer, QRectF, Qt
    from PySide6.QtGui import (
        QFont,
        QImage,
        QPainter,
        QTextBlockFormat,
        QTextCursor,
        QTextDocument,
        QTextOption,
    )

    width, height = (round(side * dpi) for side in A4_INCHES)
    margin = dpi
    face = QFont()
    face.setFamilies([FONTS[font], "Noto Sans"])
    face.setPixelSize(round(points / 72 * dpi))
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.setDefaultFont(face)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    doc.setDefaultTextOption(option)
    doc.setTextWidth(width - 2 * margin)
    cursor = QTextCursor(doc)
    block = QTextBlockFormat()
    block.setLineHeight(170, 1)  # 1 = QTextBlockFormat.ProportionalHeight
    block.setBottomMargin(points / 72 * dpi * 0.8)
    block.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    texts = [" ".join(p.split()) for p in paragraphs if p.strip()]
    for i, text in enumerate(texts):
        if i:
            cursor.insertBlock()
        cursor.setBlockFormat(block)
        cursor.insertText(text)
    doc.size()  # lays the document out
    bottom, kept, lines_done = 0.0, [], 0
    limit = max_lines or 10_000
    b = doc.begin()
    while b.isValid():
        layout, top = b.layout(), doc.documentLayout().blockBoundingRect(b).top()
        pieces = []
        for n in range(layout.lineCount()):
            line = layout.lineAt(n)
            end = top + line.y() + line.height()
            if end > height - 2 * margin or lines_done >= limit:
                break
            pieces.append(b.text()[line.textStart(): line.textStart() + line.textLength()])
            bottom, lines_done = end, lines_done + 1
        if pieces:
            kept.append(" ".join(" ".join(pieces).split()))
        if len(pieces) < layout.lineCount():
            break
        b = b.next()
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(255)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.translate(margin, margin)
    doc.drawContents(painter, QRectF(0, 0, width - 2 * margin, bottom + 1))
    painter.end()
    buffer = QBuffer()
    buffer.open(QBuffer.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    page = Image.open(io.BytesIO(bytes(buffer.data()))).convert("L")
    return page, "\n".join(kept)


def skew(image: Image.Image, degrees: float = 2.0) -> Image.Image:
    return image.rotate(degrees, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)


def noise(image: Image.Image, sigma: float = 40.0, seed: int = 7) -> Image.Image:
    """Scanner grain: Gaussian noise, and a sprinkle of dark specks."""
    random.seed(seed)
    grain = Image.effect_noise(image.size, sigma)  # centred on 128
    noisy = ImageChops.add(image, grain, scale=1.0, offset=-128)
    draw = ImageDraw.Draw(noisy)
    for _ in range(image.width * image.height // 4000):
        x, y = random.randrange(image.width), random.randrange(image.height)
        draw.point((x, y), fill=random.randrange(0, 90))
    return noisy


def jpeg(image: Image.Image, quality: int = 25) -> Image.Image:
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality)
    return Image.open(io.BytesIO(out.getvalue())).convert("L")


def phone_photo(image: Image.Image, seed: int = 3) -> Image.Image:
    """A phone photo of a printed page: slightly turned and in perspective, uneven
    light, a little blur, paper not white, saved as a phone's JPEG."""
    random.seed(seed)
    w, h = image.size
    page = image.convert("RGB")
    # Perspective: the top edge a little narrower than the bottom (camera tilted).
    inset = w * 0.03
    coeffs = _perspective((0, 0, w, 0, w, h, 0, h),
                          (inset, h * 0.01, w - inset * 0.6, 0, w, h, 0, h * 0.99))
    page = page.transform((w, h), Image.Transform.PERSPECTIVE, coeffs,
                          Image.Resampling.BICUBIC, fillcolor=(90, 80, 70))
    page = page.rotate(1.2, resample=Image.Resampling.BICUBIC, fillcolor=(90, 80, 70))
    # Light falls off from the top-left corner; paper is warm grey.
    light = Image.linear_gradient("L").resize((w, h)).rotate(35, expand=False, fillcolor=128)
    light = light.point(lambda v: 255 - v // 3)
    shade = Image.merge("RGB", (light, light.point(lambda v: v * 0.97), light.point(lambda v: v * 0.9)))
    page = ImageChops.multiply(page, shade)
    page = page.filter(ImageFilter.GaussianBlur(1.2))
    page = page.resize((round(w * 0.8), round(h * 0.8)), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    page.save(out, format="JPEG", quality=80)
    return Image.open(io.BytesIO(out.getvalue()))


def _perspective(target: tuple, source: tuple) -> list[float]:
    """Coefficients mapping output points ``target`` to input points ``source``."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(zip(target[::2], target[1::2], strict=True),
                              zip(source[::2], source[1::2], strict=True), strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.extend([u, v])
    return _solve(rows, rhs)


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination for the 8×8 system above (no numpy needed)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(n):
            if r != col:
                f = m[r][col] / m[col][col]
                m[r] = [x - f * y for x, y in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]
