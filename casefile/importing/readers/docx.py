"""Word documents (DOCX): paragraphs in document order, tables included.

Text is taken from the body's XML in order (paragraphs inside table cells,
content controls and inserted revisions included, deleted revisions not), so
nothing python-docx's paragraph list skips is lost. Right-to-left paragraphs are
stored in logical order in DOCX, so their text needs no reordering.
python-docx reads the core properties.
"""

from __future__ import annotations

import datetime

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.packuri import PackURI
from docx.opc.parts.coreprops import CorePropertiesPart
from lxml import etree

from casefile.importing.readers.archive import Container, document_result, open_archive
from casefile.importing.readers.base import ReadError, ReadResult

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


_TEXT_TAGS = (f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr", f"{_W}noBreakHyphen")


def _piece(node: etree._Element) -> str:
    if node.tag == f"{_W}t":
        return node.text or ""
    if node.tag == f"{_W}tab":
        return "\t"
    if node.tag == f"{_W}noBreakHyphen":
        return "-"
    return "\n"


def body_text(document_xml: bytes) -> str:
    """The body's paragraphs in order, one per line."""
    try:
        root = etree.fromstring(document_xml, _PARSER)
    except etree.XMLSyntaxError as error:
        raise ReadError(f"DOCX is damaged: its text part is not valid XML ({error})") from None
    body = root.find(f"{_W}body")
    if body is None:
        return ""
    # Text boxes are stored twice (modern and VML fallback); read them once.
    for fallback in list(body.iter(_MC_FALLBACK)):
        fallback.getparent().remove(fallback)
    # Each piece of text belongs to its nearest paragraph, so a paragraph
    # holding a text box does not repeat the box's paragraphs.
    paragraphs: dict[etree._Element, list[str]] = {p: [] for p in body.iter(f"{_W}p")}
    for node in body.iter(*_TEXT_TAGS):
        parent = node.getparent()
        while parent is not None and parent.tag != f"{_W}p":
            parent = parent.getparent()
        if parent is not None:
            paragraphs[parent].append(_piece(node))
    lines = ("".join(pieces) for pieces in paragraphs.values())
    return "\n".join(line for line in lines if line.strip())


def _core_properties(
    archive: Container,
) -> tuple[str | None, str | None, datetime.date | None]:
    """Title, author and creation date from docProps/core.xml.

    python-docx parses the part on its own, so the rest of the package (images
    and all) is not loaded just to read three properties.
    """
    if "docProps/core.xml" not in archive.names:
        return None, None, None
    try:
        blob = archive.read("docProps/core.xml")
        part = CorePropertiesPart.load(
            PackURI("/docProps/core.xml"), CT.OPC_CORE_PROPERTIES, blob, None
        )
        properties = part.core_properties
        title, author, created = properties.title, properties.author, properties.created
    except (ReadError, ValueError, etree.XMLSyntaxError):
        return None, None, None  # the text was readable; missing properties are not fatal
    return (
        title or None,
        author or None,
        created.date() if isinstance(created, datetime.datetime) else None,
    )


def read_docx(data: bytes, filename: str) -> ReadResult:
    archive = open_archive(data, "DOCX")
    if "word/document.xml" not in archive.names:
        raise ReadError("DOCX is damaged: it has no word/document.xml part")
    text = body_text(archive.read("word/document.xml"))
    title, author, created = _core_properties(archive)
    return document_result(text, MEDIA_TYPE, title, author, created)
