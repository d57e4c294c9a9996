"""Page images: a PDF page rendered by PDFium, or a frame of an image file.

OCR reads these at import, and the viewer shows the same page beside the text,
so both come from here. PDFium must not be entered by two threads at once (an
import and the viewer may render together): one lock guards it.
"""

from __future__ import annotations

import io
import threading
import warnings

import pypdfium2 as pdfium
from PIL import Image, ImageOps, UnidentifiedImageError

OCR_DPI = 300
# Pixels one page may have, at import and in the viewer: a 300 dpi A3 scan is 35 MP,
# a 48 MP phone photo fits; beyond that a page is refused rather than exhaust memory.
MAX_PIXELS = 50_000_000

_pdfium_lock = threading.Lock()


class PageImageError(Exception):
    """A page cannot be rendered; the message is one sentence for the analyst."""


def pdf_page_count(data: bytes) -> int:
    with _pdfium_lock:
        document = _open_pdf(data)
        try:
            return len(document)
        finally:
            document.close()


def _open_pdf(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if "password" in str(error).lower():
            raise PageImageError("PDF is protected by a password") from None
        raise PageImageError(f"PDF cannot be rendered: {error}") from None


def render_pdf_page(data: bytes, number: int, dpi: int = OCR_DPI) -> tuple[Image.Image, int]:
    """Page ``number`` (1-based) in grey at ``dpi`` (lowered for a huge page); returns
    the image and the dpi used."""
    with _pdfium_lock:
        document = _open_pdf(data)
        try:
            if not 1 <= number <= len(document):
                raise PageImageError(f"the PDF has no page {number}")
            page = document[number - 1]
            width, height = page.get_size()  # points
            pixels = width * height * (dpi / 72) ** 2
            if pixels > MAX_PIXELS:
                dpi = int(dpi * (MAX_PIXELS / pixels) ** 0.5)
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            image = bitmap.to_pil().convert("L")
            page.close()
            return image, dpi
        finally:
            document.close()


def open_image(data: bytes) -> Image.Image:
    """An image file opened lazily (header only); raises PageImageError when damaged."""
    try:
        with warnings.catch_warnings():
            # Size is checked against MAX_PIXELS before any frame is decoded.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            return Image.open(io.BytesIO(data))
    except UnidentifiedImageError:
        raise PageImageError("the image is damaged: its data cannot be decoded") from None
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
        raise PageImageError(f"the image is damaged: {error}") from None


def image_frame(image: Image.Image, index: int) -> Image.Image:
    """Frame ``index`` (a page of a multi-page TIFF), upright by its EXIF orientation."""
    if image.width * image.height > MAX_PIXELS:
        raise PageImageError(
            f"the image is too large to read ({image.width} × {image.height} pixels; "
            f"the limit is {MAX_PIXELS // 1_000_000} megapixels)"
        )
    try:
        image.seek(index)
        frame = ImageOps.exif_transpose(image) if index == 0 else image.copy()
        frame.load()
        return frame.convert("L")
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as error:
        raise PageImageError(f"the image is damaged: {error or type(error).__name__}") from None


def frame_count(image: Image.Image) -> int:
    return max(1, int(getattr(image, "n_frames", 1)))


def page_png(image: Image.Image, max_width: int) -> bytes:
    """A page image for the viewer, at most ``max_width`` wide, as PNG bytes."""
    if image.width > max_width:
        height = round(image.height * max_width / image.width)
        image = image.resize((max_width, height), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)
    return out.getvalue()
