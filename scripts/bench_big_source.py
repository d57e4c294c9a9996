"""Search when one source is 60 MB of text: `casefile search` time and peak memory.

    .venv/bin/python scripts/bench_big_source.py [--mb 60] [--repeat 3]

Builds a text file of ANT articles (../shared/corpus/ant) one after the other up to the
size asked, imports it into a fresh case beside one ordinary article (through the import
pipeline, extraction left out: it is not what is measured here), and runs
`casefile search` on queries that hit it, as a user would. Each run is a new process;
its wall time and peak resident memory are measured. The same queries on a case with
the ordinary article only give the cost of starting the command, for comparison.
Floors: < 1 s more than the baseline, < 500 MB peak.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

from ant_corpus import articles, unpack  # noqa: E402

from casefile.cases import create_case  # noqa: E402
from casefile.importing import pipeline  # noqa: E402

QUERIES = ["الحكومة", "بالحرس", "مجلس نواب الشعب", "الإرهاب", "كلمةلاتوجد"]
FLOOR_EXTRA_S, FLOOR_MB = 1.0, 500


def _texts(folder: Path, size: int) -> tuple[str, str]:
    """One ordinary article, and the others one after the other (again from the start
    when the corpus runs out) up to ``size`` bytes."""
    everything = [f"{title}\n{body}\n" for _p, title, _d, body in articles(folder)]
    parts, total, i = [], 0, 1
    while total < size:
        parts.append(everything[1 + (i - 1) % (len(everything) - 1)])
        total += len(parts[-1].encode())
        i += 1
    return everything[0], "".join(parts)


def _build(work: Path, mb: int) -> None:
    """The two cases (run in a child process, so the measured searches are not forked
    from a process that held the whole text)."""
    small, big = _texts(unpack(work / "ant"), mb * 1024 * 1024)
    (work / "ordinary.txt").write_text(small, encoding="utf-8")
    (work / "big.txt").write_text(big, encoding="utf-8")
    for name, files in (("big", ["ordinary.txt", "big.txt"]), ("baseline", ["ordinary.txt"])):
        case = create_case(work / f"{name}.casefile")
        try:
            outcomes = list(pipeline.import_paths(case, [work / f for f in files]))
        finally:
            case.close()
        assert all(o.status == "imported" for o in outcomes), outcomes
    print(len(big))


def _run(case: Path, query: str) -> tuple[float, float, int]:
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "casefile", "search", "--case", str(case),
                             query, "--json"], stdout=subprocess.PIPE, cwd=ROOT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"casefile search failed for {query!r}")
    return elapsed, usage.ru_maxrss / 1024, len(json.loads(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        _build(args.build, args.mb)
        return
    with tempfile.TemporaryDirectory(prefix="bench-big-") as tmp:
        work = Path(tmp)
        chars = int(subprocess.run([sys.executable, __file__, "--build", str(work), "--mb",
                                    str(args.mb)], check=True, stdout=subprocess.PIPE,
                                   text=True).stdout)
        cases = {"big": work / "big.casefile", "baseline": work / "baseline.casefile"}
        size = (work / "big.txt").stat().st_size / 1024 / 1024
        print(f"one source of {size:.1f} MB ({chars:,} characters); "
              f"median of {args.repeat} runs of `casefile search --json`\n")
        print("| query | hits | big case s | baseline s | extra s (floor < 1) "
              "| peak MB (floor < 500) | baseline peak MB |")
        print("|---|--:|--:|--:|--:|--:|--:|")
        worst_extra, worst_mb = 0.0, 0.0
        for query in QUERIES:
            runs = {name: [_run(path, query) for _ in range(args.repeat)]
                    for name, path in cases.items()}
            big_s = statistics.median(r[0] for r in runs["big"])
            base_s = statistics.median(r[0] for r in runs["baseline"])
            peak = max(r[1] for r in runs["big"])
            base_peak = max(r[1] for r in runs["baseline"])
            worst_extra, worst_mb = max(worst_extra, big_s - base_s), max(worst_mb, peak)
            print(f"| {query} | {runs['big'][0][2]} | {big_s:.2f} | {base_s:.2f} "
                  f"| {big_s - base_s:.2f} | {peak:.0f} | {base_peak:.0f} |")
        ok = worst_extra < FLOOR_EXTRA_S and worst_mb < FLOOR_MB
        print(f"\n{'PASS' if ok else 'FAIL'}: worst extra {worst_extra:.2f} s, "
              f"worst peak {worst_mb:.0f} MB")


if __name__ == "__main__":
    main()
