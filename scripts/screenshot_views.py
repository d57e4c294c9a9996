"""Screenshots of the linked views, English and Arabic, into docs/screenshots/.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_views.py

Builds the small Deir ez-Zor case of the tests (with extra seeded incidents so the
timeline has something to aggregate), installs the views in a bare main window,
selects an actor, and grabs each view and the palette in both languages.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def pump(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle(runner) -> None:
    for _ in range(100):
        pump(100)
        if not runner.running:
            pump(150)
            return


def main() -> None:
    app = QApplication(sys.argv)
    from PySide6.QtGui import QUndoStack
    from views_case import build_views_case

    from casefile.cases import create_case
    from ui.core import i18n
    from ui.core.context import open_context
    from ui.core.fonts import register_fonts, ui_font
    from ui.core.operations import OperationRunner
    from ui.core.selection import Ref
    from ui.linked.linked_views import install_linked_views

    register_fonts()
    app.setFont(ui_font(app.font()))
    i18n.settings = lambda: __import__("PySide6.QtCore").QtCore.QSettings(
        str(Path(tempfile.mkdtemp()) / "s.ini"), __import__("PySide6.QtCore").QtCore.QSettings
        .Format.IniFormat)
    case = create_case(Path(tempfile.mkdtemp()) / "demo.casefile")
    ids = build_views_case(case, extra=260)
    OUT.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ar"):
        i18n.apply_language(lang)
        window = QMainWindow()
        ctx = open_context(case, OperationRunner(), QUndoStack(window), window)
        runner, selection = ctx.runner, ctx.selection
        window.setCentralWidget(QLabel())
        docks = install_linked_views(window, ctx)
        window.resize(1600, 1000)
        window.show()
        settle(runner)
        views = window.linked_views
        views.timeline.model.fit()
        settle(runner)
        window.grab().save(str(OUT / f"views_{lang}_window.png"))
        selection.select(Ref("actor", ids["actor:hadi"]))
        settle(runner)
        for key in ("timeline", "graph", "map"):
            dock = docks[key]
            dock.setFloating(True)
            dock.resize(1200, 620 if key == "timeline" else 760)
            dock.show()
            settle(runner)
            if key == "timeline":
                views.timeline.model.fit()
                settle(runner)
            if key == "graph":
                views.graph.fit_view()
            if key == "map":
                views.map.fit_places(set(views.map.tracker.focus.place_ids))
            pump(300)
            dock.widget().grab().save(str(OUT / f"views_{lang}_{key}_actor.png"))
            dock.setFloating(False)
        selection.select(Ref("incident", ids["incident:visit"]))
        settle(runner)
        docks["timeline"].setFloating(True)
        docks["timeline"].resize(1200, 500)
        settle(runner)
        views.timeline.grab().save(str(OUT / f"views_{lang}_timeline_incident.png"))
        docks["timeline"].setFloating(False)
        views.palette.open()
        views.palette.box.setText("الحرس" if lang == "ar" else "حطلة")
        settle(runner)
        pump(400)
        views.palette.grab().save(str(OUT / f"views_{lang}_search.png"))
        views.palette.close()
        views.graph.export_image(str(OUT / f"views_{lang}_graph_export.svg"))
        window.close()
        runner.wait()
    i18n.apply_language("en")
    print("\n".join(sorted(p.name for p in OUT.glob("views_*"))))


if __name__ == "__main__":
    main()
