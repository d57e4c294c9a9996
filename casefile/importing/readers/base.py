"""The result every reader returns, and the one error they raise."""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field

# Limits shared by readers that unpack containers (DOCX, ODT): generous for real
# documents, small enough that a zip bomb is refused before it is expanded.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 10_000


# Control characters no report needs; PostgreSQL cannot even store NUL in text.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(text: str) -> str:
    """NFC, Unix line ends, and no stray control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROLS.sub("", text))


class ReadError(Exception):
    """A file could not be read; the message is one sentence for the analyst."""


class ReadCancelled(ReadError):
    """The analyst cancelled the import while the file was being read (its OCR pages)."""


# The source's status when a few bytes were not valid in the text's encoding and
# were replaced with U+FFFD: the text is right, but not byte-for-byte decodable.
BYTES_REPLACED = "invalid_bytes_replaced"


@dataclass
class ReadResult:
    text: str
    media_type: str
    status: str = "ok"  # "ok" | "no_text_layer" | "empty_text" | BYTES_REPLACED
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    published: datetime.date | None = None
    author: str | None = None
    metadata: dict = field(default_factory=dict)
    children: list[Child] = field(default_factory=list)
    # What the reader left out or repaired, one sentence each, for the import report.
    warnings: list[str] = field(default_factory=list)
    # How each page was read (readers.ocr_pages.PageRecord), for readers that know pages.
    pages: list = field(default_factory=list)


@dataclass
class Child:
    name: str
    data: bytes
    result: ReadResult | None = None


def finish(result: ReadResult) -> ReadResult:
    """Common last step: clean text, tidy metadata, status for empty text."""
    result.text = clean_text(result.text).strip()
    for name in ("title", "publisher", "url", "author"):
        value = getattr(result, name)
        if value is not None:
            value = " ".join(clean_text(value).split())
            setattr(result, name, value or None)
    if not result.text and result.status == "ok" and not result.children:
        result.status = "empty_text"
    return result


def describe_start(data: bytes) -> str:
    """A short human description of what a file starts with, for error messages."""
    head = data[:64]
    if not head:
        return "nothing (the file is empty)"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A letter cut in two at the end of the sample is still text.
        text = head[: error.start].decode("utf-8") if error.start >= len(head) - 3 else ""
    if not text or not all(ch.isprintable() or ch in "\t\r\n" for ch in text):
        return "random bytes"
    if text.lstrip().startswith("<"):
        return "an HTML or XML page (a download that failed?)"
    return "text: " + repr(" ".join(text.split())[:30])
