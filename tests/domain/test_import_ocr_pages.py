"""OCR page by page through the real import: garbled text layers, the time limit per page.

The scanned PDFs are written by PDFium (pypdfium2's editing API, the engine of
Chrome's PDF writer): a page image from Pillow with an invisible text layer over
it, as scanners and converters write them. Two layers that cannot be used:
Arabic presentation forms shaped for logical order but laid out left to right
(what a writer without bidi does; the reader cannot tell it from visual order),
and a font whose ToUnicode maps every glyph to U+FFFD.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image
from sqlalchemy import select

from casefile.cases import create_case, open_case
from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.importing.readers import read_bytes
from casefile.normalize import normalize
from casefile.review.proposals import propose_for_new_source
from casefile.search import search

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from page_render import render_page  # noqa: E402

FONT = ROOT / "resources" / "fonts" / "NotoNaskhArabic-Regular.ttf"
REPORT_PDF = ROOT / "tests" / "fixtures" / "import" / "report.pdf"
VISIT = "زار المدعو محمد علي الهادي قرية حطلة في ريف دير الزور"
BOYCOTT = "وطالب بمقاطعة مختار قرية مراط ورئيس بلدية مظلوم خلال شهر آب"

# Arabic letter -> {"isolated"|"initial"|"medial"|"final": presentation form}
_FORMS: dict[str, dict[str, str]] = {}
for _code in range(0xFE70, 0xFF00):
    _tag, *_base = unicodedata.decomposition(chr(_code)).split() or [""]
    if len(_base) == 1 and _tag.startswith("<"):
        _FORMS.setdefault(chr(int(_base[0], 16)), {})[_tag.strip("<>")] = chr(_code)


def _shaped(word: str) -> str:
    """The word in presentation forms, letters in logical order (no bidi)."""
    out = []
    for i, ch in enumerate(word):
        after = i > 0 and "initial" in _FORMS.get(word[i - 1], {})  # joined from before
        before = i + 1 < len(word) and "initial" in _FORMS.get(ch, {}) and word[i + 1] in _FORMS
        form = {(0, 0): "isolated", (0, 1): "initial", (1, 1): "medial", (1, 0): "final"}
        out.append(_FORMS.get(ch, {}).get(form[after, before], ch))
    return "".join(out)


def _page(line: str) -> Image.Image:
    image, _ = render_page([line])
    return image.crop((0, 0, image.width, image.height // 5))


def _scan_with_layer(line: str, layer: str) -> bytes:
    """A one-page scan of ``line`` with an invisible text layer written by PDFium."""
    out = io.BytesIO()
    _page(line).convert("RGB").save(out, format="PDF", resolution=300)
    document = pdfium.PdfDocument(out.getvalue())
    data = FONT.read_bytes()
    font_bytes = (ctypes.c_ubyte * len(data)).from_buffer_copy(data)
    page = document[0]
    if layer == "logical forms laid left to right":
        font = pdfium_c.FPDFText_LoadFont(document.raw, font_bytes, len(data),
                                          pdfium_c.FPDF_FONT_TRUETYPE, 1)  # fmt: skip
        text = " ".join(_shaped(w) for w in line.split())
        glyphs = (ctypes.c_ushort * (len(text) + 1))(*map(ord, text), 0)
        setter = lambda obj: pdfium_c.FPDFText_SetText(obj, glyphs)  # noqa: E731
    else:  # every glyph mapped to U+FFFD
        cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                "100 beginbfchar\n" + "".join(f"<{g:04X}> <FFFD>\n" for g in range(50, 150)) +
                "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end\n")  # fmt: skip
        identity = b"".join(gid.to_bytes(2, "big") for gid in range(2000))
        font = pdfium_c.FPDFText_LoadCidType2Font(
            document.raw, font_bytes, len(data), cmap.encode(),
            (ctypes.c_ubyte * len(identity)).from_buffer_copy(identity), len(identity),
        )  # fmt: skip
        codes = (ctypes.c_uint * 45)(*[50 + (i * 37) % 100 for i in range(45)])
        setter = lambda obj: pdfium_c.FPDFText_SetCharcodes(obj, codes, len(codes))  # noqa: E731
    assert font
    obj = pdfium_c.FPDFPageObj_CreateTextObj(document.raw, font, 12.0)
    assert setter(obj)
    pdfium_c.FPDFTextObj_SetTextRenderMode(obj, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
    pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 80, page.get_height() - 90)
    pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    assert pdfium_c.FPDFPage_GenerateContent(page.raw)
    saved = io.BytesIO()
    document.save(saved)
    return saved.getvalue()


def _folded(text: str) -> str:
    return " ".join(normalize(text).split())


def test_garbled_text_layers_are_read_by_ocr_and_good_pages_keep_theirs(sqlite_case, tmp_path):
    # Page 1: LibreOffice's text layer. Pages 2 and 3: scans under garbled layers.
    joined = pdfium.PdfDocument(REPORT_PDF.read_bytes())
    joined.import_pages(pdfium.PdfDocument(_scan_with_layer(VISIT, "logical forms laid left to right")))
    joined.import_pages(pdfium.PdfDocument(_scan_with_layer(BOYCOTT, "replacement boxes")))
    path = tmp_path / "تقرير مختلط.pdf"
    joined.save(str(path))
    original = path.read_bytes()

    [outcome] = import_paths(sqlite_case, [path], on_new_source=propose_for_new_source)
    assert outcome.status == "imported", outcome.error
    with sqlite_case.read_session() as s:
        source = s.get(m.Source, outcome.source_id)
        pages = s.scalars(select(m.SourcePage).where(m.SourcePage.source_id == source.id)
                          .order_by(m.SourcePage.number)).all()  # fmt: skip
        assert [(p.number, p.route) for p in pages] == [(1, "text"), (2, "ocr"), (3, "ocr")]
        layer, forms, boxes = pages
        # The good page keeps its own text layer, exactly as the PDF reader reads it.
        report_text = read_bytes(REPORT_PDF.read_bytes(), "report.pdf").text
        assert source.text[layer.start:layer.end] == report_text
        assert (layer.confidence, layer.note, layer.words) == (None, None, [])
        assert forms.note == ("read by OCR: the text layer is garbled "
                              "(Arabic letters stored out of order)")  # fmt: skip
        assert boxes.note == "read by OCR: the text layer is garbled (boxes of replacement characters)"
        for page, line in ((forms, VISIT), (boxes, BOYCOTT)):
            read = _folded(source.text[page.start:page.end])
            for phrase in line.split(" في ")[0].split(" ورئيس "):
                assert _folded(phrase) in read, (phrase, read)
            assert page.confidence > 80 and page.dpi == 300 and page.words
        assert "\ufffd" not in source.text
        assert _folded(VISIT.split()[-1][::-1]) not in _folded(source.text)  # no reversed words
        assert source.meta["ocr"]["pages"] == [2, 3]
        assert source.meta["ocr"]["confidence"] > 80
        assert source.original == original  # the PDF as it came, byte for byte
        for query in ("حطلة", "مظلوم"):
            assert [h.id for h in search(s, query) if h.kind == "source"] == [source.id], query


def _slow_tesseract(folder: Path, slow_height: int, seconds_per_page: float) -> Path:
    """A stand-in for ``tesseract``: the page ``slow_height`` pixels high never finishes,
    every other page waits ``seconds_per_page`` before the real Tesseract reads it."""
    script = folder / "tesseract"
    script.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import os, shutil, sys, time
        real = {shutil.which("tesseract")!r}
        args = sys.argv[1:]
        if args and os.path.isfile(args[0]) and "--psm" in args and "3" in args:
            from PIL import Image
            with Image.open(args[0]) as image:
                slow = abs(image.height - {slow_height}) <= 2  # PDF rendering may round
            time.sleep(600 if slow else {seconds_per_page} if "ara+eng" in args else 0)
        os.execv(real, [real, *args])
        """))
    script.chmod(0o755)
    return script


def test_a_page_past_its_time_limit_fails_alone_and_the_limit_restarts_per_page(tmp_path):
    """Through ``casefile import --ocr-page-timeout``: page 3 of a six-page scan never
    finishes; it is stopped at the limit with a status saying so, and the other five
    pages are read, though together they take longer than one limit."""
    limit, per_page = 10, 3.0
    images = [_page(line) for line in [VISIT, BOYCOTT] * 3]
    slow = images[2] = images[2].crop((0, 0, images[2].width, images[2].height - 7))
    scan = tmp_path / "scan.pdf"
    images[0].convert("RGB").save(scan, format="PDF", resolution=300, save_all=True,
                                  append_images=[i.convert("RGB") for i in images[1:]])  # fmt: skip
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = _slow_tesseract(bin_dir, slow.height, per_page)
    case = tmp_path / "c.casefile"
    create_case(case).close()
    run = subprocess.run(
        [sys.executable, "-m", "casefile", "import", "--case", str(case), "--quiet",
         "--ocr-page-timeout", str(limit), str(scan)],
        capture_output=True, text=True, env={**os.environ, "CASEFILE_TESSERACT": str(fake)},
        timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    [line] = [json.loads(x) for x in run.stdout.splitlines()]
    assert line["status"] == "imported"
    opened = open_case(case)
    try:
        with opened.read_session() as s:
            pages = s.scalars(select(m.SourcePage).order_by(m.SourcePage.number)).all()
            source = s.get(m.Source, line["source_id"])
            assert [p.route for p in pages] == ["ocr", "ocr", "none", "ocr", "ocr", "ocr"]
            assert pages[2].note == f"no text layer; OCR stopped at the time limit of {limit} s"
            assert source.meta["ocr"]["pages"] == [1, 2, 4, 5, 6]
            assert source.meta["ocr"]["notes"]["3"] == pages[2].note
            for page in pages:  # pages 1 and 5 print VISIT, 2, 4 and 6 BOYCOTT
                read = _folded(source.text[page.start:page.end])
                assert (_folded("قرية حطلة") in read, _folded("بلدية مظلوم") in read) == \
                    ((False, False) if page.number == 3 else (page.number % 2 == 1,
                                                               page.number % 2 == 0))  # fmt: skip
    finally:
        opened.close()


def test_a_page_may_take_its_own_ocr_limit_past_the_file_time_limit(tmp_path):
    """``--time-limit`` guards parsers against hostile files; once OCR reads a scan, a
    page may take up to ``--ocr-page-timeout`` without the whole file being refused."""
    scan = tmp_path / "scan.pdf"
    _page(VISIT).convert("RGB").save(scan, format="PDF", resolution=300)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = _slow_tesseract(bin_dir, slow_height=-100, seconds_per_page=6)
    case = tmp_path / "c.casefile"
    create_case(case).close()
    run = subprocess.run(
        [sys.executable, "-m", "casefile", "import", "--case", str(case), "--quiet",
         "--time-limit", "3", "--ocr-page-timeout", "60", str(scan)],
        capture_output=True, text=True, env={**os.environ, "CASEFILE_TESSERACT": str(fake)},
        timeout=300,
    )  # fmt: skip
    [line] = [json.loads(x) for x in run.stdout.splitlines()]
    assert (line["status"], line["error"]) == ("imported", None)
    opened = open_case(case)
    try:
        with opened.read_session() as s:
            assert "حطله" in _folded(s.get(m.Source, line["source_id"]).text)
    finally:
        opened.close()
