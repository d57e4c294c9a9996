"""Screenshots of the review by name on a large case (e.g. 1,000 ANT reports), step by step.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_review.py \
        CASE [OUT] [--steps accept,reject,...]

Opens CASE in the desk (a copy: the case itself is not changed), shows the "Review by name"
panel and photographs the window at each step an analyst takes: the groups, a group opened,
the link picker, a group accepted, a junk name rejected, the "not an entity" list, the known
names after a re-import, the empty timeline and map. OUT defaults to docs/screenshots/.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from ui.core.app import make_application  # noqa: E402
from ui.core.settings import AppSettings  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import settle, shoot  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("case", type=Path)
    ap.add_argument("out", type=Path, nargs="?", default=ROOT / "docs" / "screenshots")
    ap.add_argument("--accept", default="تونس", help="a name to accept as a new place")
    ap.add_argument("--reject", default="وان", help="a junk name to reject")
    ap.add_argument("--group", default="وزارة الداخلية", help="a group name to accept")
    ap.add_argument("--more", type=Path, help="reports imported after the decisions")
    ap.add_argument("--language", choices=("en", "ar"), default="en")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="shots_review_"))
    case_path = work / args.case.name
    shutil.copy(args.case, case_path)

    make_application()
    from ui.core import i18n
    from ui.desk.main_window import MainWindow

    i18n.apply_language(args.language)
    if args.language != "en":
        args.out = args.out / args.language
        args.out.mkdir(parents=True, exist_ok=True)

    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    window.show()
    window.open_case_path(str(case_path))
    settle(window, 1.0)
    print(f"window {window.width()}x{window.height()}")
    shoot(window, args.out, "review_first_start")
    names = window.docks["names"]
    names.show()
    names.raise_()
    window.resizeDocks([names], [430], Qt.Orientation.Vertical)
    view = window.panels["names"]
    settle(window, 1.0)
    shoot(window, args.out, "review_groups")

    def select(type_: str, name: str) -> bool:
        for row, g in enumerate(view.model.groups):
            if g.type == type_ and g.name == name:
                view.select_row(row)
                settle(window, 0.6)
                return True
        print(f"no group {type_} {name}")
        return False

    if select("PLACE", args.accept):
        shoot(window, args.out, "review_group_open")
        view.accept()
        settle(window, 1.0)
        shoot(window, args.out, "review_group_accepted")
    if select("PLACE", args.reject):
        view.reject()
        settle(window, 1.0)
        view.show_stoplist()
        settle(window, 0.6)
        view.dialog.grab().save(str(args.out / "review_stoplist.png"))
        print(f"wrote {args.out / 'review_stoplist.png'}")
        view.dialog.close()
    if select("GROUP", args.group):
        view.accept()
        settle(window, 1.0)
    # Another group whose name is close to the accepted one: the picker says why.
    other = next((g for g in view.model.groups if g.type == "GROUP" and g.name != args.group
                  and any(w in g.name for w in args.group.split()[-1:])), None)
    if other is not None:
        select("GROUP", other.name)
        view.link()
        settle(window, 0.8)
        view.dialog.grab().save(str(args.out / "review_link_picker.png"))
        print(f"wrote {args.out / 'review_link_picker.png'}")
        view.dialog.close()
    if args.more is not None:  # later reports: confirmed names link by themselves
        from casefile.cases import open_case
        from casefile.importing.pipeline import import_paths
        from casefile.review.proposals import propose_for_new_source

        later = open_case(case_path)
        done = list(import_paths(later, [args.more], on_new_source=propose_for_new_source))
        later.close()
        print(f"imported {len(done)} more reports")
        view.refresh()
        settle(window, 1.5)
    view.week.setChecked(True)
    settle(window, 1.2)
    shoot(window, args.out, "review_new_this_week")
    view.week.setChecked(False)
    view.known.setCurrentIndex(view.known.findData(True))
    settle(window, 1.2)
    shoot(window, args.out, "review_known")
    for name in ("timeline", "map"):
        dock = window.linked_docks.get(name)
        if dock is not None:
            dock.show()
            dock.raise_()
            settle(window, 1.0)
            shoot(window, args.out, f"review_empty_{name}")
    window.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
