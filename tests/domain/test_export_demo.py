"""The demo case (seeds/ through import and extraction): the dossier of «أبو رقية الأحوازي».

Every name, alias, place and quoted passage of the dossier must be in the PDF's text layer
as proper Arabic letters in logical order; the timeline CSV must open with its header.
"""

from __future__ import annotations

import csv
import json
import shutil

import pytest
from test_export_pdf import assert_in_pdf, page_count, pdftotext
from test_export_tabular import validate

from casefile import demo
from casefile.cases import create_case
from casefile.export import export_case, export_dossier, export_timeline
from casefile.export.tabular import CSV_COLUMNS

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext) is not installed")


@pytest.fixture(scope="module")
def demo_exports(tmp_path_factory):
    work = tmp_path_factory.mktemp("demo_export")
    case = create_case(work / "demo.casefile", name="demo")
    demo.build_demo_case(case)
    out = {
        "pdf": export_dossier(case, "أبو رقية الأحوازي", work / "dossier.pdf"),
        "json": export_dossier(case, "أبو رقية الأحوازي", work / "dossier.json", fmt="json"),
        "csv": export_timeline(case, work / "timeline.csv", fmt="csv"),
        "case": export_case(case, work / "case.json"),
    }
    case.close()
    return out


def test_demo_dossier_pdf_has_every_name_alias_place_and_quote(demo_exports):
    data = json.loads(demo_exports["json"].read_text(encoding="utf-8"))
    validate(data)
    text = pdftotext(demo_exports["pdf"])
    expected = [data["actor"]["name"], "أبو رقية الأحوازي"]
    expected += [a["text"] for a in data["aliases"]]
    expected += [p["name"] for p in data["places"]]
    expected += [r["other"]["name"] for r in data["offices"] + data["affiliations"]]
    expected += [c["quote"] for c in data["citations"]]
    assert len(data["citations"]) >= 5 and data["incidents"], "the demo should cite facts"
    for item in expected:
        assert_in_pdf(item, text)
    total = page_count(demo_exports["pdf"])
    assert f"Page {total} of {total}" in text


def test_demo_timeline_csv_opens_with_header_and_rows(demo_exports):
    raw = demo_exports["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with demo_exports["csv"].open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == CSV_COLUMNS
    assert rows and all(r["event_id"].startswith("CF") and r["event_type"] for r in rows)
    assert any(r["location"] == "حطلة" for r in rows)


def test_demo_whole_case_json_validates(demo_exports):
    data = json.loads(demo_exports["case"].read_text(encoding="utf-8"))
    validate(data)
    names = {a["name"] for a in data["actors"]} | {
        al["text"] for a in data["actors"] for al in a["aliases"]}
    assert "أبو رقية الأحوازي" in names
