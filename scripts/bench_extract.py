"""Benchmark: extraction alone over the whole ANT corpus, in documents per second.

Usage: python scripts/bench_extract.py [--corpus ../shared/corpus/ant/ant-v1.1.tar.gz] [--limit N]

The archive is unpacked to a temporary directory; each article's <TEXT> body is extracted
with its <TIME> as the report date. Reading and parsing the files is not timed; only
``extract()`` is. Prints documents/s, characters/s, entity counts and the slowest document.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import tarfile
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casefile.dates import parse_date_text  # noqa: E402
from casefile.extraction import extract, shipped_gazetteer  # noqa: E402

TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
TIME = re.compile(r"<TIME>(.*?)</TIME>", re.S)


def load(archive: Path, limit: int | None) -> list[tuple[str, date | None]]:
    docs: list[tuple[str, date | None]] = []
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        for path in sorted(Path(tmp).rglob("*.txt")):
            raw = path.read_text(encoding="utf-8", errors="replace")
            m, t = TEXT.search(raw), TIME.search(raw)
            if not m:
                continue
            when = parse_date_text(t.group(1)) if t else None  # dd/mm/yyyy in ANT
            docs.append((m.group(1).strip(), when))
            if limit and len(docs) >= limit:
                break
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared/corpus/ant/ant-v1.1.tar.gz"
    )
    ap.add_argument("--limit", type=int, default=None)
    args = ap.parse_args()
    docs = load(args.corpus, args.limit)
    shipped_gazetteer()  # loaded once per process, as in the application
    extract('تمهيد: زار المدعو "أحمد" قرية حطلة أمس.', report_date=date(2024, 1, 1))
    counts: dict[str, int] = {}
    n_inc = 0
    slowest = (0.0, 0)
    chars = sum(len(t) for t, _ in docs)
    start = time.perf_counter()
    for i, (text, when) in enumerate(docs):
        t0 = time.perf_counter()
        res = extract(text, report_date=when)
        dt = time.perf_counter() - t0
        if dt > slowest[0]:
            slowest = (dt, i)
        for e in res.entities:
            counts[e.type] = counts.get(e.type, 0) + 1
        n_inc += len(res.incidents)
    elapsed = time.perf_counter() - start
    print(f"machine: {platform.processor() or platform.machine()}, {platform.python_version()}")
    print(f"documents: {len(docs)}  characters: {chars:,}")
    print(
        f"elapsed: {elapsed:.1f} s  ->  {len(docs) / elapsed:.0f} documents/s, "
        f"{chars / elapsed / 1e6:.2f} M chars/s"
    )
    print(
        "entities:", ", ".join(f"{k}={v}" for k, v in sorted(counts.items())), f"incidents={n_inc}"
    )
    print(f"slowest document: {slowest[0] * 1000:.0f} ms ({len(docs[slowest[1]][0])} chars)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
