"""A scanned page and a phone photo imported into the demo case, shown beside their text.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_ocr.py [OUT]

Builds the demo case in a temporary folder, prints two pages of the seed report
(page_render), saves one as an image-only PDF (a scan) and one as a phone photo
(JPEG), imports both through the window's import (OCR, extraction), prints what
search and extraction find in them, and photographs the viewer with the page
image beside the text and a passage's words boxed. OUT defaults to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from page_render import phone_photo, render_page  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import _Progress, settle, shoot  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from casefile.db import models as m  # noqa: E402
from casefile.search import search  # noqa: E402
from ui.core.app import build_demo, make_application  # noqa: E402
from ui.core.selection import Ref  # noqa: E402
from ui.core.settings import AppSettings  # noqa: E402


def make_inputs(folder: Path) -> tuple[Path, Path]:
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    paragraphs = [p for p in seed.splitlines() if p.strip()]
    scan, _ = render_page(paragraphs[:6])
    scan_path = folder / "بيان ممسوح.pdf"
    scan.convert("RGB").save(scan_path, format="PDF", resolution=300)
    photo = phone_photo(render_page(paragraphs[5:], font="sans", points=13)[0])
    photo_path = folder / "IMG_20240814_0932.jpg"
    photo.save(photo_path, quality=85)
    return scan_path, photo_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--language", choices=("en", "ar"), default="en")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="casefile-ocr-shots-"))
    app = make_application()
    from ui.core import i18n
    from ui.desk.main_window import MainWindow

    i18n.apply_language(args.language)
    suffix = "" if args.language == "en" else f"_{args.language}"
    case = build_demo(work / "demo.casefile", _Progress())
    window = MainWindow(AppSettings(QSettings(str(work / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1600, 1000)
    window.show()
    window.install_case(case, str(work / "demo.casefile"))
    settle(window)

    inputs = work / "in"
    inputs.mkdir()
    make_inputs(inputs)
    run = window.import_paths([str(inputs)])
    deadline = time.monotonic() + 600
    while run.summary is None and time.monotonic() < deadline:
        app.processEvents()
        if run.progress.isVisible() and not getattr(run, "_shot", False):
            if "page" in run.progress.current.text():
                shoot(run.progress, out, "ocr_import_progress" + suffix)
                run._shot = True
        time.sleep(0.05)
    settle(window)
    run.summary.close()

    with case.read_session() as s:
        sources = [row for row in s.execute(select(m.Source.id, m.Source.file_name,
                                                   m.Source.status, m.Source.meta))
                   if "ocr" in (row.meta or {})]
        for sid, name, status, meta in sources:
            proposals = s.scalar(select(func.count(m.Proposal.id))
                                 .where(m.Proposal.source_id == sid))
            print(f"{name}: {status}, OCR confidence {meta['ocr'].get('confidence')} %, "
                  f"{proposals} proposals")
        for query in ("ابو رقيه الاحوازي", "حطلة"):
            hits = [h.title for h in search(s, query) if h.kind == "source"]
            print(f"search {query!r}: {hits}")
    for sid, name, *_ in sorted(sources, key=lambda row: not row.file_name.endswith(".pdf")):
        window.selection.select(Ref("source", sid))
        settle(window)
        viewer = window.viewer
        viewer.page_button.setChecked(True)
        settle(window, 1.0)
        text = viewer.text.text
        at = max(text.find("الأحوازي"), text.find("الاحوازي"))
        start = text.rfind(" ", 0, max(at - 12, 0)) + 1 if at >= 0 else 0
        viewer.text.select_span(start, at + 8 if at >= 0 else min(40, len(text)))
        settle(window, 0.6)
        tag = "scan" if name.endswith(".pdf") else "photo"
        if tag == "scan":
            shoot(window, out, f"ocr_window{suffix}")
            # Then the viewer alone, at the window's size, for a legible page.
            for dock in [*window.docks.values(), *getattr(window, "linked_docks", {}).values()]:
                dock.hide()
            viewer.page_button.setChecked(False)
            viewer.page_button.setChecked(True)
            settle(window, 1.0)
            viewer.text.select_span(start, at + 8 if at >= 0 else min(40, len(text)))
            settle(window, 0.6)
        shoot(viewer, out, f"ocr_viewer_{tag}{suffix}")
    QApplication.instance().processEvents()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
