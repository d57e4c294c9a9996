"""Precision/recall/F1 of extraction's PERSON, PLACE and GROUP on ../shared/corpus/ner-dev.

Usage: python scripts/eval_ner.py [--corpus ../shared/corpus/ner-dev] [--strict]

AQMAR (CoNLL, B-/I- PER LOC ORG MISC) and Wojood (nested: every tag of a token is listed;
decoded per type) map as PERSON↔PER/PERS, PLACE↔LOC/GPE, GROUP↔ORG. Each sentence's tokens
are joined with spaces and the text is given to ``extract()``. Gold spans are whole tokens
(a clitic such as «ل» in «لزهدي» belongs to the token), so a predicted span is snapped to the
tokens it touches before an exact-span comparison; ``--strict`` compares raw character
spans instead. These corpora are development data: no rule or word list is fitted to them.
"""

from __future__ import annotations

import argparse
import sys
from bisect import bisect_right
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casefile.extraction import extract  # noqa: E402

TYPE_MAP = {"PER": "PERSON", "PERS": "PERSON", "LOC": "PLACE", "GPE": "PLACE", "ORG": "GROUP"}
TYPES = ("PERSON", "PLACE", "GROUP")


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
    spans = set()
    for src, typ in TYPE_MAP.items():
        open_at = None
        for i, (_, tags) in enumerate(sent + [("", [])]):
            b, inside = f"B-{src}" in tags, f"I-{src}" in tags
            if open_at is not None and not inside:
                spans.add((typ, starts[open_at], ends[i - 1]))
                open_at = None
            if b or (inside and open_at is None):
                open_at = i
    return text, starts, ends, spans


def snap(s: int, e: int, starts: list[int], ends: list[int]) -> tuple[int, int]:
    i = bisect_right(starts, s) - 1
    j = bisect_right(starts, e - 1) - 1
    return starts[max(i, 0)], ends[max(j, 0)]


def evaluate(files: list[Path], strict: bool) -> dict[str, Counter]:
    scores = {t: Counter() for t in TYPES}
    for f in files:
        for sent in read_conll(f):
            text, starts, ends, gold = gold_spans(sent)
            pred = set()
            for e in extract(text).entities:
                if e.type in TYPES:
                    s, t = (e.start, e.end) if strict else snap(e.start, e.end, starts, ends)
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/ner-dev")
    ap.add_argument("--strict", action="store_true", help="raw character spans, no token snapping")
    args = ap.parse_args()
    # Wojood train is the development split (rules are read against it); Wojood val and
    # AQMAR are held out and only ever scored.
    sets = {
        "AQMAR": sorted((args.corpus / "aqmar").glob("*.txt")),
        "Wojood-train": sorted((args.corpus / "wojood").glob("train.txt")),
        "Wojood-val": sorted((args.corpus / "wojood").glob("val.txt")),
    }
    print("|                      |  exact span           | partial (overlap)     |       |       |")
    print("| corpus / type        |   P   |   R   |  F1   |   P   |   R   |  F1   |  gold |  pred |")
    print("|----------------------|-------|-------|-------|-------|-------|-------|-------|-------|")
    for name, files in sets.items():
        if not files:
            continue
        scores = evaluate(files, args.strict)
        total = Counter()
        for typ in TYPES:
            print(row(f"{name} {typ}", scores[typ]))
            total.update(scores[typ])
        print(row(f"{name} micro", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
