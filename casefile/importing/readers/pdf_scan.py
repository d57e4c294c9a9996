"""Which pages of a PDF are read by OCR, and reading them.

A page takes its text layer when it has a usable one. It is rendered (PDFium,
300 dpi, grey) and read by OCR when its layer has (almost) no letters, or is
garbled: mostly replacement boxes, private-use or unmapped (cid) glyphs, or
Arabic presentation forms whose shapes contradict their order (a word that
starts with a final form was stored in an order the reader could not undo).
OCR text replaces a layer only when OCR found text; otherwise the layer is kept
and the page says why.
"""

from __future__ import annotations

import re
import unicodedata

from casefile.importing.readers.ocr import OcrOptions, OcrUnavailable, check_available
from casefile.importing.readers.ocr_pages import (
    PageRecord,
    assemble,
    ocr_pages,
    ocr_record,
    ocr_summary,
)
from casefile.importing.readers.page_images import OCR_DPI, PageImageError, render_pdf_page

MIN_LAYER_LETTERS = 20  # fewer on a page: a scan with a stamp or page number, not text
MAX_BAD_GLYPHS = 0.2  # share of characters that are boxes or unmapped glyphs
MIN_SHAPE_AGREEMENT = 0.6  # share of Arabic letter shapes that fit their neighbours
MIN_SHAPE_CHECKS = 20

_CID = re.compile(r"\(cid:\d+\)")
_JOINS_NEXT = {"initial", "medial"}  # this shape connects to the letter after it


def _shape(ch: str) -> str | None:
    """"initial", "medial", "final" or "isolated" for an Arabic presentation form."""
    code = ord(ch)
    if not (0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF):
        return None
    tag = unicodedata.decomposition(ch).split(" ", 1)[0]
    return tag.strip("<>") if tag.startswith("<") else None


def _shape_agreement(text: str) -> tuple[int, int]:
    """(checks that fit, checks) over words written in presentation forms."""
    good = total = 0
    for word in re.findall(r"[\uFB50-\uFDFF\uFE70-\uFEFF]+", text):
        shapes = [s for s in map(_shape, word) if s]
        if len(shapes) < 2:
            continue
        total += 2
        good += shapes[0] in ("initial", "isolated")
        good += shapes[-1] in ("final", "isolated")
        for a, b in zip(shapes, shapes[1:], strict=False):
            total += 1
            good += (a in _JOINS_NEXT) == (b in ("medial", "final"))
    return good, total


def garbled_reason(boxes: list[list[str]]) -> str | None:
    """Why a page's text layer cannot be used, or None when it can."""
    text = "\n".join(line for lines in boxes for line in lines)
    cids = len(_CID.findall(text))
    text = _CID.sub("\ufffd", text)
    chars = [ch for ch in text if not ch.isspace()]
    if not chars:
        return None
    bad = sum(ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF or unicodedata.category(ch) == "Cc"
              for ch in chars)  # fmt: skip
    if bad / len(chars) > MAX_BAD_GLYPHS:
        what = "unmapped glyphs" if cids > bad / 2 else "boxes of replacement characters"
        return f"the text layer is garbled ({what})"
    good, total = _shape_agreement(text)
    if total >= MIN_SHAPE_CHECKS and good / total < MIN_SHAPE_AGREEMENT:
        return "the text layer is garbled (Arabic letters stored out of order)"
    return None


def _needs_ocr(boxes: list[list[str]], text: str) -> str | None:
    # Garbled first: a layer of replacement boxes has no letters either, and says more.
    garbled = garbled_reason(boxes)
    if garbled or sum(ch.isalpha() for ch in text) >= MIN_LAYER_LETTERS:
        return garbled
    return "no text layer" if not text.strip() else "almost no text layer"


def route_pages(
    data: bytes, boxes: list[list[list[str]]], texts: list[str], ocr: OcrOptions
) -> tuple[str, list[PageRecord], str, dict | None]:
    """(text, page records, status, OCR summary or None) for a PDF's pages."""
    records = [PageRecord(n, "text" if t else "none", t) for n, t in enumerate(texts, 1)]
    reasons = {n: r for n, (b, t) in enumerate(zip(boxes, texts, strict=True), 1)
               if (r := _needs_ocr(b, t))}  # fmt: skip
    if not reasons:
        text = assemble(records)
        return text, records, "ok" if text else "no_text_layer", None
    unavailable = None
    if not ocr.enabled:
        unavailable = "OCR is turned off for this import"
    else:
        try:
            check_available(ocr)
        except OcrUnavailable as error:
            unavailable = str(error)
    if unavailable:
        for n, reason in reasons.items():
            records[n - 1].note = f"{reason}; not read by OCR: {unavailable}"
        text = assemble(records)
        status = "ok" if text else ("no_text_layer" if not ocr.enabled else "ocr_unavailable")
        summary = {"languages": ocr.languages, "pages": [], "reason": unavailable}
        return text, records, status, summary

    def load(number: int):
        try:
            return render_pdf_page(data, number, OCR_DPI)
        except PageImageError as error:
            return str(error), None

    loaders = ((n, lambda n=n: load(n)) for n in reasons)
    for number, page in ocr_pages(loaders, len(reasons), ocr):
        read = ocr_record(number, page, OCR_DPI)
        layer = records[number - 1]
        if read.route == "ocr":
            read.note = f"read by OCR: {reasons[number]}"
            records[number - 1] = read
        else:
            layer.note = f"{reasons[number]}; {page.note or 'OCR found no text'}"
            layer.image_width, layer.image_height = read.image_width, read.image_height
            layer.dpi = OCR_DPI if read.image_width else None
    text = assemble(records)
    summary = ocr_summary(records, ocr.languages)
    if not text:
        summary["reason"] = "; ".join(sorted({r.note for r in records if r.note}))
    return text, records, "ok" if text else "no_text", summary
