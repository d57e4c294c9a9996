"""Screenshots of the desk for the README and for review, from a case built like the demo.

Run under a virtual X server so Qt draws with the real (xcb) platform:

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py [OUT] \
        [--language ar]

With ``--language ar`` the interface is Arabic (mirrored) and each file name ends in ``_ar``.
OUT defaults to docs/screenshots/. The case is built in a temporary folder through the same
import and extraction pipeline as the demo case (seeds/ plus the import test fixtures), so
nothing on the machine is touched; pass --case to photograph an existing case instead.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from casefile.cases import open_case  # noqa: E402
from casefile.db import models as m  # noqa: E402
from ui.core.app import build_demo, make_application  # noqa: E402
from ui.core.selection import Ref  # noqa: E402
from ui.core.settings import AppSettings  # noqa: E402

EXTRA_REPORTS = [ROOT / "tests" / "fixtures" / "import" / name
                 for name in ("report.docx", "report.pdf", "report.odt")]


class _Progress:
    cancelled = False

    def update(self, done: int, total: int, label: str = "") -> None:
        print(f"  {done}/{total} {Path(label).name if label else ''}", file=sys.stderr)

    def check(self) -> None:
        pass


def settle(window, seconds: float = 0.4) -> None:
    """Let queued reads finish and their results paint."""
    app = QApplication.instance()
    deadline = time.monotonic() + 30
    quiet_since = None
    while time.monotonic() < deadline:
        app.processEvents()
        busy = window.handle is not None and window.handle.runner.running
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= seconds:
            return
        time.sleep(0.02)


def shoot(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path}")


def build_case(folder: Path):
    from casefile.importing.pipeline import import_paths
    from casefile.review.proposals import propose_for_new_source

    case = build_demo(folder / "demo.casefile", _Progress())
    extra = [p for p in EXTRA_REPORTS if p.exists()]
    for outcome in import_paths(case, extra, on_new_source=propose_for_new_source):
        print(f"  {outcome.status} {Path(outcome.path).name}", file=sys.stderr)
    return case


def first_id(case, stmt):
    with case.read_session() as s:
        return s.scalar(stmt)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--case", help="an existing case to photograph")
    parser.add_argument("--language", choices=("en", "ar"), default="en",
                        help="the interface language (default English)")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="casefile-shots-"))

    app = make_application()
    from ui.core import i18n
    from ui.desk.main_window import MainWindow

    i18n.apply_language(args.language)
    suffix = "" if args.language == "en" else f"_{args.language}"

    def shot(widget: QWidget, name: str) -> None:
        shoot(widget, out, name + suffix)

    case = open_case(args.case) if args.case else build_case(work)
    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.resize(1600, 1000)
    window.show()
    window.install_case(case, args.case or str(work / "demo.casefile"))
    settle(window)

    seed = first_id(case, select(m.Source.id).join(m.Proposal, m.Proposal.source_id == m.Source.id)
                    .group_by(m.Source.id).order_by(func.count(m.Proposal.id).desc()))
    seed = seed or first_id(case, select(m.Source.id))
    window.selection.select(Ref("source", seed))
    settle(window)
    # An actor of that document in the record panel, its mentions emphasised in the text.
    actor = first_id(case, select(m.Mention.actor_id).where(m.Mention.source_id == seed,
                                                           m.Mention.actor_id.is_not(None))
                     .group_by(m.Mention.actor_id).order_by(func.count().desc()))
    if actor is not None:
        window.selection.select(Ref("actor", actor))
    settle(window)
    review = window.panels["review"]
    if review.model.rowCount():
        review.table.setFocus()
        review.table.selectRow(min(2, review.model.rowCount() - 1))
    settle(window)
    shot(window, "main_window")
    shot(window.viewer, "viewer")
    shot(window.docks["review"], "review_queue")
    window.actions_by_name["export"].trigger()
    settle(window)
    window.dialog.resize(620, window.dialog.sizeHint().height())
    app.processEvents()
    shot(window.dialog, "export_dialog")
    window.dialog.reject()

    record = window.docks["record"]
    record.setFloating(True)  # a form at a readable size
    record.resize(640, 990)
    for kind, model in (("actor", m.Actor), ("incident", m.Incident), ("place", m.Place)):
        rid = first_id(case, select(model.id).order_by(model.id))
        if rid is None:
            print(f"no {kind} in the case: no screenshot of its form", file=sys.stderr)
            continue
        window.selection.select(Ref(kind, rid))
        settle(window)
        shot(record, f"{kind}_form")
    window.navigator.open_record(Ref("source", seed))
    settle(window)
    shot(record, "source_form")
    record.setFloating(False)

    bad = work / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "scan.pdf").write_bytes(b"%PDF-1.4 truncated")
    (bad / "تقرير.txt").write_text("زار وفد من الحرس الثوري بلدة حطلة.", encoding="utf-8")
    run = window.import_paths([str(bad)])
    deadline = time.monotonic() + 60
    while run.summary is None and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    settle(window)
    if run.summary is not None:
        shot(run.summary, "import_summary")
        run.summary.close()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
