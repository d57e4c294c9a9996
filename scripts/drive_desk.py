"""Drive the real desk on a large case, step by step, and time each step.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/drive_desk.py CASE \
        [--shots OUT] [--only documents,viewer,...]

Opens a copy of CASE (the case itself is not changed) in the main window and does what an
analyst does on a case of 10,000 reports: scroll and sort the documents list, open documents,
the review queue, review by name (accept a top group, make an exception, undo, link through the
picker, merge two groups, reject junk), the "not an entity" list, the timeline, network and map,
Ctrl+K search and a dossier export. For each step it prints how long until the desk had its
answer (the runner idle again) and how long the UI thread was blocked at most; any block over
200 ms is listed with where the UI thread was (sampled by a watchdog thread). With --shots it
also saves a screenshot of each step of the review by name under OUT.

The floor is a fixed piece of pure-Python work timed at the start and the end: on a loaded
machine every figure grows with it.
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from ui.core.app import make_application  # noqa: E402
from ui.core.settings import AppSettings  # noqa: E402

STALL = 0.2  # seconds: a UI thread blocked longer than this is a freeze the analyst feels


def floor() -> float:
    t = time.perf_counter()
    total = 0
    for i in range(2_000_000):
        total += i % 7
    return time.perf_counter() - t


@dataclass
class Stall:
    step: str
    seconds: float
    where: list[str]


@dataclass
class Step:
    name: str
    wall: float = 0.0
    worst: float = 0.0  # longest single block of the UI thread
    stalls: int = 0
    note: str = ""
    note_fn: object = None  # evaluated when the step is done


class Watch:
    """Times every stretch the UI thread spends in Qt (processEvents) or in a direct call,
    and samples where it is when one runs past STALL."""

    def __init__(self) -> None:
        self.main = threading.get_ident()
        self.entered: float | None = None
        self.samples: dict[tuple[str, ...], int] = {}  # where the UI thread was, sampled
        self.stalls: list[Stall] = []
        self.step: Step | None = None
        self.steps: list[Step] = []
        self._stop = False
        self.dump = None  # a file for faulthandler's dumps of long stalls (--dump)
        self.dump_after = 0.8
        threading.Thread(target=self._watchdog, daemon=True).start()

    def _watchdog(self) -> None:
        while not self._stop:
            time.sleep(0.02)
            entered = self.entered
            if entered is None or time.monotonic() - entered < STALL * 0.5:
                continue
            frame = sys._current_frames().get(self.main)
            if frame is None:
                continue
            lines = [f"{Path(f.filename).name}:{f.lineno} {f.name}"
                     for f in traceback.extract_stack(frame)]
            # from where the driver handed over to Qt: what ran inside it
            last = max((i for i, line in enumerate(lines) if line.startswith("drive_desk.py")),
                       default=-1)
            inner = tuple(lines[last + 1:]) or ("(inside Qt: layout, paint)",)
            if self.entered == entered:
                self.samples[inner] = self.samples.get(inner, 0) + 1

    @contextmanager
    def ui(self):
        self.samples = {}
        self.entered = time.monotonic()
        if self.dump is not None:  # every thread's stack, even while one holds the GIL
            faulthandler.dump_traceback_later(self.dump_after, file=self.dump)
        try:
            yield
        finally:
            if self.dump is not None:
                faulthandler.cancel_dump_traceback_later()
            took = time.monotonic() - self.entered
            self.entered = None
            if self.step is not None:
                self.step.worst = max(self.step.worst, took)
                if took > STALL:
                    self.step.stalls += 1
                    # the two places the watchdog found most often, each with its count
                    top = sorted(self.samples.items(), key=lambda kv: -kv[1])[:2]
                    where = [f"[{n} samples] " + " > ".join(stack[-6:]) for stack, n in top]
                    self.stalls.append(Stall(self.step.name, took, where))

    def pump(self, seconds: float = 0.0) -> None:
        app = QApplication.instance()
        end = time.monotonic() + seconds
        while True:
            with self.ui():
                app.processEvents()
            if time.monotonic() >= end:
                return
            time.sleep(0.005)

    def until(self, cond, timeout: float = 120.0) -> bool:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump()
            if cond():
                return True
        return False

    @contextmanager
    def measure(self, name: str, window, quiet: float = 0.3):
        """The step's wall time runs until the case's runner is idle (for ``quiet`` s)."""
        self.step = Step(name)
        t0 = time.monotonic()
        yield self.step
        idle_since = None
        end = time.monotonic() + 300
        while time.monotonic() < end:
            self.pump()
            busy = window.handle is not None and window.handle.runner.running
            if busy:
                idle_since = None
            elif idle_since is None:
                idle_since = time.monotonic()
            elif time.monotonic() - idle_since >= quiet:
                break
        self.step.wall = (idle_since or time.monotonic()) - t0
        if self.step.note_fn is not None:
            self.step.note = str(self.step.note_fn())
        self.steps.append(self.step)
        print(f"  {name:<34} {self.step.wall:7.2f} s  worst UI block "
              f"{self.step.worst * 1000:6.0f} ms {self.step.note}", flush=True)
        self.step = None

    def call(self, fn, *args, **kwargs):
        with self.ui():
            return fn(*args, **kwargs)


def shoot(widget: QWidget, out: Path | None, name: str) -> None:
    if out is None:
        return
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(f"  wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("case", type=Path)
    ap.add_argument("--shots", type=Path, help="save the review steps' screenshots here")
    ap.add_argument("--prefix", default="ant_", help="of the screenshots' file names")
    ap.add_argument("--accept", default="تونس", help="a top name to accept (a place)")
    ap.add_argument("--accept-group", default="حركة النهضة", help="a group to accept")
    ap.add_argument("--link", default="حزب النهضة", help="a group to link to the accepted one")
    ap.add_argument("--merge", nargs=2, default=["تنظيم الدولة الإسلامية", "داعش الإرهابي"],
                    help="two groups to merge")
    ap.add_argument("--reject", default="GROUP:إدارة الكوارث والطوارئ التركية",
                    help="TYPE:NAME of a junk group to reject")
    ap.add_argument("--only", default="", help="comma-separated parts to run")
    ap.add_argument("--dump", type=Path, help="write every thread's stack here when the UI "
                    "thread is blocked over 0.8 s (faulthandler: works while the GIL is held)")
    args = ap.parse_args()
    parts = set(filter(None, args.only.split(","))) or {
        "documents", "viewer", "queue", "names", "linked", "search", "export"}
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="drive_desk_"))
    case_path = work / args.case.name
    shutil.copy(args.case, case_path)

    load = os.getloadavg()
    f0 = floor()
    print(f"load {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; floor {f0:.3f} s")
    make_application()
    from ui.desk.main_window import MainWindow

    settings = AppSettings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    watch = Watch()
    if args.dump:
        watch.dump = open(args.dump, "w")  # noqa: SIM115 - open for the whole run
    window = watch.call(MainWindow, settings)
    window.show()
    watch.pump(0.5)

    with watch.measure("open the case", window) as step:
        window.open_case_path(str(case_path))
        watch.until(lambda: window.handle is not None)
        docs = window.panels["documents"]
        watch.until(lambda: docs.model.rowCount() > 0)
        step.note = f"{docs.model.rowCount()} documents"
    print(f"window {window.width()}x{window.height()}")
    shoot(window, args.shots, f"{args.prefix}first_start")

    if "documents" in parts:
        documents(watch, window, docs)
    if "viewer" in parts:
        viewer(watch, window, docs)
    if "queue" in parts:
        queue(watch, window)
    if "names" in parts:
        names(watch, window, args)
    if "linked" in parts:
        linked(watch, window, args)
    if "search" in parts:
        search(watch, window)
    if "export" in parts:
        export(watch, window, work)

    watch.call(window.close)
    f1 = floor()
    load = os.getloadavg()
    print(f"\nload {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; floor {f1:.3f} s "
          f"(start {f0:.3f} s)")
    print(f"\n{'step':<36}{'wall s':>8}{'worst UI ms':>13}{'stalls':>8}")
    for s in watch.steps:
        print(f"{s.name:<36}{s.wall:8.2f}{s.worst * 1000:13.0f}{s.stalls:8d}  {s.note}")
    if watch.stalls:
        print(f"\nUI thread blocked over {STALL * 1000:.0f} ms:")
        for st in watch.stalls:
            print(f"- {st.step}: {st.seconds * 1000:.0f} ms")
            for line in st.where:
                print(f"      {line}")
    watch._stop = True
    shutil.rmtree(work, ignore_errors=True)


# --- the parts ------------------------------------------------------------------------------


def documents(watch: Watch, window, docs) -> None:
    from ui.desk.documents_model import COLUMNS

    table, model = docs.table, docs.model
    window.docks["documents"].raise_()

    def visible_loaded() -> bool:
        top = table.rowAt(0)
        bottom = table.rowAt(table.viewport().height() - 1)
        bottom = bottom if bottom >= 0 else model.rowCount() - 1
        return top >= 0 and all(model.row_at(r) is not None for r in range(top, bottom + 1))

    with watch.measure("documents: scroll to the end", window):
        watch.call(table.scrollToBottom)
        watch.until(visible_loaded)
    with watch.measure("documents: page up x20", window):
        for _ in range(20):
            bar = table.verticalScrollBar()
            watch.call(bar.setValue, bar.value() - bar.pageStep())
            watch.pump(0.02)
        watch.until(visible_loaded)
    for key in ("title", "open_proposals", "confirmed", "published", "publisher"):
        col = [k for k, _ in COLUMNS].index(key)
        with watch.measure(f"documents: sort by {key}", window):
            watch.call(table.sortByColumn, col, Qt.SortOrder.AscendingOrder)
            watch.until(visible_loaded)
    with watch.measure("documents: filter «تونس»", window) as step:
        watch.call(docs.filter_edit.setText, "تونس")
        watch.pump(0.3)  # the debounce
        watch.until(visible_loaded)
        step.note_fn = docs.count.text
    with watch.measure("documents: filter cleared", window):
        watch.call(docs.filter_edit.setText, "")
        watch.pump(0.3)
        watch.until(visible_loaded)
    with watch.measure("documents: only to review", window) as step:
        watch.call(docs.open_only.setChecked, True)
        watch.until(visible_loaded)
        step.note_fn = docs.count.text
    watch.call(docs.open_only.setChecked, False)
    watch.pump(0.5)
    watch.call(table.sortByColumn, len(COLUMNS) - 1, Qt.SortOrder.DescendingOrder)
    watch.pump(0.5)


def viewer(watch: Watch, window, docs) -> None:
    from ui.core.widgets import select_row

    table, model = docs.table, docs.model
    for row in (0, model.rowCount() // 2, model.rowCount() - 1):
        with watch.measure(f"viewer: open row {row}", window) as step:
            watch.call(select_row, table, row)
            watch.until(lambda r=row: model.id_at(r) is not None and window.viewer.source
                        is not None and window.viewer.source.id == model.id_at(r))
            step.note = f"{len(window.viewer.source.text)} chars"
    with watch.measure("viewer: Down x10 (one by one)", window):
        for _ in range(10):
            current = table.currentIndex().row()
            target = current - 1 if current > 0 else current + 1
            watch.call(select_row, table, target)
            watch.until(lambda t=target: window.viewer.source is not None
                        and window.viewer.source.id == model.id_at(t))


def queue(watch: Watch, window) -> None:
    view = window.panels["review"]
    window.docks["review"].show()
    window.docks["review"].raise_()
    with watch.measure("review queue: whole case", window) as step:
        watch.call(view.scope.setCurrentIndex, 1)
        watch.until(lambda: view.model.rowCount() > 0 and view.current() is not None)
        step.note_fn = view.count.text
    with watch.measure("review queue: scroll to the end", window):
        watch.call(view.table.scrollToBottom)
        watch.until(lambda: view.model.row_at(view.model.rowCount() - 1) is not None)
    with watch.measure("review queue: accept one", window):
        watch.call(view.table.setFocus)
        watch.call(view.table.selectRow, 0)
        watch.call(view.accept)
    with watch.measure("review queue: undo", window):
        watch.call(window.undo_stack.undo)
    watch.call(view.scope.setCurrentIndex, 0)
    watch.pump(0.5)


def _shown(view, group) -> bool:
    """The group is current and its mentions are listed."""
    rows = view.members_model.rows
    return group is not None and view.current() is group and bool(rows) \
        and rows[0].id in group.proposal_ids


def _select(watch: Watch, view, type_: str, name: str) -> bool:
    for row, g in enumerate(view.model.groups):
        if g.type == type_ and g.name == name:
            watch.call(view.select_row, row)
            watch.until(lambda g=g: _shown(view, g), timeout=60)
            return True
    print(f"  no group {type_} {name}")
    return False


def names(watch: Watch, window, args) -> None:
    out, pre = args.shots, args.prefix
    view = window.panels["names"]
    dock = window.docks["names"]
    dock.show()
    dock.raise_()
    window.resizeDocks([dock], [460], Qt.Orientation.Vertical)
    with watch.measure("names: group the case", window) as step:
        watch.call(view.refresh)
        watch.until(lambda: view.model.rowCount() > 0)
        step.note_fn = view.count.text
    shoot(window, out, f"{pre}review_groups")
    with watch.measure("names: open the top group", window) as step:
        top = view.model.group_at(0)
        watch.call(view.select_row, 1)
        watch.pump(0.2)
        watch.call(view.select_row, 0)
        watch.until(lambda: _shown(view, top))
        step.note = f"«{top.name}» {top.mentions} mentions"
    with watch.measure("names: next group x10 (N)", window):
        for _ in range(10):
            watch.call(view.next_group)
            watch.until(lambda: _shown(view, view.current()))
    # Accept a top group, leaving one mention out as an exception.
    if _select(watch, view, "PLACE", args.accept):
        group = view.current()
        shoot(window, out, f"{pre}review_group_open")
        watch.call(view.members_model.set_checked, 0, False)
        watch.pump(0.2)
        shoot(window, out, f"{pre}review_exception")
        with watch.measure(f"names: accept «{group.name}»", window) as step:
            before = window.undo_stack.index()
            watch.call(view.accept)
            watch.until(lambda: window.undo_stack.index() > before)
            step.note = f"{group.mentions} mentions, 1 left open"
        shoot(window, out, f"{pre}review_group_accepted")
        with watch.measure("names: undo the accept", window):
            watch.call(window.undo_stack.undo)
        shoot(window, out, f"{pre}review_undone")
        if _select(watch, view, "PLACE", args.accept):
            with watch.measure(f"names: accept «{group.name}» again", window):
                before = window.undo_stack.index()
                watch.call(view.accept)
                watch.until(lambda: window.undo_stack.index() > before)
    # Accept a group, then link a variant of its name to it through the picker.
    if _select(watch, view, "GROUP", args.accept_group):
        with watch.measure(f"names: accept «{args.accept_group}»", window):
            before = window.undo_stack.index()
            watch.call(view.accept)
            watch.until(lambda: window.undo_stack.index() > before)
    if _select(watch, view, "GROUP", args.link):
        with watch.measure(f"names: link picker for «{args.link}»", window) as step:
            watch.call(view.link)
            watch.until(lambda: view.dialog is not None and view.dialog.list.count() > 0,
                        timeout=60)
            step.note = f"{view.dialog.list.count()} candidates"
        shoot(view.dialog, out, f"{pre}review_link_picker")
        if view.dialog.list.count():
            with watch.measure(f"names: link «{args.link}»", window):
                before = window.undo_stack.index()
                watch.call(view.dialog.accept)
                watch.until(lambda: window.undo_stack.index() > before)
            shoot(window, out, f"{pre}review_linked")
        else:
            view.dialog.close()
    # Merge two groups that name one record.
    if _select(watch, view, "GROUP", args.merge[0]):
        with watch.measure(f"names: merge picker for «{args.merge[0]}»", window):
            watch.call(view.merge)
            watch.until(lambda: view.dialog is not None and view.dialog.list.count() > 0)
        ids = view.dialog.candidate_ids()
        others = [g for g in view.model.groups if g.type in ("PERSON", "GROUP")
                  and g is not view.current()]
        row = next((i for i, cid in enumerate(ids) if others[cid].name == args.merge[1]), None)
        if row is None:  # not among the first candidates: typed, as the analyst would
            watch.call(view.dialog.query.setText, args.merge[1])
            watch.pump(0.3)
            watch.until(lambda: any(others[c].name == args.merge[1]
                                    for c in view.dialog.candidate_ids()), timeout=30)
            ids = view.dialog.candidate_ids()
            row = next((i for i, c in enumerate(ids) if others[c].name == args.merge[1]), 0)
        watch.call(view.dialog.list.setCurrentRow, row)
        shoot(view.dialog, out, f"{pre}review_merge_picker")
        with watch.measure(f"names: merge with «{args.merge[1]}»", window):
            before = window.undo_stack.index()
            watch.call(view.dialog.accept)
            watch.until(lambda: window.undo_stack.index() > before)
        shoot(window, out, f"{pre}review_merged")
    # Reject junk: it goes on the "not an entity" list.
    type_, _, junk = args.reject.partition(":")
    if _select(watch, view, type_, junk):
        group = view.current()
        shoot(window, out, f"{pre}review_junk")
        with watch.measure(f"names: reject «{group.name}»", window) as step:
            before = window.undo_stack.index()
            watch.call(view.reject)
            watch.until(lambda: window.undo_stack.index() > before)
            step.note = f"{group.mentions} mentions"
        shoot(window, out, f"{pre}review_rejected")
    with watch.measure("names: the not-an-entity list", window) as step:
        watch.call(view.show_stoplist)
        watch.until(lambda: view.dialog.table.rowCount() > 0, timeout=30)
        step.note = f"{view.dialog.table.rowCount()} names"
    shoot(view.dialog, out, f"{pre}review_stoplist")
    watch.call(view.dialog.close)
    with watch.measure("names: known records only", window) as step:
        watch.call(view.known.setCurrentIndex, view.known.findData(True))
        watch.pump(0.35)
        watch.until(lambda: not view._debounce.isActive())
        step.note_fn = view.count.text
    shoot(window, out, f"{pre}review_known")
    watch.call(view.known.setCurrentIndex, 0)
    watch.pump(0.5)


def _answered(view) -> bool:
    """The linked view has its data: none of its reads is pending."""
    model = getattr(view, "model", None)  # the timeline's
    if model is not None:
        return model.overview is not None and not model.busy
    return not view._query.pending


def linked(watch: Watch, window, args) -> None:
    """Each view's step runs until the runner is idle (a regroup of the names view asked just
    before may still run on its own lane); the note says when the view had its answer."""
    out, pre = args.shots, args.prefix
    for name in ("timeline", "graph", "map"):
        dock = window.linked_docks.get(name)
        if dock is None:
            continue
        view = getattr(window.linked_views, name)
        with watch.measure(f"{name}: show", window) as step:
            t0 = time.monotonic()
            dock.show()
            watch.call(dock.raise_)
            watch.pump(0.05)  # a view behind a tab asks for its data once laid out
            watch.until(lambda v=view: _answered(v))
            step.note = f"its answer after {time.monotonic() - t0:.2f} s"
            watch.pump(0.25)
        shoot(window, out, f"{pre}{name}")


def search(watch: Watch, window) -> None:
    palette = window.linked_views.palette
    for text in ("تونس", "الشاهد", "حركة النهضة"):
        with watch.measure(f"Ctrl+K: «{text}»", window) as step:
            watch.call(window.open_search)
            watch.call(palette.box.setText, text)
            watch.pump(0.25)  # the debounce
            watch.until(lambda: palette.results.count() > 0 or "No" in palette.status.text())
            step.note_fn = palette.status.text
    watch.call(palette.close)


def export(watch: Watch, window, work: Path) -> None:
    from sqlalchemy import func, select

    from casefile.db import models as m
    from ui.dialogs.export_dialog import ExportDialog

    with window.handle.case.read_session() as s:
        row = s.execute(select(m.Actor.id, m.Actor.name, func.count(m.Mention.id))
                        .join(m.Mention, m.Mention.actor_id == m.Actor.id)
                        .group_by(m.Actor.id).order_by(func.count(m.Mention.id).desc())
                        .limit(1)).first()
    if row is None:
        print("  no actor to export")
        return
    actor_id, name, count = row
    path = work / "dossier.pdf"
    done: list[str] = []
    import ui.dialogs.export_dialog as export_dialog

    export_dialog.open_result = lambda _p: None  # no viewer launched
    with watch.measure("export dialog: open", window):
        dialog = watch.call(ExportDialog, window.handle, window.selection, window.settings,
                            window)
        dialog.show()
    with watch.measure(f"dossier PDF of «{name}»", window) as step:
        dialog.exported.connect(done.append)
        watch.call(dialog.actor.set_value, ("actor", actor_id), name)
        watch.call(dialog.path.setText, str(path))
        watch.call(dialog.start)
        watch.until(lambda: bool(done), timeout=600)
        step.note = f"{count} mentions, {path.stat().st_size // 1024} KB" if path.exists() \
            else "no file"


if __name__ == "__main__":
    main()
