"""The import's progress dialog (documents per second, time left) and the same import
hidden to the status bar, in English and Arabic.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_import.py [OUT]

Makes a few hundred reports from the seed's paragraphs, imports them through the
window (extraction on, as every door does), photographs the dialog once the pace is
known, presses Hide and photographs the status bar and the window, then cancels from
the status bar. OUT defaults to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import shoot as grab  # noqa: E402

from casefile.cases import create_case  # noqa: E402
from ui.core.app import make_application  # noqa: E402
from ui.core.settings import AppSettings  # noqa: E402


def make_reports(folder: Path, n: int) -> list[str]:
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    paragraphs = [p for p in seed.splitlines() if p.strip()]
    paths = []
    for i in range(n):
        k = i % len(paragraphs)
        path = folder / f"تقرير_{i:04}.txt"
        path.write_text("\n".join(paragraphs[k:] + paragraphs[:k]) + f"\n{i}\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def wait(app: QApplication, until, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the import did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def shoot(widget, out: Path, name: str) -> None:
    QApplication.instance().processEvents()  # the last texts laid out
    grab(widget, out, name)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--files", type=int, default=400)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="casefile-import-shots-"))
    app = make_application()
    from ui.core import i18n
    from ui.desk.main_window import MainWindow

    i18n.settings = lambda: QSettings(str(work / "prefs.ini"), QSettings.Format.IniFormat)
    reports = work / "reports"
    reports.mkdir()
    paths = make_reports(reports, args.files)
    for lang in ("en", "ar"):
        i18n.apply_language(lang)
        suffix = "" if lang == "en" else "_ar"
        case = create_case(work / f"import-{lang}.casefile")
        settings = AppSettings(QSettings(str(work / f"s-{lang}.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.resize(1500, 920)
        window.show()
        window.install_case(case, None)
        run = window.import_paths(paths)
        dialog = run.progress
        wait(app, lambda d=dialog: d.units_done >= 12 and d.meter.seconds_left(d.units_total))
        wait(app, lambda d=dialog: d.units_done >= 20)
        shoot(dialog, out, f"import_progress{suffix}")
        dialog.hide_button.click()
        [task] = window.status.background_tasks()
        wait(app, lambda d=dialog: d.units_done >= 40)
        shoot(window.status, out, f"import_progress_status_bar{suffix}")
        shoot(window, out, f"import_progress_hidden_window{suffix}")
        print(f"{lang}: {dialog.counts.text()} | {dialog.rate.text()} | {task.text.text()}")
        task.cancel_button.click()
        wait(app, lambda r=run: r.summary is not None)
        run.summary.close()
        window.close()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
