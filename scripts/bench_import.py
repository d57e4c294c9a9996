"""Import benchmark at the real door: ``casefile import`` on the ANT corpus, extraction on.

    .venv/bin/python scripts/bench_import.py [--limit N] [--small-files 10000] [--corpus TAR.GZ]

Unpacks the corpus into a temporary folder, then runs, each in a fresh process (so its CPU
time and peak memory are its own):

- floor: the same files read, decoded, normalised and inserted into SQLite with an FTS5 index,
  one commit per file, in a few lines of plain Python and sqlite3;
- import alone: ``casefile import`` with the door's extraction step left out;
- import + extraction: the ``casefile`` command itself, as a user runs it.

Prints documents/s, wall and CPU (user+sys, the reader workers included) seconds, each run's
ratio to the floor, and peak memory of the command and its worker processes, two ways
(psutil, sampled every 0.1 s): peak PSS, the memory the tree really uses (each page shared
by n processes counted 1/n in each: the workers are forked from a fork server that loaded
the models, so they share them), and peak RSS summed over the processes, which counts every
shared page once per process and so overstates it. Then a linearity check:
``--small-files`` small files (default 10,000; 0 skips it) through the real door, the time of
each 1,000-file slice (each file's time is when its JSON line arrives on stdout).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "ant" / "ant-v1.1.tar.gz"
CASEFILE = Path(sys.executable).parent / "casefile"  # the console script of this environment


def floor(folder: Path, case_path: Path) -> None:
    """The least any import must do: read, decode, normalise, index, commit per file."""
    import sqlite3

    sys.path.insert(0, str(ROOT))
    from casefile.normalize import normalize

    db = sqlite3.connect(case_path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")  # as Casefile opens a case
    db.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, name TEXT, original BLOB, text TEXT)")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(body)")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        text = data.decode("utf-8", "replace")
        with db:
            cur = db.execute("INSERT INTO docs (name, original, text) VALUES (?, ?, ?)",
                             (path.name, data, text))
            db.execute("INSERT INTO fts (rowid, body) VALUES (?, ?)",
                       (cur.lastrowid, normalize(text)))
    db.close()


def import_without_extraction(folder: Path, case_path: Path) -> int:
    """``casefile import`` exactly, without the door's extraction step."""
    sys.path.insert(0, str(ROOT))
    from casefile.cli import main
    from casefile.review import proposals

    proposals.propose_for_new_source = None
    return main(["import", "--quiet", "--case", str(case_path), str(folder)])


def _tree_memory(proc: psutil.Process, cpu: dict[int, float]) -> tuple[int, int]:
    """The process tree's summed PSS and summed RSS, in bytes; ``cpu`` gets each process's
    CPU seconds so far (the reader workers are the fork server's children, which the
    command's own rusage does not count)."""
    pss = rss = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
            times = p.cpu_times()
        except psutil.Error:
            continue
        pss, rss = pss + info.pss, rss + info.rss
        cpu[p.pid] = times.user + times.system
    return pss, rss


def _run(argv: list[str], stdout_path: Path, line_times: list[float] | None = None) -> dict:
    """Run ``argv`` in a fresh process; its wall time, CPU time (children included) and the
    peak of its process tree's resident memory."""
    started = time.perf_counter()
    peak = [0, 0]  # PSS, RSS
    cpu: dict[int, float] = {}  # pid → CPU seconds, last seen
    with stdout_path.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                encoding="utf-8")
        watched = psutil.Process(proc.pid)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                try:
                    pss, rss = _tree_memory(watched, cpu)
                except psutil.Error:
                    return
                peak[0], peak[1] = max(peak[0], pss), max(peak[1], rss)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        err_lines: list[str] = []
        reader = threading.Thread(target=lambda: err_lines.extend(proc.stderr), daemon=True)
        reader.start()
        assert proc.stdout is not None
        for line in proc.stdout:
            if line_times is not None:
                line_times.append(time.perf_counter())
            out.write(line)
        _, status, usage = os.wait4(proc.pid, 0)
        done.set()
        reader.join(5)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        err = "".join(err_lines)
        raise SystemExit(f"{' '.join(argv[:4])}... failed ({proc.returncode}):\n{err[-3000:]}")
    cpu[proc.pid] = usage.ru_utime + usage.ru_stime  # itself and the children it waited for
    return {"wall": wall, "cpu": sum(cpu.values()),
            "peak_mb": max(peak[0], usage.ru_maxrss * 1024) / 1e6,
            "peak_rss_mb": max(peak[1], usage.ru_maxrss * 1024) / 1e6, "started": started}


def _outcomes(stdout_path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in stdout_path.read_text(encoding="utf-8").splitlines():
        if line.startswith("{"):
            status = json.loads(line)["status"]
            counts[status] = counts.get(status, 0) + 1
    return counts


def _new_case(path: Path) -> None:
    subprocess.run([str(CASEFILE), "new", str(path)], check=True, capture_output=True)


def _unpack(corpus: Path, target: Path, limit: int | None) -> list[Path]:
    with tarfile.open(corpus) as archive:
        members = sorted((m for m in archive.getmembers() if m.isfile()), key=lambda m: m.name)
        if limit:
            members = members[:limit]
        archive.extractall(target, members=members, filter="data")
    return sorted(p for p in target.rglob("*") if p.is_file())


def _small_files(articles: list[Path], target: Path, count: int) -> None:
    """``count`` distinct small reports (a title and a few sentences of an ANT article)."""
    target.mkdir()
    texts = []
    for path in articles:
        body = path.read_text(encoding="utf-8", errors="replace")
        start = body.find("<TEXT>")
        texts.append(body[start + 6 : start + 6 + 400].strip() if start >= 0 else body[:400])
    for i in range(count):
        folder = target / f"{i // 1000:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:05d}.txt").write_text(f"تقرير رقم {i}\n\n{texts[i % len(texts)]}\n",
                                             encoding="utf-8")


def _cpu_name() -> str:
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
    parser.add_argument("--small-files", type=int, default=10_000,
                        help="files of the linearity check (0: skip it)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "CASE"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        mode, folder, case = args.child
        if mode == "floor":
            floor(Path(folder), Path(case))
            return 0
        return import_without_extraction(Path(folder), Path(case))
    if not args.corpus.exists():
        parser.error(f"{args.corpus} not found")

    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="casefile-bench-") as tmp:
        tmp_path = Path(tmp)
        folder = tmp_path / "ant"
        articles = _unpack(args.corpus, folder, args.limit)
        megabytes = sum(p.stat().st_size for p in articles) / 1e6
        me = [sys.executable, __file__, "--child"]
        runs = []
        for label, mode in (("floor", "floor"), ("import alone", "import"),
                            ("import + extraction", "door")):
            case = tmp_path / f"{mode}.casefile"
            if mode == "floor":
                argv = [*me, "floor", str(folder), str(case)]
            else:
                _new_case(case)
                argv = ([*me, "import", str(folder), str(case)] if mode == "import" else
                        [str(CASEFILE), "import", "--quiet", "--case", str(case), str(folder)])
            out = tmp_path / f"{mode}.jsonl"
            result = _run(argv, out)
            result.update(label=label, outcomes=_outcomes(out) if mode != "floor" else {},
                          case_mb=case.stat().st_size / 1e6)
            runs.append(result)
            print(f"  {label}: {result['wall']:.1f} s", file=sys.stderr)

        linear = None
        if args.small_files:
            small = tmp_path / "small"
            _small_files(articles, small, args.small_files)
            case = tmp_path / "small.casefile"
            _new_case(case)
            times: list[float] = []
            result = _run([str(CASEFILE), "import", "--quiet", "--case", str(case), str(small)],
                          tmp_path / "small.jsonl", times)
            marks = [result["started"], *times[999::1000]]
            slices = [b - a for a, b in zip(marks, marks[1:], strict=False)]
            linear = {"files": len(times), "slices": slices,
                      "wall": result["wall"], "cpu": result["cpu"], "peak_mb": result["peak_mb"],
                      "peak_rss_mb": result["peak_rss_mb"],
                      "outcomes": _outcomes(tmp_path / "small.jsonl")}

    docs = len(articles)
    base = runs[0]
    print(f"ANT corpus, {docs} articles, {megabytes:.1f} MB; each run a fresh process")
    print(f"machine: {_cpu_name()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}, load average "
          f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end")
    print()
    print("| run | wall s | docs/s | CPU s (user+sys) | docs/CPU s | × floor (wall) "
          "| × floor (CPU) | peak MB (PSS) | peak MB (RSS summed) |")
    print("|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for r in runs:
        print(f"| {r['label']} | {r['wall']:.1f} | {docs / r['wall']:.0f} | {r['cpu']:.1f} | "
              f"{docs / r['cpu']:.0f} | {r['wall'] / base['wall']:.1f} | "
              f"{r['cpu'] / base['cpu']:.1f} | {r['peak_mb']:.0f} | {r['peak_rss_mb']:.0f} |")
    for r in runs[1:]:
        if set(r["outcomes"]) != {"imported"}:
            print(f"note: {r['label']}: {r['outcomes']}")
    if linear:
        slices = linear["slices"]
        print()
        print(f"Linearity, {linear['files']} small files through `casefile import`: seconds per "
              "1,000-file slice (the first includes start-up): "
              + ", ".join(f"{t:.1f}" for t in slices)
              + (f"; last/second {slices[-1] / slices[1]:.2f}" if len(slices) > 2 else "")
              + f"; whole run {linear['wall']:.1f} s wall, {linear['cpu']:.1f} s CPU, "
              f"peak {linear['peak_mb']:.0f} MB PSS ({linear['peak_rss_mb']:.0f} MB RSS summed)"
              + ("" if set(linear["outcomes"]) == {"imported"} else f"; {linear['outcomes']}"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
