"""E-mail (.eml): headers as metadata, the body as text, attachments as children.

The plain-text body is preferred; an HTML-only message goes through the HTML
reader. Attachments are handed back as raw bytes for the pipeline to read and
store as their own sources, linked to the message.
"""

from __future__ import annotations

import email.utils
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from casefile.importing.readers.base import Child, ReadResult, finish
from casefile.importing.readers.dates import published_from_text
from casefile.importing.readers.html import html_result
from casefile.importing.readers.mhtml import part_text

_HEADERS = ("From", "To", "Cc", "Date", "Subject", "Message-ID", "In-Reply-To")


def _attachments(message: EmailMessage) -> list[Child]:
    children = []
    for index, part in enumerate(message.iter_attachments(), start=1):
        name = part.get_filename() or f"attachment-{index}"
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            data = inner.as_bytes() if hasattr(inner, "as_bytes") else b""
            name = part.get_filename() or f"attachment-{index}.eml"
        else:
            data = part.get_payload(decode=True) or b""
        children.append(Child(name=name, data=data))
    return children


def _header(message: EmailMessage, name: str) -> str | None:
    try:
        value = message.get(name)
        return str(value) if value is not None else None
    except (ValueError, IndexError, TypeError):
        # A malformed header must not lose the message: keep its raw text.
        for key, raw in message.raw_items():
            if key.lower() == name.lower():
                return " ".join(str(raw).split())
        return None


def read_eml(data: bytes, filename: str) -> ReadResult:
    message = BytesParser(policy=policy.default).parsebytes(data)
    headers = {name: v for name in _HEADERS if (v := _header(message, name)) is not None}
    published = None
    if "Date" in headers:
        try:
            published = email.utils.parsedate_to_datetime(headers["Date"]).date()
        except (TypeError, ValueError):
            published = None

    body = message.get_body(preferencelist=("plain", "html"))
    if body is not None and body.get_content_type() == "text/html":
        text = html_result(part_text(body)).text
    elif body is not None:
        text = part_text(body)
    else:
        text = ""
    text = text.replace("\r\n", "\n")
    return finish(
        ReadResult(
            text=text,
            media_type="message/rfc822",
            title=headers.get("Subject"),
            author=headers.get("From"),
            published=published or published_from_text(text),
            metadata={"headers": headers},
            children=_attachments(message),
        )
    )
