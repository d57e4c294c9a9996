"""Cancelling an import at any moment, again and again, with the window open.

An analyst who cancels an import must keep the window, find only whole sources in the
case, and be able to import again. The moments are drawn from a seeded generator, so a
failure can be replayed, yet they fall before the first file, between files and late.
Waiting on ``run.op.progress`` with a throw-away ``waitSignal`` is on purpose: it is how
the desk once lost the window (a progress event reaching a listener already gone).
"""

import hashlib
import random

from sqlalchemy import select
from test_ui_window import _drop
from ui_support import idle

from casefile.db import models as m
from casefile.db.verify import verify_case

ROUNDS = 20
FILES = 100  # an import of them must outlast the moments drawn below


def _write_batch(folder, round_no):
    folder.mkdir()
    paths = []
    for i in range(FILES):
        path = folder / f"r{round_no:02}-{i:02}.txt"
        path.write_text(f"تقرير {round_no}-{i} عن اشتباك قرب حطلة في دير الزور. " * 8,
                        encoding="utf-8")
        paths.append(path)
    return paths


def _start(window, paths):
    started, reports = [], []
    window.import_started.connect(started.append)
    _drop(window.viewer.text.viewport(), paths)
    window.import_started.disconnect(started.append)
    assert len(started) == 1
    run = started[0]
    run.finished.connect(reports.append)
    return run, reports


def _stored(case):
    with case.read_session() as session:
        rows = session.execute(select(m.Source.file_name, m.Source.sha256, m.Source.size,
                                      m.Source.original, m.Source.text, m.Source.status)).all()
    return {row.file_name: row for row in rows}


def test_cancelling_imports_at_random_moments_keeps_the_window_and_whole_sources(
        desk, qtbot, tmp_path):
    window, _ = desk
    case = window.handle.case
    before = set(_stored(case))
    rng = random.Random(20240810)
    imported: set[str] = set()
    cancelled_rounds = 0
    for round_no in range(ROUNDS):
        paths = _write_batch(tmp_path / f"batch{round_no:02}", round_no)
        run, reports = _start(window, paths)
        for _ in range(rng.randint(0, 5)):  # a few progress reports, or none at all
            if reports:
                break
            qtbot.waitSignal(run.op.progress, timeout=10000, raising=False).wait()
        qtbot.wait(rng.randint(0, 120))
        run.progress.cancel_button.click()
        qtbot.waitUntil(lambda done=reports: bool(done), timeout=30000)
        report = reports[0]

        assert window.isVisible() and window.handle is not None
        qtbot.waitUntil(lambda dialog=run.progress: not dialog.isVisible(), timeout=5000)
        assert all(o.status == "imported" for o in report.outcomes), report.outcomes
        if report.cancelled:
            cancelled_rounds += 1
            assert len(report.outcomes) < FILES
            assert "Cancelled after" in run.summary.headline.text()
        imported |= {p.name for p in paths[: len(report.outcomes)]}
        idle(qtbot, window)
        stored = _stored(case)
        assert set(stored) - before == imported  # the files not reached are not in the case
        for name in imported:  # each stored source is whole
            row = stored[name]
            assert hashlib.sha256(row.original).hexdigest() == row.sha256
            assert row.size == len(row.original) and row.status == "ok"
            assert row.text.startswith(f"تقرير {int(name[1:3])}-{int(name[4:6])} ")
        run.summary.close()
    assert cancelled_rounds >= ROUNDS // 2  # the moments really fell inside the imports

    assert verify_case(case).ok
    last = paths
    run, reports = _start(window, last)  # the last batch again, to the end this time
    qtbot.waitUntil(lambda: bool(reports), timeout=60000)
    report = reports[0]
    assert not report.cancelled and len(report.outcomes) == FILES
    assert report.count("imported") + report.count("duplicate") == FILES
    assert report.count("error") == 0
    idle(qtbot, window)
    assert {p.name for p in last} <= set(_stored(case))
    assert verify_case(case).ok
    # The window still answers: its document list shows every source of the case.
    total = len(_stored(case))
    qtbot.waitUntil(lambda: len(window.panels["documents"].model.ids) == total, timeout=15000)
