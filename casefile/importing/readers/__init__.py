"""Readers: bytes of one file in, text and metadata out (no database).

``read_bytes`` picks the reader by content (see ``dispatch`` and ``detect``)
and raises ``ReadError`` with one clear sentence when a file cannot be read.
A reader is a function ``(data: bytes, filename: str) -> ReadResult``.

The parsers (lxml, selectolax, pdfminer...) are imported on first use: the
import pipeline runs them in a worker process (``reader_process``) and needs
only the result types itself.
"""

from __future__ import annotations

from casefile.importing.readers.base import Child, ReadError, ReadResult

__all__ = ["Child", "ReadError", "ReadResult", "read_bytes"]


def read_bytes(data: bytes, filename: str) -> ReadResult:
    """Read one file's bytes; ``filename`` is only a hint (its extension)."""
    from casefile.importing.readers.dispatch import read_bytes as read

    return read(data, filename)
