"""A 20-page scan through ``casefile import`` and through the window: seconds per page,
cores used, and whether the window stays responsive.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/bench_ocr_scan.py [--pages 20]

The scan is an image-only PDF (Pillow, 300 dpi) of pages set from the seed report
and ANT articles in the bundled fonts (``page_render``), as a scanner writes it.
It is imported three times into new cases, extraction on:

- ``casefile import`` pinned to one core (``taskset -c 0``): the floor;
- ``casefile import`` on all cores;
- the window's import (the desk's import dialog), timing the longest gap between
  ticks of a 20 ms timer on the UI thread while OCR runs.

"Cores used" is the CPU time of the import and its children (the reader worker,
each page's Tesseract) divided by its wall time; it is low when other jobs share
the cores. "Pages at once" counts the Tesseract processes running, sampled every
0.1 s: the most seen, and the mean while any ran.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from bench_ocr import texts  # noqa: E402
from page_render import render_page  # noqa: E402


def make_scan(path: Path, pages: int) -> None:
    images = [render_page(paragraphs, font=("naskh", "sans")[i % 2])[0].convert("RGB")
              for i, paragraphs in enumerate(texts(pages))]  # fmt: skip
    images[0].save(path, format="PDF", resolution=300, save_all=True, append_images=images[1:])


class TesseractWatch:
    """Counts this process's Tesseract descendants every 0.1 s: how many pages at once."""

    def __init__(self) -> None:
        self.samples: list[int] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.1):
            try:
                running = sum(p.name() == "tesseract" for p in me.children(recursive=True))
            except psutil.Error:
                continue
            self.samples.append(running)

    def __enter__(self) -> TesseractWatch:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join()

    def at_once(self) -> str:
        """Most Tesseracts seen at once, and the mean while any ran."""
        busy = [n for n in self.samples if n]
        return f"{max(busy, default=0)} / {sum(busy) / max(len(busy), 1):.2f}"


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_import(scan: Path, work: Path, pin: bool) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, Tesseracts at once) of ``casefile import`` of the scan into a new case."""
    case = work / f"cli-{'one' if pin else 'all'}.casefile"
    subprocess.run([sys.executable, "-m", "casefile", "new", str(case)], check=True,
                   capture_output=True)  # fmt: skip
    command = [sys.executable, "-m", "casefile", "import", "--case", str(case), "--quiet",
               str(scan)]  # fmt: skip
    if pin:
        command = ["taskset", "-c", "0", *command]
    cpu, started = _children_cpu(), time.monotonic()
    with TesseractWatch() as watch:
        run = subprocess.run(command, check=True, capture_output=True, text=True)
    wall, cpu = time.monotonic() - started, _children_cpu() - cpu
    assert '"status": "imported"' in run.stdout, run.stdout
    return wall, cpu, watch.at_once()


def window_import(scan: Path, work: Path, pages: int) -> tuple[float, float, str, float,
                                                             list[tuple[float, float]]]:
    """(wall seconds, CPU seconds, Tesseracts at once, the longest UI stall in ms while
    OCR ran, the longest stalls overall as (ms, seconds into the import))."""
    from PySide6.QtCore import QSettings, QTimer

    from casefile.cases import create_case
    from ui.core.app import make_application
    from ui.core.settings import AppSettings
    from ui.desk.main_window import MainWindow

    app = make_application()
    case = create_case(work / "window.casefile")
    window = MainWindow(AppSettings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1600, 1000)
    window.show()
    window.install_case(case, str(work / "window.casefile"))
    for _ in range(50):
        app.processEvents()
        time.sleep(0.02)
    gaps: list[tuple[float, float]] = [(0.0, 0.0)]
    last = [time.monotonic()]
    ocr_done: list[float] = []  # when the dialog said the last page was read

    def tick() -> None:
        now = time.monotonic()
        gaps.append(((now - last[0]) * 1000, now - started))
        last[0] = now
        if not ocr_done and run.progress is not None and \
                f"page {pages} of {pages}" in run.progress.current.text():
            ocr_done.append(now - started)

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    cpu, own = _children_cpu(), time.process_time()
    started = time.monotonic()
    run = window.import_paths([str(scan)])
    run.finished.connect(lambda _report: app.quit())
    last[0] = time.monotonic()
    timer.start()
    with TesseractWatch() as watch:
        app.exec()
    timer.stop()
    wall = time.monotonic() - started
    # The reader worker lives on in this process: its CPU is read from /proc.
    from casefile.importing.reader_process import DEFAULT_BUDGET, shared_reader

    worker = shared_reader(DEFAULT_BUDGET).pid
    worker_cpu = _proc_cpu(worker) if worker else 0.0
    cpu = _children_cpu() - cpu + (time.process_time() - own) + worker_cpu
    if run.summary is not None:
        run.summary.close()
    window.close()
    end = ocr_done[0] if ocr_done else wall
    during = max(ms for ms, at in gaps if at <= end)
    return wall, cpu, watch.at_once(), during, sorted(gaps, reverse=True)[:3]


def _proc_cpu(pid: int) -> float:
    """CPU seconds of a live process with its waited-for children (Tesseract)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime stime cutime cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--skip-window", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ocr-scan-") as tmp:
        work = Path(tmp)
        scan = work / "scan.pdf"
        make_scan(scan, args.pages)
        print(f"{args.pages}-page scan, image-only PDF, 300 dpi, OCR ara+eng, extraction on; "
              f"{os.cpu_count()} cores\n")  # fmt: skip
        print("| door | wall s | s/page | cores used | pages at once (max / mean) "
              "| longest UI stall | load before |")
        print("|---|--:|--:|--:|--:|--:|--:|")
        runs = [("casefile import, one core (taskset)", True), ("casefile import", False)]
        for name, pin in runs:
            load = os.getloadavg()[0]
            wall, cpu, at_once = cli_import(scan, work, pin)
            print(f"| {name} | {wall:.0f} | {wall / args.pages:.1f} | {cpu / wall:.2f} "
                  f"| {at_once} | – | {load:.1f} |", flush=True)  # fmt: skip
        if not args.skip_window:
            load = os.getloadavg()[0]
            wall, cpu, at_once, during, stalls = window_import(scan, work, args.pages)
            print(f"| window | {wall:.0f} | {wall / args.pages:.1f} | {cpu / wall:.2f} "
                  f"| {at_once} | {during:.0f} ms | {load:.1f} |", flush=True)  # fmt: skip
            print(f"\nlongest UI stall while OCR ran: {during:.0f} ms; longest overall: " +
                  ", ".join(f"{ms:.0f} ms at {at:.0f} s" for ms, at in stalls) +
                  f" (of {wall:.0f} s)")  # fmt: skip
        print(f"\nload after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
