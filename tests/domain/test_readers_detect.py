"""Choosing a reader by content, and clear errors for what cannot be read."""

from __future__ import annotations

import zlib

import pytest

from casefile.importing.readers import ReadError, read_bytes
from casefile.importing.readers.detect import detect


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "the PNG is damaged: its data cannot be decoded"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "the JPEG is damaged: its data cannot be decoded"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "unsupported file type: an old Office file",
        ),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 64, "unsupported file type: a program"),
        (b"\x1f\x8b\x08\x00" + zlib.compress(b"x" * 100), "unsupported file type: a gzip archive"),
        (b"\x00\x01\x02\x03\xfe\xff" * 200, "unsupported file type: the content is neither text"),
    ],
)
def test_unreadable_inputs_give_one_clear_sentence(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, "ملف مجهول.bin")
    assert str(caught.value).startswith(message)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"%PDF-1.7\n", "x.txt", "pdf"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "x.txt", "html"),
        (b"\xef\xbb\xbf<html><body>x</body></html>", "x", "html"),
        (b"<p>fragment</p>", "page.htm", "html"),
        (b"From: a@b.org\nTo: c@d.org\nSubject: s\n\nbody", "x.txt", "eml"),
        (b"From: <Saved by Blink>\nSnapshot-Content-Location: https://a.org/\nSubject: s\n"
         b"MIME-Version: 1.0\nContent-Type: multipart/related; type=\"text/html\"\n\n", "x", "mhtml"),
        (b'{"name": "c", "type": "public_channel", "messages": []}', "result.json", "json"),
        (b"Subject: a line that merely looks like a header\nbut this is prose", "n.txt", "text"),
        ("تقرير عادي".encode(), "تقرير.txt", "text"),
        (b"From someone@example.org Wed Aug 21 08:30:00 2024\nFrom: a@b.org\nTo: c@d.org\n\nx", "m", "eml"),
        (b"To: c@d.org\nFrom: a@b.org\nContent-Type: multipart/related; type=text/html\n\n", "n", "eml"),
        (b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', "p", "html"),
    ],
)  # fmt: skip
def test_detection_by_content(data: bytes, name: str, kind: str) -> None:
    assert detect(data, name) == kind


def test_ant_article() -> None:
    article = (
        "<DOC>\n<DOCNO>JA-politics-1-20170101</DOCNO>\n<URL>http://www.jawharafm.net/ar/1</URL>\n"
        "<SRC>Jawhara FM</SRC>\n<CAT>politics</CAT>\n<TITLE>عنوان الخبر</TITLE>\n"
        "<TIME>03/01/2017</TIME>\n<AUTHOR></AUTHOR>\n<ABSTRACT>ملخص</ABSTRACT>\n"
        "<TEXT>\nنص الخبر كاملاً.\n</TEXT>\n</DOC>\n"
    )
    result = read_bytes(article.encode(), "JA-politics-1-20170101.txt")
    assert result.text == "نص الخبر كاملاً."
    assert result.title == "عنوان الخبر"
    assert result.publisher == "Jawhara FM"
    assert result.url == "http://www.jawharafm.net/ar/1"
    assert str(result.published) == "2017-01-03"
    assert result.author is None
