"""Check that two versions of ``extract()`` give exactly the same output on the ANT corpus.

Usage:
  python scripts/check_extract_same.py dump --root DIR --out A.pkl [--limit N]
  python scripts/check_extract_same.py compare A.pkl B.pkl

``dump`` imports ``casefile`` from ``DIR`` (e.g. ``git archive main | tar -x -C /tmp/main``)
and writes every field of every entity (Latin name included), relation and incident of each
document; ``compare`` reports the documents whose outputs differ. For speed work: a faster
pipeline must not change a single span, confidence or link.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def dump(root: Path, out: Path, limit: int | None, corpus: Path) -> int:
    sys.path.insert(0, str(root))
    sys.path.insert(1, str(root / "scripts"))  # its bench_extract puts root first
    from bench_extract import load  # reading the corpus is the benchmark's own

    from casefile.extraction import extract

    rows = []
    for text, when in load(corpus, limit):
        res = extract(text, report_date=when)
        rows.append({
            "status": res.status,
            "entities": [asdict(e) for e in res.entities],
            "relations": [asdict(r) for r in res.relations],
            "incidents": [asdict(i) for i in res.incidents],
        })
    out.write_bytes(pickle.dumps(rows))
    print(f"{len(rows)} documents extracted with {root}")
    return 0


def compare(a: Path, b: Path) -> int:
    left, right = pickle.loads(a.read_bytes()), pickle.loads(b.read_bytes())
    if len(left) != len(right):
        print(f"document counts differ: {len(left)} vs {len(right)}")
        return 1
    differ = [i for i, (x, y) in enumerate(zip(left, right, strict=True)) if x != y]
    for i in differ[:10]:
        for part in ("status", "entities", "relations", "incidents"):
            if left[i][part] != right[i][part]:
                print(f"document {i}: {part} differ")
    print(f"{len(left)} documents compared, {len(differ)} differ")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--root", type=Path, default=ROOT)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--limit", type=int, default=None)
    d.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared/corpus/ant/ant-v1.1.tar.gz"
    )
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = ap.parse_args()
    if args.command == "dump":
        return dump(args.root.resolve(), args.out, args.limit, args.corpus)
    return compare(args.a, args.b)


if __name__ == "__main__":
    raise SystemExit(main())
