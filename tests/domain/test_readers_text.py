"""Plain text in the encodings Arabic reports still arrive in."""

from __future__ import annotations

import datetime
import os

import pytest

from casefile.importing.language import detect_language
from casefile.importing.readers import ReadError, read_bytes

ARABIC = (
    "دير الزور - 12 آب/ أغسطس 2024\n"
    "شهدت بلدة حطلة في ريف دير الزور خلال شهر آب توتراً بين الشرطة العسكرية الروسية "
    "والحرس الثوري الإيراني، وحاولت الميليشيات إقامة حواجز في بلدة الطابية جزيرة."
)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", ARABIC.encode("utf-8")),
        ("utf-8-bom", b"\xef\xbb\xbf" + ARABIC.encode("utf-8")),
        ("utf-16-le-bom", b"\xff\xfe" + ARABIC.encode("utf-16-le")),
        ("utf-16-be-bom", b"\xfe\xff" + ARABIC.encode("utf-16-be")),
        ("utf-16-le", ARABIC.encode("utf-16-le")),
        ("utf-16-be", ARABIC.encode("utf-16-be")),
        ("cp1256", ARABIC.encode("cp1256")),
        ("iso8859_6", ARABIC.encode("iso-8859-6")),
    ],
)
def test_arabic_text_in_every_encoding(encoding: str, data: bytes) -> None:
    result = read_bytes(data, "تقرير.txt")
    assert result.text == ARABIC
    assert result.metadata["encoding"] == encoding
    assert result.media_type == "text/plain"
    assert result.status == "ok"
    assert result.title == "دير الزور - 12 آب/ أغسطس 2024"
    assert result.published == datetime.date(2024, 8, 12)


def test_short_single_byte_arabic_is_not_mistaken_for_another_code_page() -> None:
    # Short texts are where detectors guess wrong; the word check decides.
    for word in ("مخاتير", "أبو رقية الأحوازي", "الحرس"):
        for codec in ("cp1256", "iso-8859-6"):
            assert read_bytes(word.encode(codec), "a.txt").text == word


def test_markdown_title_and_media_type() -> None:
    result = read_bytes("# تقرير ميداني\n\nنص التقرير.\n".encode(), "report.md")
    assert result.media_type == "text/markdown"
    assert result.title == "تقرير ميداني"
    assert result.text == "# تقرير ميداني\n\nنص التقرير."


def test_latin_text_in_windows_1252() -> None:
    text = "Le rapport de la mission a été reçu hier; la situation près de la frontière reste très tendue."
    result = read_bytes(text.encode("cp1252"), "rapport.txt")
    assert result.text == text


def test_whitespace_only_file_is_empty_text() -> None:
    assert read_bytes(b"  \n\n ", "blank.txt").status == "empty_text"


def test_empty_file_is_an_error() -> None:
    with pytest.raises(ReadError, match="the file is empty"):
        read_bytes(b"", "empty.txt")


def test_random_bytes_are_not_text() -> None:
    data = os.urandom(4096)
    with pytest.raises(ReadError, match="unsupported file type"):
        read_bytes(data, "notes.txt")


def test_language_by_script() -> None:
    assert detect_language(ARABIC) == "ar"
    assert detect_language("The militia set up a checkpoint in the village of Tabiya.") == "en"
    assert detect_language("La milice a installé un barrage dans le village.") == "other"
    assert detect_language("12345 --- ...") == "other"
    # Mostly Arabic with an English acronym is still Arabic.
    assert detect_language("الحرس الثوري الإيراني (IRGC) في دير الزور") == "ar"


def _with_bad_bytes(encoding: str, bad: bytes) -> bytes:
    """ARABIC in ``encoding`` with ``bad`` between two of its letters."""
    return ARABIC[:60].encode(encoding) + bad + ARABIC[60:].encode(encoding)


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        # A stray 0xFF in the middle of a UTF-8 article.
        ("utf-8", _with_bad_bytes("utf-8", b"\xff")),
        ("utf-8-bom", b"\xef\xbb\xbf" + _with_bad_bytes("utf-8", b"\xff")),
        # A copy cut in the middle of its last letter.
        ("utf-8", ARABIC.encode("utf-8") + "ة".encode()[:1]),
        # A lone surrogate (half of a pair) in UTF-16, with and without a mark.
        ("utf-16-le", _with_bad_bytes("utf-16-le", b"\x00\xd8")),
        ("utf-16-be", _with_bad_bytes("utf-16-be", b"\xd8\x00")),
        ("utf-16-le-bom", b"\xff\xfe" + _with_bad_bytes("utf-16-le", b"\x00\xd8")),
    ],
)
def test_a_few_bad_bytes_keep_utf8_and_utf16_and_say_so(encoding: str, data: bytes) -> None:
    result = read_bytes(data, "تقرير.txt")
    assert result.metadata["encoding"] == encoding  # not cp1256 mojibake
    assert result.text.replace("\ufffd", "") == ARABIC
    assert result.text.count("\ufffd") == 1
    assert result.status == "invalid_bytes_replaced"
    assert result.metadata["invalid_sequences_replaced"] == 1
    name = encoding.removesuffix("-bom").upper()
    assert result.warnings == [f"1 byte sequence not valid in {name} replaced with \ufffd"]
    assert detect_language(result.text) == "ar"


def test_many_bad_bytes_are_not_utf8_with_holes() -> None:
    # cp1256 Arabic is mostly "bad bytes" as UTF-8: it stays cp1256.
    assert read_bytes(ARABIC.encode("cp1256"), "a.txt").metadata["encoding"] == "cp1256"
    # A French report in cp1252 has a few bytes that are not UTF-8 and no valid
    # multi-byte letters at all: a code page, not damaged UTF-8.
    french = "Le rapport décrit la situation à Deir ez-Zor en août. " * 20
    result = read_bytes(french.encode("cp1252"), "rapport.txt")
    assert result.text == french.strip() and result.status == "ok"
