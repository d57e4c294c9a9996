"""Incidents and dates on real reports, against the hand annotation in tests/fixtures/incidents_gold.

Usage: python scripts/eval_incidents.py [--corpus ../shared/corpus/ant/ant-v1.1.tar.gz]
       python scripts/eval_incidents.py --dev [--limit N] [--offset K]   # print proposals on the dev articles
       python scripts/eval_incidents.py --gold tests/fixtures/incidents_dev/ant_dev.json  # score the dev annotation

The gold articles are held out (GUIDELINES.md): rules are developed on the dev articles only,
which ``--dev`` prints for reading. Each article's <TEXT> is extracted with its <TIME> as the
report date, as the application imports it. Prints incident recall/precision; for found
incidents the sub-type, place, actor and date agreement; DATE recall/precision and value accuracy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import ant_corpus  # noqa: E402

from casefile.extraction import extract  # noqa: E402
from casefile.normalize import normalize  # noqa: E402

GOLD = ROOT / "tests" / "fixtures" / "incidents_gold" / "ant_gold.json"
# A small annotation of dev articles (tuned on, not held out), scored with --gold.
DEV_GOLD = ROOT / "tests" / "fixtures" / "incidents_dev" / "ant_dev.json"
_SYRIA = re.compile("سوريا|سورية|السوري")
_VIOLENCE = re.compile("قصف|غارة|غارات|اشتباك|هجوم|قتل|مقتل")
_MAX_BYTES = 3500


def _find(text: str, needle: str, nth: int) -> int:
    at = -1
    for _ in range(nth):
        at = text.find(needle, at + 1)
        if at < 0:
            raise ValueError(f"gold text {needle!r} (#{nth}) is not in the article")
    return at


def _key(s: str) -> str:
    return " ".join(normalize(s).replace('"', " ").split())


def _same(pred: str, alternatives: list[str]) -> bool:
    p = _key(pred)
    for alt in alternatives:
        a = _key(alt)
        if p and a and (p == a or (min(len(p), len(a)) >= 3 and (a in p or p in a))):
            return True
    return False


def candidates(folder: Path) -> list[tuple[str, Path]]:
    """The selection rule of GUIDELINES.md, before any reading: SHA-1 order of file names."""
    rows = []
    for path in folder.rglob("*.txt"):
        if path.stat().st_size >= _MAX_BYTES:
            continue
        raw = path.read_text(encoding="utf-8", errors="replace")
        if _SYRIA.search(raw) and _VIOLENCE.search(raw):
            rows.append((hashlib.sha1(path.name.encode()).hexdigest(), path))
    return [(p.stem, p) for _, p in sorted(rows)]


def _spans(inc: dict) -> list[tuple[int, int]]:
    return [(inc["start"], inc["end"]), *[tuple(m) for m in inc["mentions"]]]


def score(gold: dict, folder: Path, show: bool = False) -> dict[str, float]:
    """Totals over the annotation; ``show`` prints each gold incident's outcome (dev only)."""
    by_name = {p.stem: p for p in folder.rglob("*.txt")}
    t = dict.fromkeys(
        "gold pred found sub place place_n act_tp act_pred act_gold date date_n "
        "dgold dpred dgold_hit dpred_hit dvalue".split(), 0
    )
    for doc, ann in gold["documents"].items():
        _, _, when, text = next(ant_corpus.articles(by_name[doc].parent, only=by_name[doc]))
        res = extract(text, report_date=when).to_json()
        preds = res["incidents"]
        ents = res["entities"]
        t["gold"] += len(ann["incidents"])
        t["pred"] += len(preds)
        used: set[int] = set()
        for g in ann["incidents"]:
            at = _find(text, g["anchor"], g["nth"])
            hit = next(
                (
                    k
                    for k, p in enumerate(preds)
                    if k not in used
                    and p["type"] == g["type"]
                    and any(s <= at < e for s, e in _spans(p))
                ),
                None,
            )
            if hit is None:
                if show:
                    print(f"MISS {doc} {g['anchor']}#{g['nth']} {g['type']}")
                continue
            used.add(hit)
            p = preds[hit]
            if show:
                acts = [a["name"] for a in p["actors"]]
                print(f"FOUND {doc} {g['anchor']}: place {p['place']} / {g['place']}, "
                      f"actors {acts} / {g['actors']}, date {p['date']['value']} / {g['date']}")
            t["found"] += 1
            t["sub"] += p["subtype"] == g["subtype"]
            if g["place"] is not None:
                t["place_n"] += 1
                t["place"] += p["place"] is not None and _same(p["place"], g["place"])
            names = [a["name"] for a in p["actors"]]
            texts = [ents[a["entity"]]["text"] for a in p["actors"]]
            t["act_pred"] += len(names)
            t["act_gold"] += len(g["actors"])
            t["act_tp"] += sum(
                any(_same(n, alts) or _same(x, alts) for n, x in zip(names, texts, strict=True))
                for alts in g["actors"]
            )
            t["act_pred_ok"] = t.get("act_pred_ok", 0) + sum(
                any(_same(n, alts) or _same(x, alts) for alts in g["actors"])
                for n, x in zip(names, texts, strict=True)
            )
            if g["date"] is not None:
                t["date_n"] += 1
                ok = [g["date"]["value"], *g["date"].get("alt", [])]
                t["date"] += p["date"]["value"] in ok
        if show:
            for k, p in enumerate(preds):
                if k not in used:
                    print(f"FALSE {doc} [{p['subtype']}] {text[p['start']:p['end']][:80]}")
        pdates = [(e["start"], e["end"], (e.get("date") or {}).get("value")) for e in ents
                  if e["type"] == "DATE"]
        gspans = []
        for g in ann["dates"]:
            s = _find(text, g["text"], g["nth"])
            gspans.append((s, s + len(g["text"]), g["value"]))
        t["dgold"] += len(gspans)
        t["dpred"] += len(pdates)
        t["dpred_hit"] += sum(any(s < ge and gs < e for gs, ge, _ in gspans) for s, e, _ in pdates)
        for gs, ge, value in gspans:
            over = [v for s, e, v in pdates if s < ge and gs < e]
            if over:
                t["dgold_hit"] += 1
                t["dvalue"] += value in over
    return t


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "—"


def report(t: dict) -> None:
    rows = [
        ("incident recall", t["found"], t["gold"]),
        ("incident precision", t["found"], t["pred"]),
        ("sub-type agreement (found)", t["sub"], t["found"]),
        ("place agreement (found, gold has a place)", t["place"], t["place_n"]),
        ("actor recall (found)", t["act_tp"], t["act_gold"]),
        ("actor precision (found)", t.get("act_pred_ok", 0), t["act_pred"]),
        ("date agreement (found, gold has a date)", t["date"], t["date_n"]),
        ("DATE recall", t["dgold_hit"], t["dgold"]),
        ("DATE precision", t["dpred_hit"], t["dpred"]),
        ("DATE value accuracy (found)", t["dvalue"], t["dgold_hit"]),
    ]
    print("| measure | value | count |\n|---|--:|--:|")
    for name, a, b in rows:
        print(f"| {name} | {_ratio(a, b)} | {a}/{b} |")


def dev(folder: Path, gold: dict, limit: int, offset: int = 0) -> None:
    by_name = {p.stem: p for p in folder.rglob("*.txt")}
    held_out = {next(ant_corpus.articles(folder, only=by_name[d]))[3] for d in gold["documents"]}
    shown = 0
    for doc, path in candidates(folder):
        _, title, when, text = next(ant_corpus.articles(path.parent, only=path))
        if doc in gold["documents"] or text in held_out or shown >= offset + limit:
            continue  # ANT repeats some articles under two names: the copy is held out too
        shown += 1
        if shown <= offset:
            continue
        res = extract(text, report_date=when).to_json()
        print(f"===== {doc} ({when}) {title}\n{text}\n")
        for i in res["incidents"]:
            acts = ", ".join(f"{a['name']}:{a['role']}" for a in i["actors"])
            print(f"  [{i['type']}/{i['subtype']}] place={i['place']} date={i['date']} "
                  f"actors=({acts}) :: {text[i['start']:i['end']][:90]}")
        dates = [(e["text"], (e.get("date") or {}).get("value")) for e in res["entities"]
                 if e["type"] == "DATE"]
        print("  DATES", dates, "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ant_corpus.ANT_TARBALL)
    ap.add_argument("--dev", action="store_true", help="print proposals on dev articles")
    ap.add_argument("--limit", type=int, default=20)
    ap.add_argument("--offset", type=int, default=0, help="skip the first N dev articles")
    ap.add_argument("--show", action="store_true",
                    help="print each incident's outcome (refused on the held-out gold)")
    ap.add_argument("--gold", type=Path, default=GOLD,
                    help=f"annotation to score (default: the held-out gold; dev: {DEV_GOLD.name})")
    args = ap.parse_args()
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    scored = json.loads(args.gold.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        ant_corpus.ANT_TARBALL = args.corpus
        folder = ant_corpus.unpack(Path(tmp))
        if args.dev:
            dev(folder, gold, args.limit, args.offset)
            return 0
        if args.show and args.gold.resolve() == GOLD.resolve():
            ap.error("--show reads the held-out gold's errors: use it on a dev annotation")
        t = score(scored, folder, args.show)
    kind = "held-out" if args.gold == GOLD else "dev (tuned on)"
    print(f"{len(scored['documents'])} {kind} ANT reports, {t['gold']} gold incidents, "
          f"{t['dgold']} gold dates")
    report(t)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
