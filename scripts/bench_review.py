"""Benchmark: grouped review on a generated case of 10,000 reports and 90,000 proposals.

Targets: the groups open in < 2 s; one decision on a group of 500 mentions in < 2 s.

The case is generated (not imported: extraction of 10,000 reports is measured by
bench_extract.py): 10,000 sources whose texts hold the names proposed in them, nine proposals
each, names drawn with a Zipf-like spread (a few names in hundreds of reports, most in one or
two) from people, groups and places, a fifth of them linked to confirmed records, plus one
name in exactly 500 mentions. Then it times what the analyst runs: the groups as the desk
reads them (``list_groups``, with and without filters), the same through the CLI
(``casefile review groups --json``, process start included), and one group decision
recorded for undo as the desk does it, its undo, and through ``casefile review decide``.

    .venv/bin/python scripts/bench_review.py [--reports 10000] [--per-report 9] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("CASEFILE_USER", "bench")

from sqlalchemy import insert  # noqa: E402

from casefile.cases import create_case, open_case  # noqa: E402
from casefile.db import models as m  # noqa: E402
from casefile.normalize import key  # noqa: E402
from casefile.review.decide import decide_group  # noqa: E402
from casefile.review.groups import GroupFilter, list_groups, top_new_this_week  # noqa: E402
from casefile.undo import run_action, undo  # noqa: E402

FIRST = ["محمد", "أحمد", "علي", "حسن", "حسين", "خالد", "عمر", "يوسف", "إبراهيم", "سامر",
         "فراس", "مازن", "نزار", "وليد", "جمال", "رامي", "طارق", "زياد", "باسل", "قاسم"]
FAMILY = ["الأحمد", "العلي", "الحسن", "الخطيب", "الحمصي", "الحلبي", "الديري", "الشامي",
          "العبدالله", "الناصر", "السالم", "الجاسم", "المحمد", "الخليل", "العمر", "الحسين",
          "الراوي", "الفرج", "الصالح", "الرشيد", "الكردي", "البكري", "الزعبي", "السعيد"]
GROUP_WORDS = ["لواء", "كتيبة", "فوج", "جيش", "حركة", "تجمع"]
PLACE_WORDS = ["قرية", "بلدة", "حي", "مدينة"]
PLACE_NAMES = ["الطيبة", "الصالحية", "مراط", "حطلة", "خشام", "الحسينية", "الجنينة", "البصيرة",
               "الشحيل", "ذيبان", "الكسرة", "محيميدة", "الجفرة", "البوليل", "الطوب", "العشارة"]
FLOORS = {"open": 2.0, "decide": 2.0}


def vocabulary(rng: random.Random) -> list[tuple[str, str, str]]:
    """(type, text, kind) names: people, groups and places, most of them rare."""
    names = [("PERSON", f"{f} {f2} {g}", "person") for f in FIRST for f2 in FIRST for g in FAMILY
             if f != f2]
    names += [("GROUP", f"{w} {f} {g}", "militia") for w in GROUP_WORDS for f in FIRST[:8]
              for g in FAMILY[:12]]
    names += [("PLACE", f"{n} {i}" if i else n, "village") for n in PLACE_NAMES
              for i in range(0, 60)]
    rng.shuffle(names)
    return names


def build(case, reports: int, per_report: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    names = vocabulary(rng)
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(names))]
    big = ("PERSON", "أبو حمزة الديري", "person")  # the 500-mention group
    big_in = set(rng.sample(range(reports), 500))
    day0 = dt.date(2024, 1, 1)
    with case.session() as s:
        linked: dict[tuple[str, str], tuple[str, int]] = {}
        for type_, text, kind in names[: len(names) // 5]:  # confirmed records
            if type_ == "PLACE":
                rec = m.Place(name=text, kind=kind)
            else:
                rec = m.Actor(name=text, kind=kind if type_ == "PERSON" else "militia")
            s.add(rec)
            s.flush()
            rec.aliases.append(m.Alias(text=text, key=key(text), kind="name"))
            linked[(type_, text)] = ("place" if type_ == "PLACE" else "actor", rec.id)
        s.flush()
        now = m.utcnow()
        for start in range(0, reports, 1000):
            sources, texts, picks = [], [], []
            for i in range(start, min(reports, start + 1000)):
                chosen = rng.choices(names, weights, k=per_report)
                if i in big_in:
                    chosen[0] = big
                parts, spans = [], []
                pos = 0
                for type_, text, kind in chosen:
                    lead = (rng.choice(PLACE_WORDS) + " ") if type_ == "PLACE" else "قال "
                    sentence = f"{lead}{text} إن الوضع في المنطقة هادئ نسبياً. "
                    spans.append((type_, text, kind, pos + len(lead), pos + len(lead) + len(text)))
                    parts.append(sentence)
                    pos += len(sentence)
                body = "".join(parts)
                data = body.encode("utf-8")
                sources.append({
                    "sha256": hashlib.sha256(data + str(i).encode()).hexdigest(),
                    "original": data, "file_name": f"report_{i:05}.txt",
                    "media_type": "text/plain", "size": len(data), "title": f"تقرير رقم {i}",
                    "publisher": "مراسل محلي", "published": day0 + dt.timedelta(days=i % 365),
                    "language": "ar", "text": body, "status": "ok", "meta": {},
                    "imported_at": now - dt.timedelta(days=(reports - i) % 30),
                    "version": 1, "created_at": now, "updated_at": now})
                texts.append(body)
                picks.append(spans)
            ids = s.scalars(insert(m.Source).returning(m.Source.id), sources).all()
            rows = []
            for sid, spans in zip(ids, picks, strict=True):
                for type_, text, kind, a, b in spans:
                    payload = {"canonical": text, "name": text, "latin": None, "kind": kind,
                               "recognizer": "bench", "matched_alias": None}
                    link = linked.get((type_, text))
                    if link:
                        payload["ref"], payload["matched_alias"] = list(link), text
                    rows.append({"source_id": sid, "kind": type_, "subkind": kind, "text": text,
                                 "start": a, "end": b,
                                 "confidence": round(rng.uniform(0.5, 0.97), 3),
                                 "payload": payload, "status": "proposed", "version": 1,
                                 "created_at": now, "updated_at": now})
            s.execute(insert(m.Proposal), rows)
    with case.read_session() as s:
        total = s.query(m.Proposal).count()
    return {"reports": reports, "proposals": total}


def timed(fn, repeat: int = 3) -> tuple[tuple[float, float], object]:
    """Best wall and CPU seconds of ``repeat`` runs (CPU shows the cost on a shared machine)."""
    best, out = (float("inf"), float("inf")), None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        best = min(best, (time.perf_counter() - t, time.process_time() - c))
    return best, out


def cli(*args: str) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "casefile", "review", *args], check=True,
                   capture_output=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--per-report", type=int, default=9)
    ap.add_argument("--keep", type=Path, help="keep the generated case in this folder")
    args = ap.parse_args()
    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench_review_"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "review.casefile"
    path.unlink(missing_ok=True)
    t = time.perf_counter()
    case = create_case(path)
    made = build(case, args.reports, args.per_report)
    case.close()
    print(f"generated {made['reports']:,} reports, {made['proposals']:,} proposals "
          f"in {time.perf_counter() - t:.1f} s ({path})")
    print(f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")

    case = open_case(path)
    rows = []
    with case.read_session() as s:
        sec, groups = timed(lambda: list_groups(s))
        rows.append(("open: all groups (list_groups)", f"{len(groups):,} groups", sec, "open"))
        sec, _ = timed(lambda: list_groups(s, GroupFilter(types={"PERSON"}, known=False)))
        rows.append(("open: new people only", "", sec, "open"))
        sec, week = timed(lambda: list_groups(s, top_new_this_week()))
        rows.append(("open: top new names this week", f"{len(week):,} groups", sec, "open"))
    big = next(g for g in groups if g.name == "أبو حمزة الديري")
    rest = sorted((g for g in groups if g.type == "PLACE" and g.mentions >= 500),
                  key=lambda g: g.mentions)
    case.close()
    rows.append(("CLI: review groups --limit 50 --json", "process start included",
                 cli("groups", "--case", str(path), "--limit", "50", "--json"), "open"))

    case = open_case(path)
    t, c = time.perf_counter(), time.process_time()
    result, action = run_action(case, "Accept group", lambda s: decide_group(s, big, "accept"))
    rows.append((f"decide: accept «{big.name}», undo recorded", f"{big.mentions} mentions, "
                 f"{big.reports} reports", (time.perf_counter() - t, time.process_time() - c),
                 "decide"))
    assert len(result.applied) == big.mentions, result.skipped[:3]
    t, c = time.perf_counter(), time.process_time()
    undo(case, action)
    rows.append((f"undo: the accept of «{big.name}»", f"{big.mentions} mentions",
                 (time.perf_counter() - t, time.process_time() - c), "decide"))
    case.close()
    if rest:
        other = rest[0]
        rows.append((f"CLI: review decide --reject «{other.name}»",
                     f"{other.mentions} mentions, process start included",
                     cli("decide", "--case", str(path), "--group", other.id, "--reject"),
                     "decide"))

    print()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print("| step | size | wall s | CPU s | floor |")
    print("|---|---|--:|--:|--:|")
    for label, size, (wall, cpu), floor in rows:
        print(f"| {label} | {size} | {wall:.2f} | {cpu:.2f} | < {FLOORS[floor]:.0f} |")
    if not args.keep:
        for p in folder.iterdir():
            p.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
