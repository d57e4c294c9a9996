"""PDF export: real text (pdftotext), embedded fonts (pdffonts), pages numbered "X of Y".

The PDFs are rendered once per module (each render starts Chromium and takes a second or
two). Text is compared after casefile.normalize.normalize, which folds what a text layer may
legitimately differ in (presentation forms, bidi controls, tashkeel); letters and their
order must match exactly.
"""

from __future__ import annotations

import ast
import hashlib
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from test_export_data import (
    ACTOR,
    ALIAS,
    FIGURES,
    LATIN,
    OFFICE,
    QUOTES,
    SEED,
    audit_count,
    build_sample_case,
)

from casefile.cases import create_case
from casefile.db import models as m
from casefile.export import export_dossier, export_timeline
from casefile.normalize import normalize

ROOT = Path(__file__).resolve().parents[2]
if shutil.which("pdftotext") is None and os.environ.get("CI"):
    raise RuntimeError("poppler-utils (pdftotext) is missing; scripts/setup.sh --tests installs it")
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext) is not installed")
MARKING = "سري / CONFIDENTIAL"
CUSTOM_MARKING = "للاستخدام الداخلي / INTERNAL"
TANWEEN = re.compile("[\u064b-\u064d]")


def pdftotext(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


def page_size(pdf: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    w, h = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info.stdout, re.M).groups()
    return float(w), float(h)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_in_pdf(expected: str, text: str) -> None:
    """``expected`` is in the text layer with the same letters in the same order.

    Spaces are ignored: poppler places a space on the wrong side of neutral punctuation
    («مراط، والمدعو» → «مراط ،والمدعو») and drops the one between digits and Arabic
    («1من»), though the page shows them right. And a letter carrying tanween («دً» in
    «وتحديدًا») is put on a baseline of its own and emitted out of sequence, so such a
    passage is checked as the text before that letter and the text after it. Every other
    letter, digit and mark of punctuation must be there, in order.
    """
    have = _squash(normalize(text))
    for part in re.split(f".{TANWEEN.pattern}", expected):
        if part.strip():
            assert _squash(normalize(part)) in have, f"not in the PDF text: {part}"


def _dossier_data(case, actor_id):
    from casefile.export.dossier_data import build_dossier
    from casefile.export.meta import ExportMeta

    with case.read_session() as s:
        return build_dossier(s, actor_id, ExportMeta(case_name=case.name, analyst=case.user))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    work = tmp_path_factory.mktemp("export_pdf")
    case = create_case(work / "case.casefile", name="توترات دير الزور")
    ids = build_sample_case(case)
    with case.session() as s:
        loner = m.Actor(name="شخص بلا أحداث", name_latin="Nobody Yet", kind="person")
        s.add(loner)
        s.flush()
        ids["loner"] = loner.id
    audit_before = audit_count(case)
    out = {
        "ids": ids,
        "dossier": export_dossier(case, ACTOR, work / "dossier.pdf"),
        "timeline": export_timeline(case, work / "timeline.pdf"),
        "letter": export_dossier(case, ids["actor"], work / "letter.pdf", page_size="Letter",
                                 marking=CUSTOM_MARKING),
        "loner": export_dossier(case, "شخص بلا أحداث", work / "loner.pdf"),
        "audit_changed": audit_count(case) != audit_before,
        "data": _dossier_data(case, ids["actor"]),
    }
    case.close()
    return out


def test_dossier_text_has_every_name_alias_place_and_quote(exported):
    text = pdftotext(exported["dossier"])
    for expected in [ACTOR, LATIN, ALIAS, "أبو رقية", OFFICE, "دير الزور", "Deir ez-Zor",
                     "حطلة", "Hatla", "القرى السبع", "الحرس الثوري الإيراني",
                     "Islamic Revolutionary Guard Corps", *(n for n, _t, _p in FIGURES),
                     QUOTES["actor"], QUOTES["office"], QUOTES["visit"], QUOTES["month"],
                     QUOTES["boycott"], "توترات روسية إيرانية بريف ديرالزور",
                     "تقرير ميداني", "2 أيلول/سبتمبر 2024", "توترات دير الزور"]:
        assert_in_pdf(expected, text)
    assert hashlib.sha256(SEED.read_bytes()).hexdigest() in text
    assert "B2" in text and "B3" in text  # reliability and credibility of the citations


def test_month_precision_prints_the_month_not_a_day(exported):
    text = normalize(pdftotext(exported["dossier"]))
    assert normalize("آب/أغسطس 2024") in text
    assert normalize("منذ آب/أغسطس 2024") in text  # the office's time range


def test_month_precision_date_cells_hold_the_month_only(exported):
    # Checked on the HTML: in the PDF text a row number («1») may precede the date cell.
    from casefile.export.html import render_dossier

    cells = re.findall(r'<td class="date">([^<]*)</td>', render_dossier(exported["data"]))
    assert cells == ["آب/أغسطس 2024", "آب/أغسطس 2024"]


def test_fonts_are_the_shipped_ones_and_embedded(exported):
    for key in ("dossier", "timeline", "letter"):
        listing = subprocess.run(["pdffonts", str(exported[key])], check=True,
                                 capture_output=True, text=True).stdout.splitlines()[2:]
        assert listing, "no fonts at all: the text would not be text"
        for row in listing:
            name, emb = row.split()[0], row.split()[-5]
            assert emb == "yes", row
            # Only the fonts in resources/fonts: no system fallback changes the look.
            assert re.fullmatch(r"[A-Z]{6}\+Noto(NaskhArabic|Sans)-(Regular|Bold)", name), row


@pytest.mark.parametrize("key", ["dossier", "timeline", "letter"])
def test_every_page_has_page_x_of_y_and_the_marking(exported, key):
    pdf = exported[key]
    marking = CUSTOM_MARKING if key == "letter" else MARKING
    total = page_count(pdf)
    assert total >= (1 if key == "timeline" else 3)
    for page in range(1, total + 1):
        text = normalize(pdftotext(pdf, page))
        assert re.search(rf"صفحه\s*{page}\s*من\s*{total}\b", text), f"page {page}"
        assert f"page {page} of {total}" in text, f"page {page}"
        # Words only: poppler moves the neutral «/» between Arabic and Latin runs.
        words = " ".join(re.findall(r"\w+", text))
        assert words.count(" ".join(re.findall(r"\w+", normalize(marking)))) >= 2, \
            f"page {page}: marking top and bottom"


def test_page_sizes(exported):
    assert page_size(exported["dossier"]) == pytest.approx((595, 842), abs=1.5)  # A4
    assert page_size(exported["letter"]) == pytest.approx((612, 792), abs=1.5)  # Letter


def test_timeline_pdf_lists_every_incident_with_its_sources(exported):
    text = pdftotext(exported["timeline"])
    for expected in ["زيارة أبو رقية الأحوازي إلى قرية حطلة",
                     "دعوة إلى مقاطعة شخصيات مرتبطة بالقوات الروسية",
                     "مشادات كلامية في مركز المصالحة الروسي", "نحو 20 آب/أغسطس 2024",
                     "كل أحداث الملف", "الشرطة العسكرية الروسية", *QUOTES.values()]:
        if expected not in (QUOTES["actor"], QUOTES["office"]):  # not incident citations
            assert_in_pdf(expected, text)


def test_dossier_without_incidents_or_citations_says_so(exported):
    text = normalize(pdftotext(exported["loner"]))
    assert normalize("شخص بلا أحداث") in text and "nobody yet" in text
    assert normalize("لا أحداث مسجلة لهذا الفاعل في الملف") in text
    assert normalize("لا توجد استشهادات") in text


def test_exports_leave_the_case_unchanged(exported):
    assert exported["audit_changed"] is False


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - http.server's name
        _Recorder.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_the_renderer_fetches_nothing_from_the_network(tmp_path):
    from casefile.export.pdf import html_to_pdf

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    page = tmp_path / "page.html"
    page.write_text(  # no CSP here: the renderer itself must refuse
        f'<html><head><link rel="stylesheet" href="{base}/style.css">'
        f'<style>@font-face{{font-family:x;src:url("{base}/font.ttf")}} body{{font-family:x;'
        f'background:url("{base}/bg.png")}}</style></head>'
        f'<body><p>نص عربي</p><img src="{base}/img.png"><iframe src="{base}/frame"></iframe>'
        f'</body></html>', encoding="utf-8")
    try:
        html_to_pdf(page, tmp_path / "page.pdf")
    finally:
        server.shutdown()
    assert (tmp_path / "page.pdf").read_bytes().startswith(b"%PDF")
    assert _Recorder.hits == []


def test_only_the_pdf_module_uses_qt_and_never_qtwidgets():
    users = {}
    for path in (ROOT / "casefile" / "export").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name.startswith(("PySide6", "shiboken6")):
                    users.setdefault(path.name, set()).add(name)
    assert set(users) == {"pdf.py"}
    assert users["pdf.py"] <= {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWebEngineCore",
                               "shiboken6"}


def test_export_and_its_cli_load_without_qt():
    code = ("import sys, casefile.export, casefile.cli;"
            "casefile.cli.build_parser();"
            "assert not [n for n in sys.modules if n.startswith('PySide6')], 'Qt loaded'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


class _CancelWhilePrinting:
    """The GUI's Progress: ``update`` and ``check``; Cancel pressed once printing began."""

    def __init__(self):
        self.labels: list[str] = []

    def update(self, done, total, label=""):
        self.labels.append(label)

    def check(self):
        if "Printing the PDF" in self.labels:
            raise KeyboardInterrupt("cancelled")


def test_cancel_while_printing_stops_and_leaves_no_file(sample_case_file, tmp_path):
    case = sample_case_file
    progress = _CancelWhilePrinting()
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KeyboardInterrupt):
        export_dossier(case, ACTOR, out / "d.pdf", progress=progress)
    assert progress.labels[:3] == ["Reading the case", "Laying out the dossier",
                                   "Printing the PDF"]
    assert list(out.iterdir()) == []  # neither the PDF nor its temporary file


@pytest.fixture
def sample_case_file(sqlite_case):
    build_sample_case(sqlite_case)
    return sqlite_case


def test_renderer_failure_is_a_clear_render_error(tmp_path):
    from casefile.export import RenderError
    from casefile.export.pdf import html_to_pdf

    with pytest.raises(RenderError, match="does not exist"):
        html_to_pdf(tmp_path / "missing.html", tmp_path / "out.pdf")
