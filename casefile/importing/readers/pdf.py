"""PDF with a text layer: the text in logical order, Arabic included.

pdfminer gives every glyph with its position. The glyphs of each page are
regrouped here because PDF writers store right-to-left text in one of two ways:

* visual order (LibreOffice, browsers, most writers): glyphs left to right as
  they sit on the page. Lines are rebuilt from positions and turned back into
  logical order by ``bidi.visual_to_logical``.
* logical order: glyphs in reading order; pdfminer's own lines are kept.

Which one a page uses is read from the page itself: in visual order consecutive
Arabic glyphs move right, in logical order they move left. On pages that are
mostly right-to-left the x axis is mirrored before layout analysis, so
pdfminer orders columns and table cells from the right.

Then presentation forms are folded to letters (NFKC on those blocks only) and
bidi controls removed. A page without a usable text layer is read by OCR
(``pdf_scan``); a PDF with no text at all is not an error: the source is kept
with a status saying why.
"""

from __future__ import annotations

import datetime
import io
import re
import unicodedata

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTChar, LTComponent, LTFigure, LTPage, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.utils import decode_text

from casefile.importing.readers.base import ReadError, ReadResult, describe_start, finish
from casefile.importing.readers.bidi import group_clusters, visual_to_logical
from casefile.importing.readers.dates import published_from_text
from casefile.importing.readers.ocr import OcrOptions
from casefile.importing.readers.pdf_scan import route_pages

MEDIA_TYPE = "application/pdf"
_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_CID = re.compile(r"\(cid:\d+\)")
_PDF_DATE = re.compile(r"D?:?(\d{4})(\d{2})?(\d{2})?")
# Presentation-form marks decompose under NFKC to a space plus the mark; the
# space would split the word, so these map straight to the mark.
_MARK_FORMS = {
    0xFE70: "\u064b", 0xFE72: "\u064c", 0xFE74: "\u064d", 0xFE76: "\u064e",
    0xFE78: "\u064f", 0xFE7A: "\u0650", 0xFE7C: "\u0651", 0xFE7E: "\u0652",
    0xFC5E: "\u064c\u0651", 0xFC5F: "\u064d\u0651", 0xFC60: "\u064e\u0651",
    0xFC61: "\u064f\u0651", 0xFC62: "\u0650\u0651", 0xFC63: "\u0670",
}  # fmt: skip
_LAPARAMS = LAParams()


def _is_rtl_letter(text: str) -> bool:
    return bool(text) and unicodedata.bidirectional(text[0]) in ("R", "AL")


def _is_presentation_form(text: str) -> bool:
    return any(0xFB50 <= ord(ch) <= 0xFDFF or 0xFE70 <= ord(ch) <= 0xFEFF for ch in text)


def _is_mark(text: str) -> bool:
    return bool(text) and all(unicodedata.category(ch) == "Mn" for ch in text)


def fold_presentation_forms(text: str) -> str:
    """NFKC on Arabic and Latin presentation forms only; bidi controls removed."""
    out = []
    for ch in text:
        code = ord(ch)
        if code in _MARK_FORMS:
            out.append(_MARK_FORMS[code])
        elif 0xFB00 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF:
            out.append(unicodedata.normalize("NFKC", ch))
        elif ch == "\u00a0":
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out).translate(_BIDI_CONTROLS)


def _chars(container) -> list[LTChar]:
    out: list[LTChar] = []
    stack = [iter(container)]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
        elif isinstance(item, LTChar):
            out.append(item)
        elif isinstance(item, LTFigure):
            stack.append(iter(item))
    return out


def _same_line(a: LTComponent, b: LTComponent) -> bool:
    return a.is_voverlap(b) and a.voverlap(b) > 0.5 * min(a.height, b.height)


def _stores_visual(chars: list[LTChar]) -> bool | None:
    """True if Arabic glyphs run left to right in the stream, None if no evidence."""
    rightward = leftward = 0
    for a, b in zip(chars, chars[1:], strict=False):
        if _is_rtl_letter(a.get_text()) and _is_rtl_letter(b.get_text()) and _same_line(a, b):
            if b.x0 > a.x0:
                rightward += 1
            elif b.x0 < a.x0:
                leftward += 1
    if rightward == leftward:
        return None
    return rightward > leftward


def _attach_marks(chars: list[LTChar]) -> None:
    """Give each combining mark its base letter's box, just after it, so that
    sorting by position keeps the mark after its letter."""
    for i, char in enumerate(chars):
        if not _is_mark(char.get_text()):
            continue
        neighbours = [c for c in (chars[i - 1] if i else None, chars[i + 1] if i + 1 < len(chars) else None)
                      if c is not None and not _is_mark(c.get_text())]  # fmt: skip
        if not neighbours:
            continue
        base = max(
            neighbours,
            key=lambda c: c.hoverlap(char) if c.is_hoverlap(char) else -c.hdistance(char),
        )
        char.set_bbox((base.x0 + 1e-3, base.y0, base.x1, base.y1))


def _visual_lines(chars: list[LTChar]) -> list[LTChar]:
    """Chars sorted into lines (top to bottom) and left to right within each."""
    ordered = sorted(chars, key=lambda c: -c.y1)
    lines: list[list[LTChar]] = []
    band: tuple[float, float] | None = None
    for char in ordered:
        if band is not None:
            overlap = min(band[1], char.y1) - max(band[0], char.y0)
            if overlap > 0.5 * min(band[1] - band[0], char.height):
                lines[-1].append(char)
                band = (min(band[0], char.y0), max(band[1], char.y1))
                continue
        lines.append([char])
        band = (char.y0, char.y1)
    return [c for line in lines for c in sorted(line, key=lambda c: c.x0)]


def _mirror(chars: list[LTChar], width: float) -> None:
    for char in chars:
        char.set_bbox((width - char.x1, char.y0, width - char.x0, char.y1))


def page_boxes(page: LTPage) -> list[list[str]]:
    """The lines of each text box in logical order, presentation forms not yet folded."""
    chars = _chars(page)
    if not chars:
        return []
    rtl = sum(_is_rtl_letter(c.get_text()) for c in chars)
    visual = bool(_stores_visual(chars)) if rtl else False
    mirrored = rtl > len(chars) / 3
    # Glyphs mapped to presentation forms were mapped by shape, brackets too.
    shapes = any(_is_presentation_form(c.get_text()) for c in chars)
    if visual:
        _attach_marks(chars)
        chars = _visual_lines(chars)
    if mirrored:
        _mirror(chars, page.x1)
        if visual:
            chars.reverse()  # keep left-to-right within lines, now right-to-left
            chars = _visual_lines(chars)
    layout = LTPage(page.pageid, page.bbox)
    for char in chars:
        layout.add(char)
    layout.analyze(_LAPARAMS)
    boxes = []
    for box in layout:
        if not isinstance(box, LTTextBox):
            continue
        lines = []
        for line in box:
            if not isinstance(line, LTTextLine):
                continue
            units = [item.get_text() for item in line if item.get_text() != "\n"]
            if visual:
                if mirrored:
                    units.reverse()  # back to left-to-right visual order
                units = [visual_to_logical(group_clusters(units), mirror=shapes)]
            lines.append("".join(units))
        boxes.append(lines)
    return boxes


def boxes_text(boxes: list[list[str]]) -> str:
    out = []
    for lines in boxes:
        folded = [fold_presentation_forms(_CID.sub("", line)) for line in lines]
        text = " ".join(" ".join(line.split()) for line in folded if line.strip())
        if text:
            out.append(text)
    return "\n".join(out)


def page_text(page: LTPage) -> str:
    return boxes_text(page_boxes(page))


def _info_text(info: dict, key: str) -> str | None:
    value = resolve1(info.get(key))
    if isinstance(value, bytes):
        value = decode_text(value)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _info_date(info: dict) -> datetime.date | None:
    raw = _info_text(info, "CreationDate")
    match = _PDF_DATE.match(raw or "")
    if not match or not match.group(3):
        return None
    try:
        return datetime.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def read_pdf(data: bytes, filename: str, ocr: OcrOptions | None = None) -> ReadResult:
    if b"%PDF-" not in data[:1024]:
        raise ReadError(f"not a PDF: the file starts with {describe_start(data)}")
    if b"%%EOF" not in data[-1024:]:
        raise ReadError("PDF is truncated: it does not end with %%EOF (the copy was cut short)")
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        info = document.info[0] if document.info else {}
        manager = PDFResourceManager(caching=True)
        aggregator = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, aggregator)
        pages = []
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            pages.append(page_boxes(aggregator.get_result()))
    except PDFPasswordIncorrect:
        raise ReadError("PDF is protected by a password") from None
    except ReadError:
        raise
    except Exception as error:  # noqa: BLE001 - pdfminer raises many types on damaged files
        raise ReadError(f"PDF is damaged: {error or type(error).__name__}") from None
    if not pages:
        raise ReadError("PDF is damaged: it has no pages")
    # Each page by its own route: its text layer, or OCR when it has none or a garbled one.
    text, records, status, ocr_meta = route_pages(data, pages, [boxes_text(b) for b in pages],
                                                  ocr or OcrOptions())
    created = _info_date(info)
    result = ReadResult(
        text=text,
        media_type=MEDIA_TYPE,
        status=status,
        pages=records,
        title=_info_text(info, "Title"),
        author=_info_text(info, "Author"),
        published=created or published_from_text(text),
        metadata={"pages": len(pages)}
        | ({"created": created.isoformat()} if created else {})
        | ({"ocr": ocr_meta} if ocr_meta else {}),
    )
    return finish(result)
