"""Which reader a file needs, decided by its content; the name only breaks ties.

Binary formats are known by their magic bytes. Text formats are told apart by
their opening: an HTML tag, RFC 822 headers (e-mail, or MHTML when the message
is a saved page), a JSON object (a Telegram export), ANT's <DOC> tag. A file
named .pdf or .docx that is not one gets an error saying so rather than being
read as text.
"""

from __future__ import annotations

import re

from casefile.importing.readers.archive import Container
from casefile.importing.readers.base import ReadError, describe_start

# Binary formats analysts may drop by mistake, named in the error message.
_UNSUPPORTED_MAGIC = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls/.msg); save it as DOCX or PDF"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF media file (WAV/AVI)"),
    (b"{\\rtf", "an RTF document; save it as DOCX"),
    (b"Rar!\x1a\x07", "a RAR archive; unpack it and import the files"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive; unpack it and import the files"),
    (b"\x1f\x8b", "a gzip archive; unpack it and import the files"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"%!PS", "a PostScript file; print it to PDF"),
    (b"SQLite format 3\x00", "a database file"),
    (b"OggS", "an audio/video file"),
    (b"\x1aE\xdf\xa3", "a video file"),
]  # fmt: skip
# Images read by OCR (readers.image).
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_EXTENSIONS = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".odt": "odt",
    ".eml": "eml",
    ".mht": "mhtml",
    ".mhtml": "mhtml",
}
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{1,40}:[ \t]?\S", re.M)
_MAIL_HEADERS = (
    b"from:", b"to:", b"subject:", b"date:", b"message-id:", b"received:",
    b"mime-version:", b"return-path:", b"delivered-to:", b"content-type:",
)  # fmt: skip
_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b",
    re.I | re.S,
)


def _extension(filename: str) -> str:
    dot = filename.rfind(".")
    return filename[dot:].lower() if dot > 0 else ""


def _strip_bom(data: bytes) -> bytes:
    return data[3:] if data.startswith(b"\xef\xbb\xbf") else data


def _zip_kind(data: bytes, extension: str) -> str:
    expected = {".docx": "DOCX", ".odt": "ODT"}.get(extension, "ZIP archive")
    archive = Container(data, expected)
    names = archive.names
    # Read in a stream and only its first bytes: the headers may lie about its size.
    mimetype = archive.read("mimetype", at_most=100) if "mimetype" in names else b""
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"
    if "[Content_Types].xml" in names and any(n.startswith(("xl/", "ppt/")) for n in names):
        raise ReadError("unsupported file type: a spreadsheet or presentation (XLSX/PPTX)")
    if mimetype.startswith(b"application/vnd.oasis.opendocument"):
        raise ReadError(f"unsupported file type: {mimetype.decode('ascii', 'replace')}")
    raise ReadError("unsupported file type: a ZIP archive; unpack it and import the files")


def _mail_kind(head: bytes, extension: str) -> str | None:
    """Mail kind ("eml" or "mhtml") if ``head`` opens with RFC 822 headers."""
    block = head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0]
    if block.startswith(b"From "):  # the separator line of an mbox export
        block = block.split(b"\n", 1)[1] if b"\n" in block else b""
    lines = [line for line in block.split(b"\n") if line and not line[:1].isspace()]
    if not lines or not all(_HEADER_LINE.match(line) for line in lines[:5]):
        return None
    lower = b"\n" + block.lower()
    if sum(name in lower for name in _MAIL_HEADERS) < 2:
        return None
    if b"snapshot-content-location:" in lower or extension in (".mht", ".mhtml"):
        return "mhtml"
    saved_page = b"multipart/related" in lower and b"text/html" in lower.replace(b'"', b"")
    # A sent message has recipients or a relay trail; a saved page has neither.
    sent = any(name in lower for name in (b"\nto:", b"received:", b"message-id:", b"\ncc:"))
    return "mhtml" if saved_page and not sent and extension != ".eml" else "eml"


def detect(data: bytes, filename: str) -> str:
    """The reader for ``data``: "pdf", "docx", "odt", "eml", "mhtml", "html",
    "json", "image" or "text". Raises ReadError for empty and unsupported files."""
    if not data:
        raise ReadError("the file is empty")
    extension = _extension(filename)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or (
        data.startswith(b"PK") and extension in (".docx", ".odt")
    ):
        return _zip_kind(data, extension)
    if data.startswith(_IMAGE_MAGIC) or (data.startswith(b"RIFF") and data[8:12] == b"WEBP"):
        return "image"
    for magic, what in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise ReadError(f"unsupported file type: {what}")
    expected = _EXTENSIONS.get(extension)
    if expected in ("pdf", "docx", "odt"):
        raise ReadError(f"not a {expected.upper()}: the file starts with {describe_start(data)}")

    head = _strip_bom(data[:8192])
    mail = _mail_kind(head, extension)
    if mail:
        return mail
    if _HTML_START.match(head) or (
        extension in (".html", ".htm", ".xhtml") and head.lstrip()[:1] == b"<"
    ):
        return "html"
    if head.lstrip()[:1] in (b"{", b"[") and extension in (".json", ""):
        return "json"
    if head.lstrip()[:1] == b"{" and b'"messages"' in data:
        return "json"
    return "text"
