"""Precision/recall/F1 of extraction's PERSON, PLACE and GROUP on held-out data.

Usage: python scripts/eval_ner.py [--corpus ../shared/corpus] [--strict] [--rules-only]
                                  [--sets wojood-val,aqmar,wikifane,conflict]

Sets (none of them trained on or tuned on):
- Wojood val (CoNLL, nested: every tag of a token is gold; PERS → PERSON, ORG → GROUP,
  GPE / LOC / FAC → PLACE);
- AQMAR, the articles ``ner_data.aqmar_split`` holds out (PER, ORG, LOC);
- WikiFANE, its last 5 % of sentences (classes mapped as in ``ner_data``);
- conflict reports: ANT articles about Syria annotated for Casefile
  (tests/fixtures/ner_conflict/*.json, guidelines in its README.md).
Each sentence's (or report's) text goes through ``extract()``. Gold spans are whole tokens, so
a predicted span is snapped to the tokens it touches before an exact-span comparison
(``--strict``: raw character spans). ``--rules-only`` runs the rules without the learned
tagger (the "before"). The reliability table bins the proposals by confidence and shows the
share that is exactly right.
"""

from __future__ import annotations

import argparse
import json
import sys
from bisect import bisect_right
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casefile.extraction import extract  # noqa: E402
from casefile.extraction.ner_data import (  # noqa: E402
    WIKIFANE_HELD_FRACTION,
    aqmar_split,
    read_wikifane,
    spans,
)

TYPE_MAP = {"PER": "PERSON", "PERS": "PERSON", "LOC": "PLACE", "GPE": "PLACE", "FAC": "PLACE",
            "ORG": "GROUP"}
TYPES = ("PERSON", "PLACE", "GROUP")
CONFLICT_DIR = ROOT / "tests/fixtures/ner_conflict"


def read_conll(path: Path) -> list[list[tuple[str, list[str]]]]:
    """Sentences of (token, tags); '$#$' marks and blank lines end a sentence."""
    sentences, cur = [], []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if not parts or parts[0] == "$#$":
            if cur:
                sentences.append(cur)
            cur = []
            continue
        cur.append((parts[0], parts[1:]))
    if cur:
        sentences.append(cur)
    return sentences


def gold_spans(sent: list[tuple[str, list[str]]]) -> tuple[str, list[int], list[int], set]:
    starts, ends, pos = [], [], 0
    for tok, _ in sent:
        starts.append(pos)
        ends.append(pos + len(tok))
        pos += len(tok) + 1
    text = " ".join(tok for tok, _ in sent)
    found = set()
    for src, typ in TYPE_MAP.items():
        open_at = None
        for i, (_, tags) in enumerate(sent + [("", [])]):
            b, inside = f"B-{src}" in tags, f"I-{src}" in tags
            if open_at is not None and not inside:
                found.add((typ, starts[open_at], ends[i - 1]))
                open_at = None
            if b or (inside and open_at is None):
                open_at = i
    return text, starts, ends, found


def snap(s: int, e: int, starts: list[int], ends: list[int]) -> tuple[int, int]:
    i = bisect_right(starts, s) - 1
    j = bisect_right(starts, e - 1) - 1
    return starts[max(i, 0)], ends[max(j, 0)]


def conll_docs(files: list[Path]):
    for f in files:
        for sent in read_conll(f):
            yield gold_spans(sent)


def wikifane_docs(corpus: Path):
    wiki = list(read_wikifane(corpus / "ner-train/wikifane/WikiFANE_Gold_2014_500K.txt"))
    for s in wiki[int(len(wiki) * (1 - WIKIFANE_HELD_FRACTION)):]:
        starts = [s.tm.orig(x) for x in s.tm.starts]
        ends = [s.tm.orig(x - 1) + 1 for x in s.tm.ends]
        gold = {(t, starts[a], ends[b - 1]) for t, a, b in spans(s.labels)}
        yield s.text, starts, ends, gold


def conflict_docs(folder: Path):
    """Hand-annotated reports: {"text": …, "entities": [{"type", "start", "end"}…]}."""
    import re

    for f in sorted(folder.glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        text = doc["text"]
        toks = list(re.finditer(r"\S+", text))
        starts, ends = [m.start() for m in toks], [m.end() for m in toks]
        gold = set()
        for e in doc["entities"]:
            gold.add((e["type"], *snap(e["start"], e["end"], starts, ends)))
        yield text, starts, ends, gold


def evaluate(docs, strict: bool, use_model: bool, reliability: list) -> dict[str, Counter]:
    scores = {t: Counter() for t in TYPES}
    for text, starts, ends, gold in docs:
        pred = set()
        for e in extract(text, use_model=use_model).entities:
            if e.type in TYPES:
                s, t = (e.start, e.end) if strict else snap(e.start, e.end, starts, ends)
                if (e.type, s, t) not in pred:
                    reliability.append((e.confidence, (e.type, s, t) in gold))
                pred.add((e.type, s, t))
        for typ in TYPES:
            g = {x for x in gold if x[0] == typ}
            p = {x for x in pred if x[0] == typ}
            scores[typ]["tp"] += len(g & p)
            scores[typ]["gold"] += len(g)
            scores[typ]["pred"] += len(p)
            # Partial match: any overlap of the same type (conventions differ on whether
            # «مدينة» in «مدينة البيرة» or «جريدة» in «جريدة فلسطين» belongs to the name).
            scores[typ]["ptp"] += sum(
                1 for x in p if any(x[1] < y[2] and y[1] < x[2] for y in g)
            )
            scores[typ]["gtp"] += sum(
                1 for y in g if any(x[1] < y[2] and y[1] < x[2] for x in p)
            )
    return scores


def _prf(tp_p: int, tp_r: int, c: Counter) -> tuple[float, float, float]:
    p = tp_p / c["pred"] if c["pred"] else 0.0
    r = tp_r / c["gold"] if c["gold"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def row(name: str, c: Counter) -> str:
    p, r, f = _prf(c["tp"], c["tp"], c)
    pp, pr, pf = _prf(c["ptp"], c["gtp"], c)
    return (
        f"| {name:<20} | {p:5.3f} | {r:5.3f} | {f:5.3f} | {pp:5.3f} | {pr:5.3f} | {pf:5.3f} "
        f"| {c['gold']:5d} | {c['pred']:5d} |"
    )


def reliability_table(per_set: dict[str, list[tuple[float, bool]]]) -> None:
    """Per set and pooled: of the proposals at confidence c, the share exactly right (a
    calibrated confidence has share ≈ mean confidence in every bin)."""
    pooled = [x for items in per_set.values() for x in items]
    for name, items in [*per_set.items(), ("all sets", pooled)]:
        print(f"\nreliability, {name}")
        print("| confidence | proposals | mean confidence | share right |")
        print("|------------|-----------|-----------------|-------------|")
        bins: dict[int, list[tuple[float, bool]]] = {}
        for conf, ok in items:
            bins.setdefault(min(int(conf * 10), 9), []).append((conf, ok))
        for b in sorted(bins):
            rows = bins[b]
            mean = sum(c for c, _ in rows) / len(rows)
            right = sum(ok for _, ok in rows) / len(rows)
            print(f"| {b / 10:.1f}–{(b + 1) / 10:.1f}    | {len(rows):9d} | {mean:15.2f} "
                  f"| {right:11.2f} |")
        if items:  # expected calibration error: the bins' |mean − share|, weighted by size
            ece = sum(abs(sum(c for c, _ in r) - sum(ok for _, ok in r)) for r in bins.values())
            print(f"expected calibration error: {ece / len(items):.3f} over {len(items)} proposals")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus")
    ap.add_argument("--strict", action="store_true", help="raw character spans, no token snapping")
    ap.add_argument("--rules-only", action="store_true", help="without the learned tagger")
    ap.add_argument("--sets", default="wojood-val,aqmar,wikifane,conflict")
    args = ap.parse_args()
    _, aq_held = aqmar_split(args.corpus / "ner-dev/aqmar")
    sets = {
        "Wojood-val": lambda: conll_docs([args.corpus / "ner-dev/wojood/val.txt"]),
        "AQMAR-held": lambda: conll_docs(aq_held),
        "WikiFANE-held": lambda: wikifane_docs(args.corpus),
        "Conflict": lambda: conflict_docs(CONFLICT_DIR),
    }
    wanted = {w.strip().lower() for w in args.sets.split(",")}
    print(f"extraction: {'rules only' if args.rules_only else 'rules + learned tagger'}")
    print("|                      |  exact span           | partial (overlap)     |       |       |")
    print("| corpus / type        |   P   |   R   |  F1   |   P   |   R   |  F1   |  gold |  pred |")
    print("|----------------------|-------|-------|-------|-------|-------|-------|-------|-------|")
    rel: dict[str, list[tuple[float, bool]]] = {}
    for name, docs in sets.items():
        if name.split("-")[0].lower() not in wanted and name.lower() not in wanted:
            continue
        scores = evaluate(docs(), args.strict, not args.rules_only, rel.setdefault(name, []))
        total = Counter()
        for typ in TYPES:
            print(row(f"{name} {typ}", scores[typ]))
            total.update(scores[typ])
        print(row(f"{name} micro", total))
    reliability_table(rel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
