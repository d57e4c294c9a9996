"""OCR on import: scans and photos of printed Arabic become searchable, citable text.

Pages are printed by Pillow (libraqm shaping) in the bundled fonts from the seed
report (scripts/page_render.py); PDFs are written by Pillow and joined by PDFium;
the encrypted PDF by qpdf. Each test OCRs at most a few short pages.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFilter
from progress_support import Recorder
from sqlalchemy import select

from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.importing.reader_process import DEFAULT_BUDGET, shared_reader
from casefile.importing.readers import OcrOptions, ReadError, read_bytes
from casefile.importing.readers.ocr import Word, drop_latin_noise, logical_line
from casefile.importing.readers.pdf_scan import garbled_reason
from casefile.normalize import normalize
from casefile.review.proposals import propose_for_new_source
from casefile.search import search

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from page_render import phone_photo, render_page  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "import"
SEED_LINES = [
    "زار المدعو «محمد علي الهادي» والملقب بـ «أبو رقية الأحوازي» قرية حطلة في ريف دير الزور.",
    "وطالب بمقاطعة مختار قرية مرّاط ورئيس بلدية مظلوم خلال شهر آب 2024.",
]


def _page(lines=SEED_LINES, **kwargs) -> Image.Image:
    image, _ = render_page(lines, **kwargs)
    # Only the printed part of the A4 page: a short page OCRs in a second or two.
    return image.crop((0, 0, image.width, image.height // 4))


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def _folded(text: str) -> str:
    return " ".join(normalize(text).split())


def test_words_of_a_line_in_logical_order_from_their_boxes() -> None:
    def line(*visual: str) -> str:
        boxes = [Word(w, left=100 * i, top=0, width=90, height=30, confidence=90)
                 for i, w in enumerate(visual)]  # fmt: skip
        return " ".join(w.text for w in logical_line(boxes[::-1]))  # any input order

    # Arabic reads right to left; a date's numbers keep their place.
    assert line("2024", "آب", "12", "يوم") == "يوم 12 آب 2024"
    # A Latin phrase inside an Arabic line reads left to right.
    assert line("IRGC", "2024", "الثوري", "الحرس") == "الحرس الثوري IRGC 2024"
    # An English line with an Arabic name inside it.
    assert line("The", "report", "الثوري", "الحرس", "says") == "The report الحرس الثوري says"


def test_latin_noise_on_arabic_paragraphs_is_dropped_and_english_words_kept() -> None:
    def read(*words: tuple[str, float]) -> list[str]:
        paragraph = [Word(t, left=100 * i, top=0, width=90, height=30, confidence=c)
                     for i, (t, c) in enumerate(words)]  # fmt: skip
        return [w.text for p in drop_latin_noise([paragraph]) for w in p]

    arabic = [("الحرس", 91.0), ("الثوري", 88.0), ("في", 95.0), ("ريف", 90.0), ("دير", 93.0),
              ("الزور", 89.0)]  # fmt: skip
    # Specks read as letters and dots, unsure, among Arabic words: gone.
    assert read(*arabic, ("ee", 41.0), (".", 52.0), ("i", 70.0), ("'", 75.0), ("~", 30.0)) == \
        [w for w, _ in arabic]
    # Names and acronyms, a lone letter read surely («منصة X»), numbers, a dash and a
    # quotation mark: kept.
    kept = [("IRGC", 93.0), ("Reuters", 77.0), ("X", 96.0), ("2024", 40.0), ("-", 70.0),
            ('"', 66.0)]  # fmt: skip
    assert read(*arabic, *kept) == [w for w, _ in arabic + kept]
    # An English paragraph is left as read, its lone letters too.
    english = [("I", 62.0), ("saw", 91.0), ("a", 55.0), ("convoy", 88.0), ("near", 93.0)]
    assert read(*english, ("دير", 80.0)) == ["I", "saw", "a", "convoy", "near", "دير"]


def test_scanned_arabic_image_is_read_with_word_boxes() -> None:
    image = _page()
    result = read_bytes(_png(image), "scan.png")
    assert result.status == "ok" and result.media_type == "image/png"
    text = _folded(result.text)
    for phrase in ("محمد علي الهادي", "ابو رقيه الاحوازي", "قريه حطله", "مختار قريه", "2024"):
        assert normalize(phrase) in text, phrase
    [page] = result.pages
    assert page.route == "ocr" and page.confidence > 80
    assert result.metadata["ocr"] == {"languages": "ara+eng", "pages": [1],
                                      "confidence": page.confidence, "notes": {}}  # fmt: skip
    # Every word box points at its own word in the text, and lies on the image.
    assert len(page.words) >= 20
    for start, end, left, top, width, height, confidence in page.words:
        assert 0 < confidence <= 100
        assert result.text[start:end].strip() == result.text[start:end] != ""
        assert 0 <= left and left + width <= image.width and top + height <= image.height
    first = min(page.words, key=lambda w: w[0])
    assert first[2] > image.width / 2  # the first word of an Arabic line is on the right


def test_phone_photo_of_a_page_is_read() -> None:
    photo = phone_photo(_page(points=14))
    out = io.BytesIO()
    photo.save(out, format="JPEG", quality=85)
    result = read_bytes(out.getvalue(), "IMG_2041.jpg")
    assert result.status == "ok" and result.media_type == "image/jpeg"
    assert "ابو رقيه الاحوازي" in _folded(result.text)


def _image_pdf(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, format="PDF", resolution=300)
    return out.getvalue()


def test_mixed_pdf_each_page_by_its_own_route(tmp_path: Path) -> None:
    # Page 1: LibreOffice's text layer. Page 2: a scan (an image only, as a scanner writes).
    joined = pdfium.PdfDocument((FIXTURES / "report.pdf").read_bytes())
    joined.import_pages(pdfium.PdfDocument(_image_pdf(_page())))
    out = tmp_path / "mixed.pdf"
    joined.save(str(out))
    result = read_bytes(out.read_bytes(), "mixed.pdf")
    first, second = result.pages
    assert (first.route, second.route) == ("text", "ocr")
    assert result.text[first.start:first.end].startswith("توتر بين الشرطة العسكرية الروسية")
    assert "ابو رقيه الاحوازي" in _folded(result.text[second.start:second.end])
    assert second.note == "read by OCR: no text layer" and second.dpi == 300
    assert result.metadata["ocr"]["pages"] == [2]


def test_garbled_text_layers_are_recognised() -> None:
    arabic = "ﺗﻮﺗﺮ ﺑﻴﻦ ﺍﻟﺸﺮﻃﺔ ﺍﻟﻌﺴﻜﺮﻳﺔ ﺍﻟﺮﻭﺳﻴﺔ ﻭﺍﻟﺤﺮﺱ ﺍﻟﺜﻮﺭﻱ ﻓﻲ ﺭﻳﻒ ﺩﻳﺮ ﺍﻟﺰﻭﺭ"
    assert garbled_reason([[arabic]]) is None  # presentation forms in logical order
    backwards = " ".join(word[::-1] for word in arabic.split())
    assert garbled_reason([[backwards]]) == \
        "the text layer is garbled (Arabic letters stored out of order)"
    assert garbled_reason([["\ufffd" * 40 + " 2024"]]) == \
        "the text layer is garbled (boxes of replacement characters)"
    assert garbled_reason([["(cid:12)(cid:40)(cid:7) " * 10]]) == \
        "the text layer is garbled (unmapped glyphs)"
    assert garbled_reason([["The report was received in English and Arabic."]]) is None


def _street_photo() -> bytes:
    """A picture with no writing: sky, buildings, windows, a road, softened like a photo."""
    image = Image.new("RGB", (1600, 1200), (130, 170, 220))
    draw = ImageDraw.Draw(image)
    for i, x in enumerate(range(0, 1600, 230)):
        top = 300 + (i * 97) % 300
        draw.rectangle((x, top, x + 200, 950), fill=(150 + i * 9 % 60, 120, 100))
        for wy in range(top + 30, 900, 90):
            draw.rectangle((x + 30, wy, x + 80, wy + 50), fill=(60, 70, 90))
    draw.polygon([(0, 1200), (1600, 1200), (1000, 950), (600, 950)], fill=(70, 70, 75))
    out = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(2)).save(out, format="JPEG", quality=85)
    return out.getvalue()


def _corrupt_tiff() -> bytes:
    out = io.BytesIO()
    _page().save(out, format="TIFF", compression="tiff_lzw")
    data = out.getvalue()
    return data[: len(data) // 3]  # cut short while the strips are written


def _encrypted_pdf(tmp_path: Path) -> bytes:
    plain, locked = tmp_path / "plain.pdf", tmp_path / "locked.pdf"
    plain.write_bytes(_image_pdf(_page()))
    subprocess.run(["qpdf", "--encrypt", "secret", "owner", "256", "--", str(plain), str(locked)],
                   check=True)  # fmt: skip
    return locked.read_bytes()


@pytest.mark.skipif(shutil.which("qpdf") is None, reason="qpdf is installed by scripts/setup.sh")
def test_bad_images_and_scans_each_get_a_clear_status(sqlite_case, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    files = {
        "street.jpg": _street_photo(),
        "huge.png": _png(Image.new("L", (10_000, 10_000), 255)),
        "cut.tiff": _corrupt_tiff(),
        "locked.pdf": _encrypted_pdf(tmp_path),
        "note.txt": "تقرير قصير عن قرية حطلة.".encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    outcomes = {Path(o.path).name: o for o in import_paths(sqlite_case, [folder], on_new_source=propose_for_new_source)}

    assert outcomes["cut.tiff"].status == "error"
    assert outcomes["cut.tiff"].error.startswith("the TIFF is damaged")
    assert outcomes["locked.pdf"].status == "error"
    assert outcomes["locked.pdf"].error == "PDF is protected by a password"
    assert outcomes["note.txt"].status == "imported"  # the batch went on
    with sqlite_case.read_session() as s:
        street = s.get(m.Source, outcomes["street.jpg"].source_id)
        assert (street.status, street.text) == ("no_text", "")
        assert street.meta["ocr"]["reason"] == "OCR found no text"
        huge = s.get(m.Source, outcomes["huge.png"].source_id)
        assert huge.status == "no_text"
        assert huge.meta["ocr"]["reason"] == ("the image is too large to read (10000 × 10000 "
                                              "pixels; the limit is 50 megapixels)")  # fmt: skip
        for name in ("street.jpg", "huge.png"):  # kept as evidence, byte for byte
            source = s.get(m.Source, outcomes[name].source_id)
            assert source.original == files[name]
    for name, data in files.items():  # the files themselves are untouched
        assert (folder / name).read_bytes() == data


def test_tesseract_missing_imports_the_image_with_the_reason(sqlite_case, tmp_path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(_png(_page()))
    missing = OcrOptions(tesseract=str(tmp_path / "no-tesseract"))
    [outcome] = import_paths(sqlite_case, [path], ocr=missing, on_new_source=propose_for_new_source)
    assert outcome.status == "imported"
    with sqlite_case.read_session() as s:
        source = s.get(m.Source, outcome.source_id)
        assert source.status == "ocr_unavailable" and source.text == ""
        assert source.meta["ocr"]["reason"].startswith("Tesseract is not installed")
        assert source.original == path.read_bytes()


def test_cli_languages_flag_and_missing_tesseract_on_path(tmp_path: Path) -> None:
    case = tmp_path / "c.casefile"
    image = tmp_path / "scan.png"
    image.write_bytes(_png(_page()))
    cli = [sys.executable, "-m", "casefile"]
    from casefile.cases import create_case, open_case

    create_case(case).close()
    bad = subprocess.run([*cli, "import", "--case", str(case), "--ocr-languages", "ara;rm",
                          str(image)], capture_output=True, text=True)  # fmt: skip
    assert bad.returncode == 2 and "is not a list of Tesseract languages" in bad.stderr
    # Tesseract not on PATH (the python running the CLI is found by its full path).
    env = {**os.environ, "PATH": str(tmp_path)}
    note = tmp_path / "note.txt"
    note.write_text("تقرير قصير عن قرية حطلة.", encoding="utf-8")
    run = subprocess.run([*cli, "import", "--case", str(case), "--ocr-languages", "ara",
                          str(image), str(note)], capture_output=True, text=True, env=env,
                         check=True)  # fmt: skip
    scan, text = [json.loads(x) for x in run.stdout.splitlines()]
    assert (scan["status"], text["status"]) == ("imported", "imported")  # the batch goes on
    opened = open_case(case)
    try:
        with opened.read_session() as s:
            source = s.get(m.Source, scan["source_id"])
            assert source.status == "ocr_unavailable"
            assert source.meta["ocr"]["languages"] == "ara"
            assert source.meta["ocr"]["reason"].startswith("Tesseract is not installed")
            assert source.original == image.read_bytes()
    finally:
        opened.close()


def test_time_limit_per_page() -> None:
    result = read_bytes(_png(_page()), "slow.png", OcrOptions(page_seconds=0.05))
    assert result.status == "no_text"
    assert result.metadata["ocr"]["reason"] == "OCR stopped at the time limit of 0.05 s"


def _three_page_tiff(path: Path) -> Path:
    out = io.BytesIO()
    _page().save(out, format="TIFF", save_all=True, append_images=[_page(), _page()])
    path.write_bytes(out.getvalue())
    return path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux's")
def test_ocr_runs_in_the_reader_worker_with_page_progress_and_cancel(sqlite_case, tmp_path):
    """A scan is read in the reader process under the default memory budget (Tesseract
    inherits the cap), reports each page as it finishes, and a cancel mid-file stops the
    worker at once and stores nothing of the file."""
    path = _three_page_tiff(tmp_path / "three.tiff")
    one_at_a_time = OcrOptions(workers=1)  # page 2 is being read when page 1 is reported
    pages: list[tuple[int, int]] = []
    outcomes = list(import_paths(sqlite_case, [path], ocr=one_at_a_time,
                                 page_progress=lambda d, t: pages.append((d, t)),
                                 progress=Recorder(lambda: bool(pages)), on_new_source=propose_for_new_source))  # fmt: skip
    assert outcomes == [] and pages[0] == (1, 3) and len(pages) < 3
    with sqlite_case.read_session() as s:
        assert s.scalars(select(m.Source)).all() == []

    reader = shared_reader(DEFAULT_BUDGET)
    pages.clear()
    [outcome] = import_paths(sqlite_case, [path], ocr=one_at_a_time,
                             page_progress=lambda d, t: pages.append((d, t)), on_new_source=propose_for_new_source)  # fmt: skip
    assert outcome.status == "imported", outcome.error
    assert pages == [(1, 3), (2, 3), (3, 3)]
    assert reader.pid is not None and reader.pid != os.getpid()
    limits = Path(f"/proc/{reader.pid}/limits").read_text()
    cap = next(line for line in limits.splitlines() if line.startswith("Max address space"))
    assert "unlimited" not in cap.split()[3]  # the worker that ran Tesseract is capped
    with sqlite_case.read_session() as s:
        routes = s.scalars(select(m.SourcePage.route).where(
            m.SourcePage.source_id == outcome.source_id).order_by(m.SourcePage.number)).all()
        assert routes == ["ocr"] * 3
        assert [h.id for h in search(s, "حطلة") if h.kind == "source"] == [outcome.source_id]


def test_telegram_photo_is_read_searchable_and_proposed(sqlite_case, tmp_path) -> None:
    # A Telegram Desktop channel export: result.json and the photos folder beside it.
    export = tmp_path / "ChatExport_2024-08-14"
    (export / "photos").mkdir(parents=True)
    out = io.BytesIO()
    _page().convert("RGB").save(out, format="JPEG", quality=90)
    (export / "photos" / "photo_1@14-08-2024_09-32-10.jpg").write_bytes(out.getvalue())
    (export / "result.json").write_text(json.dumps({
        "name": "شبكة دير الزور", "type": "public_channel", "id": 1,
        "messages": [{"id": 7, "type": "message", "date": "2024-08-14T09:32:10",
                      "photo": "photos/photo_1@14-08-2024_09-32-10.jpg", "text": ""}],
    }, ensure_ascii=False), encoding="utf-8")  # fmt: skip
    outcomes = list(import_paths(sqlite_case, [export], on_new_source=propose_for_new_source))
    assert [o.status for o in outcomes] == ["imported", "imported"]
    outcome = next(o for o in outcomes if o.path.endswith(".jpg"))
    with sqlite_case.read_session() as s:
        assert [h.id for h in search(s, "ابو رقيه") if h.kind == "source"] == [outcome.source_id]
        [page] = s.scalars(select(m.SourcePage)).all()
        source = s.get(m.Source, outcome.source_id)
        assert (page.number, page.route, page.end) == (1, "ocr", len(source.text))
        assert page.words and page.confidence == source.meta["ocr"]["confidence"]
        proposed = set(s.scalars(select(m.Proposal.text).where(
            m.Proposal.source_id == outcome.source_id)))  # fmt: skip
    assert any("الهادي" in text for text in proposed), proposed


def test_damaged_image_named_by_its_format() -> None:
    with pytest.raises(ReadError, match="^the PNG is damaged"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "x.png")
