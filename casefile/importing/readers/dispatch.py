"""``read_bytes``: the reader for a file picked by its content (see ``detect``)."""

from __future__ import annotations

import json

from casefile.importing.readers.ant import looks_like_ant, read_ant
from casefile.importing.readers.base import ReadError, ReadResult
from casefile.importing.readers.detect import detect
from casefile.importing.readers.docx import read_docx
from casefile.importing.readers.eml import read_eml
from casefile.importing.readers.html import read_html
from casefile.importing.readers.image import read_image
from casefile.importing.readers.mhtml import read_mhtml
from casefile.importing.readers.ocr_options import OcrOptions
from casefile.importing.readers.odt import read_odt
from casefile.importing.readers.pdf import read_pdf
from casefile.importing.readers.telegram import looks_like_export, read_telegram
from casefile.importing.readers.text import decode_text, note_replaced, read_text


def _read_json(data: bytes, filename: str) -> ReadResult:
    try:
        value = json.loads(decode_text(data).text)
    except ValueError as error:
        raise ReadError(f"the JSON is damaged: {error}") from None
    if not looks_like_export(value):
        raise ReadError(
            'unsupported file type: JSON that is not a Telegram Desktop export (no "messages" list)'
        )
    return read_telegram(value)


def _read_plain(data: bytes, filename: str) -> ReadResult:
    decoded = decode_text(data)
    if looks_like_ant(decoded.text[:200]):
        return note_replaced(read_ant(decoded.text, decoded.encoding), decoded)
    return read_text(decoded, filename)


_READERS = {
    "docx": read_docx,
    "odt": read_odt,
    "eml": read_eml,
    "mhtml": read_mhtml,
    "html": read_html,
    "json": _read_json,
    "text": _read_plain,
}
# Readers that OCR pages take the import's OCR options.
_OCR_READERS = {"pdf": read_pdf, "image": read_image}


def read_bytes(data: bytes, filename: str, ocr: OcrOptions | None = None) -> ReadResult:
    """Read one file's bytes; ``filename`` is only a hint (its extension); ``ocr``
    says how scans and images are read (default: ara+eng)."""
    kind = detect(data, filename)
    try:
        if kind in _OCR_READERS:
            return _OCR_READERS[kind](data, filename, ocr)
        return _READERS[kind](data, filename)
    except ReadError:
        raise
    except RecursionError:
        raise ReadError(f"the {kind.upper()} is nested too deeply to read") from None
