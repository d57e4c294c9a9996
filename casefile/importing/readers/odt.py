"""OpenDocument text (ODT): paragraphs and headings in order, with metadata.

Read with zipfile and lxml after the same container checks as DOCX. Spaces
compressed as <text:s text:c="n"/>, tabs and line breaks are restored;
footnote bodies are read as their own lines rather than inside the sentence
that cites them.
"""

from __future__ import annotations

import datetime

from lxml import etree

from casefile.importing.readers.archive import document_result, open_archive
from casefile.importing.readers.base import ReadError, ReadResult
from casefile.importing.readers.dates import parse_date_text

MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
# Inline elements whose content is not part of the sentence around them.
_SKIP_INLINE = {f"{_TEXT}note", f"{_DRAW}frame", f"{_TEXT}tracked-changes", f"{_OFFICE}annotation"}


def _inline_text(element: etree._Element, out: list[str]) -> None:
    if element.text:
        out.append(element.text)
    for child in element:
        tag = child.tag
        if tag == f"{_TEXT}s":
            out.append(" " * int(child.get(f"{_TEXT}c", "1") or 1))
        elif tag == f"{_TEXT}tab":
            out.append("\t")
        elif tag == f"{_TEXT}line-break":
            out.append("\n")
        elif tag not in _SKIP_INLINE and isinstance(tag, str):
            _inline_text(child, out)
        if child.tail:
            out.append(child.tail)


def _parse(data: bytes, part: str) -> etree._Element:
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise ReadError(f"ODT is damaged: its {part} is not valid XML ({error})") from None


def content_text(content_xml: bytes) -> str:
    root = _parse(content_xml, "content.xml")
    body = root.find(f"{_OFFICE}body")
    if body is None:
        return ""
    # Deleted text kept for change tracking is not part of the document.
    for tracked in list(body.iter(f"{_TEXT}tracked-changes")):
        tracked.getparent().remove(tracked)
    lines = []
    for paragraph in body.iter(f"{_TEXT}p", f"{_TEXT}h"):
        out: list[str] = []
        _inline_text(paragraph, out)
        lines.append("".join(out))
    return "\n".join(line for line in lines if line.strip())


def _meta(meta_xml: bytes | None) -> tuple[str | None, str | None, datetime.date | None]:
    if not meta_xml:
        return None, None, None
    root = _parse(meta_xml, "meta.xml")

    def first(tag: str) -> str | None:
        node = root.find(f".//{tag}")
        return node.text.strip() if node is not None and node.text and node.text.strip() else None

    created = first(f"{_META}creation-date")
    return (
        first(f"{_DC}title"),
        first(f"{_DC}creator") or first(f"{_META}initial-creator"),
        parse_date_text(created) if created else None,
    )


def read_odt(data: bytes, filename: str) -> ReadResult:
    archive = open_archive(data, "ODT")
    if "content.xml" not in archive.names:
        raise ReadError("ODT is damaged: it has no content.xml part")
    text = content_text(archive.read("content.xml"))
    meta_xml = archive.read("meta.xml") if "meta.xml" in archive.names else None
    title, author, created = _meta(meta_xml)
    return document_result(text, MEDIA_TYPE, title, author, created)
