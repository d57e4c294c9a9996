"""Benchmark: a dossier with 500 incidents and 1,000 citations exported to PDF (target < 5 s).

Builds a throwaway case (the seed report as the source; 500 incidents of one actor, each
with two cited passages, 40 other actors, 30 places), then times each stage of the export:
reading the case into plain data, filling the templates, and printing the PDF in
QtWebEngine's child process; and the same dossier as JSON and the timeline as CSV.

    .venv/bin/python scripts/bench_export.py [--incidents 500] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CASEFILE_USER", "bench")

from casefile.cases import create_case  # noqa: E402
from casefile.db import models as m  # noqa: E402
from casefile.export import export_dossier, export_timeline  # noqa: E402
from casefile.export.dossier_data import build_dossier  # noqa: E402
from casefile.export.html import render_dossier  # noqa: E402
from casefile.export.meta import ExportMeta  # noqa: E402
from casefile.export.pdf import html_to_pdf  # noqa: E402
from casefile.normalize import key  # noqa: E402

SEED = ROOT / "seeds" / "000_42518da6be7191c8.txt"
SUBTYPES = [("strategic_developments", "visit_meeting"), ("strategic_developments", "statement_call"),
            ("battles", "armed_clash"), ("explosions_remote_violence",
                                         "shelling_artillery_missile_attack")]


def build(case, incidents: int) -> int:
    # The seed report six times over: room for a thousand distinct passages (an endnote is
    # one passage, so repeated passages would shrink the benchmark).
    raw = "\n".join([SEED.read_text(encoding="utf-8")] * 6).encode("utf-8")
    text = raw.decode("utf-8")
    sentences = [s.strip() for s in text.replace("\n", ".").split(".") if len(s.strip()) > 40]
    with case.session() as s:
        source = m.Source(sha256=hashlib.sha256(raw).hexdigest(), original=raw,
                          file_name=SEED.name, media_type="text/plain", size=len(raw),
                          title=text.splitlines()[0], publisher="تقرير ميداني",
                          published=dt.date(2024, 9, 2), language="ar", text=text,
                          reliability="B")
        dez = m.Place(name="دير الزور", name_latin="Deir ez-Zor", kind="governorate",
                      latitude=35.33, longitude=40.14)
        places = [m.Place(name=f"قرية رقم {i}", name_latin=f"Village {i}", kind="village",
                          parent=dez, latitude=35 + i / 100, longitude=40 + i / 100)
                  for i in range(30)]
        actor = m.Actor(name="أبو رقية الأحوازي", name_latin="Abu Ruqayya al-Ahwazi",
                        kind="person", notes="مسؤول المركز الثقافي الإيراني في دير الزور.")
        actor.aliases = [m.Alias(text="محمد علي الهادي", key=key("محمد علي الهادي"),
                                 kind="kunya")]
        others = [m.Actor(name=f"فصيل محلي رقم {i}", kind="militia") for i in range(40)]
        s.add_all([source, dez, *places, actor, *others])
        s.flush()
        s.add(m.Relation(type="office", title="مسؤول المركز الثقافي الإيراني", subject=actor,
                         object_place=dez, date_start=dt.date(2024, 8, 1), precision="month"))
        s.add_all([m.Relation(type="affiliated_with", subject=actor, object_actor=o)
                   for o in others[:5]])
        rows = []
        for i in range(incidents):
            type_, subtype = SUBTYPES[i % len(SUBTYPES)]
            inc = m.Incident(title=f"حدث رقم {i + 1}: {sentences[i % len(sentences)][:60]}",
                             type=type_, subtype=subtype,
                             date_start=dt.date(2020, 1, 1) + dt.timedelta(days=3 * i),
                             precision="month" if i % 5 == 0 else "day",
                             place=places[i % len(places)], summary=sentences[i % len(sentences)])
            inc.involvements = [m.Involvement(actor=actor, role="perpetrator"),
                                m.Involvement(actor=others[i % len(others)], role="target")]
            rows.append(inc)
        s.add_all(rows)
        s.flush()
        for i, inc in enumerate(rows):
            for k in range(2):
                start = (2 * i + k) * 11  # distinct passages of 110–190 characters
                end = start + 110 + (7 * i + k) % 80
                s.add(m.Citation(fact_type="incident", fact_id=inc.id, source_id=source.id,
                                 start=start, end=end, quote=text[start:end],
                                 reliability="B", credibility=2 + k))
        return actor.id


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - t0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=500)
    parser.add_argument("--keep", type=Path, help="write the files here instead of a temp dir")
    parser.add_argument("--repeat", type=int, default=3,
                        help="end-to-end PDF exports to time (the best and the median are shown: "
                             "other work on a shared machine only ever adds time)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="casefile-bench-export-"))
    work.mkdir(parents=True, exist_ok=True)
    case_path = work / "bench.casefile"
    case_path.unlink(missing_ok=True)
    case = create_case(case_path, name="bench")
    actor_id, t_build = timed(lambda: build(case, args.incidents))
    meta = ExportMeta(case_name=case.name, analyst=case.user)

    def read():
        with case.read_session() as s:
            return build_dossier(s, actor_id, meta)

    dossier, t_read = timed(read)
    html, t_html = timed(lambda: render_dossier(dossier))
    page = work / "dossier.html"
    page.write_text(html, encoding="utf-8")
    _, t_print = timed(lambda: html_to_pdf(page, work / "stages.pdf"))
    runs = []
    for _ in range(max(1, args.repeat)):
        pdf, seconds = timed(lambda: export_dossier(case, actor_id, work / "dossier.pdf"))
        runs.append(seconds)
    t_total, t_median = min(runs), statistics.median(runs)
    _, t_json = timed(lambda: export_dossier(case, actor_id, work / "dossier.json", fmt="json"))
    _, t_csv = timed(lambda: export_timeline(case, work / "timeline.csv", fmt="csv"))
    case.close()
    pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = next((ln.split()[-1] for ln in pages.splitlines() if ln.startswith("Pages")), "?")

    print(f"Export benchmark: {len(dossier.incidents)} incidents, {len(dossier.endnotes)} "
          f"citations, {pages} PDF pages, {len(html) / 1e6:.1f} MB of HTML")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}, {platform.system()}")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'stage':52} {'seconds':>8}")
    for label, seconds in [
        ("(setup) build the case", t_build),
        ("read the case into dossier data", t_read),
        ("fill the HTML templates", t_html),
        ("print the PDF (QtWebEngine child process)", t_print),
        (f"export_dossier → PDF, end to end (best of {len(runs)})", t_total),
        (f"export_dossier → PDF, end to end (median of {len(runs)})", t_median),
        ("export_dossier → JSON", t_json),
        ("export_timeline → CSV (whole case)", t_csv),
    ]:
        print(f"{label:52} {seconds:8.2f}")
    verdict = "OK" if t_median < 5 else "SLOWER THAN THE 5 s TARGET"
    print(f"target: PDF end to end < 5 s (median) → {verdict}")
    print(f"files in {work}")
    return 0 if t_median < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
