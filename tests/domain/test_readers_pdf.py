"""PDF text layers in logical Arabic order, and PDFs that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.importing.readers import OcrOptions, ReadError, read_bytes
from casefile.importing.readers.bidi import group_clusters, visual_to_logical
from casefile.importing.readers.pdf import fold_presentation_forms

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
TABULA = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "files" / "tabula-arabic.pdf"


@pytest.mark.skipif(not TABULA.exists(), reason="needs ../shared/corpus")
def test_tabula_arabic_table_cells_in_logical_order() -> None:
    result = read_bytes(TABULA.read_bytes(), "tabula-arabic.pdf")
    lines = result.text.split("\n")
    for cell in (
        "اسمي سلطان",
        "من اين انت؟",
        "هل انت شباك؟",
        "عندي 47 قطط",
        "Jeremy is جرمي in Arabic",
    ):
        assert cell in lines
    assert "اسمي Jeremy في الانجليزية" in lines
    assert "مرحباً" in lines  # the tanween stays on its alef
    # Presentation forms folded, no bidi controls or no-break spaces left.
    assert not any(0xFB50 <= ord(ch) <= 0xFEFF for ch in result.text)
    assert not set(result.text) & set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\xa0")
    assert result.media_type == "application/pdf"
    assert result.status == "ok"


def test_libreoffice_pdf_reads_like_the_document() -> None:
    result = read_bytes((FIXTURES / "report.pdf").read_bytes(), "report.pdf")
    lines = result.text.split("\n")
    # The heading wraps over two lines on the page and comes back whole.
    assert lines[0] == "توتر بين الشرطة العسكرية الروسية والحرس الثوري"
    assert "شهدت بلدة حطلة في ريف دير الزور خلال شهر آب/ أغسطس 2024 توتراً بين الطرفين." in lines
    assert "زار المدعو «محمد علي الهادي» الملقب بـ «أبو رقية الأحوازي» البلدة يوم 12 آب." in lines
    assert "The report was received in English and Arabic: الحرس الثوري (IRGC)." in lines
    assert lines[-1] == "وطالب بمقاطعة خمسة من وجهاء المنطقة، بينهم ثلاثة مخاتير."
    assert result.title == "توتر في ريف دير الزور"


def test_pdf_without_text_layer_is_kept_with_status() -> None:
    data = (FIXTURES / "scan-no-text.pdf").read_bytes()
    result = read_bytes(data, "مسح ضوئي.pdf", OcrOptions(enabled=False))
    assert result.status == "no_text_layer"
    assert result.text == ""
    assert result.metadata["pages"] == 1
    # With OCR (the default) the blank grey page is read and found empty, and says so.
    result = read_bytes(data, "مسح ضوئي.pdf")
    assert (result.status, result.text) == ("no_text", "")
    assert result.metadata["ocr"]["reason"] == "no text layer; OCR found no text"
    assert [(p.number, p.route) for p in result.pages] == [(1, "none")]


def test_random_bytes_named_pdf() -> None:
    with pytest.raises(ReadError, match="^not a PDF: the file starts with random bytes$"):
        read_bytes(bytes(range(128, 256)) * 8, "report.pdf")


def test_truncated_pdf() -> None:
    data = (FIXTURES / "report.pdf").read_bytes()
    with pytest.raises(ReadError, match="^PDF is truncated"):
        read_bytes(data[: len(data) // 2], "report.pdf")


def test_damaged_pdf_body() -> None:
    data = (FIXTURES / "report.pdf").read_bytes()
    damaged = data[:15] + b"\x00garbage" * 2000 + data[-200:]
    with pytest.raises(ReadError, match="^PDF is damaged"):
        read_bytes(damaged, "report.pdf")


def _logical(visual: str, mirror: bool = True) -> str:
    clusters = group_clusters(list(visual))
    return fold_presentation_forms(visual_to_logical(clusters, mirror=mirror))


@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        ("ﻥﺎﻄﻠﺳ ﻲﻤﺳﺍ", "اسمي سلطان"),  # right-to-left line reversed
        ("ﺔﻳﺰﻴﻠﺠﻧﻻﺍ ﻲﻓ Jeremy ﻲﻤﺳﺍ", "اسمي Jeremy في الانجليزية"),  # lam-alef kept whole
        ("Jeremy is ﻲﻣﺮﺟ in Arabic", "Jeremy is جرمي in Arabic"),  # Arabic run in English line
        ("2024/08/12 ﺦﻳﺭﺎﺘﺑ", "بتاريخ 2024/08/12"),  # numbers keep their own order
        ("50% ﺔﺒﺴﻨﺑ", "بنسبة 50%"),
        ("(IRGC) ﻱﺭﻮﺜﻟﺍ ﺱﺮﺤﻟﺍ", "الحرس الثوري (IRGC)"),
        ("Hello world", "Hello world"),
    ],
)
def test_visual_to_logical(visual: str, logical: str) -> None:
    assert _logical(visual) == logical


def test_brackets_typed_characters_are_not_mirrored() -> None:
    # LibreOffice maps glyphs to base letters and brackets to the character typed.
    assert _logical(")IRGC( يروثلا سرحلا", mirror=False) == "الحرس الثوري (IRGC)"


def test_combining_mark_stays_with_its_letter() -> None:
    # Visual «مرحباً» with the tanween glyph placed after its alef.
    assert _logical("ﺎ\u064bﺒﺣﺮﻣ") == "مرحباً"
