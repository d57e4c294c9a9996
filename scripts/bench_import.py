"""Import benchmark on the ANT corpus (10,161 Arabic news articles).

    .venv/bin/python scripts/bench_import.py [--corpus ../shared/corpus/ant/ant-v1.1.tar.gz] [--limit N]

Unpacks the corpus into a temporary folder, then imports every article into a
new case twice, each run in its own process so peak memory is its own:
"import" (readers, hashing, storage, one transaction per file, search indexing
switched off) and "import+index" (the real pipeline, search indexing included).
Prints documents per second, MB per second and peak memory for each.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ant" / "ant-v1.1.tar.gz"


class PeakMemory:
    """Peak resident memory of this process, sampled with psutil."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self._process = psutil.Process()
        self._interval = interval
        self._stop = threading.Event()
        self.peak = self._process.memory_info().rss
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self._interval):
            self.peak = max(self.peak, self._process.memory_info().rss)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        # The kernel's own high-water mark catches peaks between samples.
        self.peak = max(self.peak, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)


def run_one(mode: str, folder: Path, case_path: Path) -> dict:
    """Import ``folder`` into a new case at ``case_path``; runs in a child process."""
    sys.path.insert(0, str(ROOT))
    from casefile.db.case import create_case
    from casefile.importing import pipeline

    pipeline.POST_IMPORT_HOOKS.clear()  # extraction is measured by its own benchmark
    if mode == "import":
        pipeline.index_source = lambda session, source: None  # storage without search
    case = create_case(case_path)
    files = [p for p, _ in pipeline.collect_files([folder])]
    total_bytes = sum(p.stat().st_size for p in files)
    counts: dict[str, int] = {}
    with PeakMemory() as memory:
        started = time.perf_counter()
        for outcome in pipeline.import_paths(case, [folder]):
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        elapsed = time.perf_counter() - started
    case.close()
    return {
        "mode": mode,
        "documents": len(files),
        "outcomes": counts,
        "megabytes": total_bytes / 1e6,
        "seconds": elapsed,
        "docs_per_s": len(files) / elapsed,
        "mb_per_s": total_bytes / 1e6 / elapsed,
        "peak_mb": memory.peak / 1e6,
        "case_mb": case_path.stat().st_size / 1e6,
    }


def _unpack(corpus: Path, target: Path, limit: int | None) -> Path:
    with tarfile.open(corpus) as archive:
        members = [m for m in archive.getmembers() if m.isfile()]
        members.sort(key=lambda m: m.name)
        if limit:
            members = members[:limit]
        archive.extractall(target, members=members, filter="data")
    return target


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, help="only the first N articles (a quick look)")
    parser.add_argument(
        "--child", nargs=3, metavar=("MODE", "FOLDER", "CASE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.child:
        mode, folder, case = args.child
        print(json.dumps(run_one(mode, Path(folder), Path(case))))
        return 0

    if not args.corpus.exists():
        parser.error(f"{args.corpus} not found")
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as tmp:
        folder = _unpack(args.corpus, Path(tmp) / "ant", args.limit)
        results = []
        for mode in ("import", "import+index"):
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    mode,
                    str(folder),
                    str(Path(tmp) / f"{mode}.casefile"),
                ],
                capture_output=True,
                text=True,
                check=False,
            )
            if child.returncode != 0:
                print(child.stderr, file=sys.stderr)
                return 1
            results.append(json.loads(child.stdout.splitlines()[-1]))

    print(f"ANT corpus, {results[0]['documents']} articles, {results[0]['megabytes']:.1f} MB")
    print(
        f"machine: {_cpu()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    print()
    print(
        f"| {'run':<13} | {'docs':>6} | {'seconds':>7} | {'docs/s':>7} | {'MB/s':>6} | {'peak MB':>7} | {'case MB':>7} |"
    )
    print(f"|{'-' * 15}|{'-' * 8}|{'-' * 9}|{'-' * 9}|{'-' * 8}|{'-' * 9}|{'-' * 9}|")
    for r in results:
        print(
            f"| {r['mode']:<13} | {r['documents']:>6} | {r['seconds']:>7.1f} | {r['docs_per_s']:>7.0f} | "
            f"{r['mb_per_s']:>6.2f} | {r['peak_mb']:>7.0f} | {r['case_mb']:>7.1f} |"
        )
    for r in results:
        if set(r["outcomes"]) != {"imported"}:
            print(f"note: {r['mode']}: {r['outcomes']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
