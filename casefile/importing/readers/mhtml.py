"""MHTML (a web page saved as one file): the HTML part through the HTML reader.

The archive's other parts (images, style sheets) are never used, so nothing a
saved page refers to is loaded.
"""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from casefile.importing.readers.base import ReadError, ReadResult
from casefile.importing.readers.html import html_result
from casefile.importing.readers.text import decode_text


def part_text(part: EmailMessage) -> str:
    """Decoded text of a MIME part; an unknown or wrong charset falls back to
    detection instead of failing."""
    try:
        content = part.get_content()
        if isinstance(content, str):
            return content
    except (LookupError, UnicodeDecodeError, AssertionError, ValueError):
        pass
    payload = part.get_payload(decode=True) or b""
    return decode_text(payload).text if payload else ""


def read_mhtml(data: bytes, filename: str) -> ReadResult:
    message = BytesParser(policy=policy.default).parsebytes(data)
    html_part = next((p for p in message.walk() if p.get_content_type() == "text/html"), None)
    if html_part is None:
        raise ReadError("MHTML has no HTML page inside")
    location = html_part.get("Content-Location") or message.get("Snapshot-Content-Location")
    saved = message.get("Date")
    result = html_result(
        part_text(html_part),
        url=str(location) if location else None,
        metadata={"saved_at": str(saved)} if saved else {},
    )
    if not result.title and message.get("Subject"):
        result.title = str(message["Subject"])
    result.media_type = "multipart/related"
    return result
