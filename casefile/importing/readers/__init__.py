"""Readers: bytes of one file in, text and metadata out (no database).

``read_bytes`` picks the reader by content (see ``dispatch`` and ``detect``)
and raises ``ReadError`` with one clear sentence when a file cannot be read.
A reader is a function ``(data: bytes, filename: str) -> ReadResult``; the PDF
and image readers also take the import's ``OcrOptions``.

The parsers (lxml, selectolax, pdfminer...) are imported on first use: the
import pipeline runs them in a worker process (``reader_process``) and needs
only the result types itself.
"""

from __future__ import annotations

from casefile.importing.readers.base import Child, ReadCancelled, ReadError, ReadResult
from casefile.importing.readers.ocr_options import OcrOptions

__all__ = ["Child", "OcrOptions", "ReadCancelled", "ReadError", "ReadResult", "read_bytes"]


def read_bytes(data: bytes, filename: str, ocr: OcrOptions | None = None) -> ReadResult:
    """Read one file's bytes; ``filename`` is only a hint (its extension); ``ocr``
    says how scans and images are read (default: ara+eng)."""
    from casefile.importing.readers.dispatch import read_bytes as read

    return read(data, filename, ocr)
