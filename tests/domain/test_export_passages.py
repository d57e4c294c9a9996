"""The dossier's section of every passage naming the actor: on the demo case, in the JSON and in
the PDF's text layer, including a later report no fact cites and a name with a clitic."""

from __future__ import annotations

import json
import shutil

import pytest
from test_export_pdf import assert_in_pdf, pdftotext

from casefile.demo import build_demo_case
from casefile.export import export_dossier
from casefile.importing.pipeline import import_paths
from casefile.review.proposals import propose_for_new_source

VISIT = "الهدف من زيارة المدعو \"أبو رقية الأحوازي\" طمأنة الأهالي بأن إيران هي المسيطرة"
LATER = "وأبو رقية الأحوازي عاد إلى حطلة في أيلول والتقى بوجهائها."


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from casefile.cases import create_case

    work = tmp_path_factory.mktemp("passages")
    case = create_case(work / "demo.casefile")
    build_demo_case(case)
    later = work / "later.txt"
    later.write_text(f"دير الزور - 20 أيلول 2024\n{LATER}\n", encoding="utf-8")
    assert [o.status for o in import_paths(case, [later], on_new_source=propose_for_new_source)] == ["imported"]
    yield case, work
    case.close()


def test_the_json_has_every_passage_grouped_by_source(demo):
    case, work = demo
    data = json.loads(export_dossier(case, "أبو رقية الأحوازي", work / "d.json", fmt="json").read_text())
    by_title = {s["title"]: s for s in data["passages"]}
    texts = [p["text"] for s in data["passages"] for p in s["passages"]]
    assert any(VISIT in t for t in texts)
    assert any(t.startswith(LATER[:30]) for t in texts)  # no fact cites it: found by name
    later = next(s for s in data["passages"] if any(LATER[:30] in p["text"]
                                                     for p in s["passages"]))
    assert later["published"] == "2024-09-20"
    assert len(by_title) == 2
    for s in data["passages"]:
        for p in s["passages"]:
            assert p["name"] in p["text"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_pdf_prints_the_visit_sentence(demo):
    case, work = demo
    pdf = export_dossier(case, "أبو رقية الأحوازي", work / "d.pdf")
    text = pdftotext(pdf)
    assert "Every passage naming this actor" in text
    section = text[text.index("Every passage naming this actor"):]
    assert_in_pdf(VISIT, section)
    assert_in_pdf("وأبو رقية الأحوازي عاد إلى حطلة", section)
