"""Review by name in the desk: a group decided from the keyboard with one mention left out,
undone as one step, a name rejected onto the "not an entity" list shown in its dialog, and the
documents list's counts following."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from ui_support import idle, make_window, open_in

from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.review.proposals import propose_for_new_source
from ui.core.selection import Ref

REPORTS = Path(__file__).parents[1] / "fixtures" / "review"
HAMZA, TAYBA = "أبو حمزة الشامي", "الطيبة"


@pytest.fixture
def names_desk(qtbot, sqlite_case, tmp_path, monkeypatch):
    from PySide6.QtCore import QStandardPaths

    from ui.core.app import make_application
    from ui.dialogs import messages as dialogs

    QStandardPaths.setTestModeEnabled(True)
    make_application()
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    paths = []
    for name in ("r1", "r2", "r3"):
        shutil.copy(REPORTS / f"{name}.txt", tmp_path / f"{name}.txt")
        paths.append(tmp_path / f"{name}.txt")
    assert all(o.status == "imported" for o in import_paths(sqlite_case, paths, on_new_source=propose_for_new_source))
    window = make_window(tmp_path, qtbot)
    open_in(window, qtbot, sqlite_case.path)
    window.docks["names"].show()
    window.docks["names"].raise_()
    view = window.panels["names"]
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=15000)
    yield window, view, sqlite_case
    window.close()


def _select(qtbot, view, type_, name):
    row = next(i for i, g in enumerate(view.model.groups) if (g.type, g.name) == (type_, name))
    view.select_row(row)
    qtbot.waitUntil(lambda: view.members_model.rowCount() == view.current().mentions,
                    timeout=10000)
    return view.current()


def _statuses(case, ids):
    with case.read_session() as s:
        return [s.get(m.Proposal, i).status for i in ids]


def _open_counts(window):
    docs = window.panels["documents"].model
    return sorted(docs.row_at(r).open_proposals for r in range(docs.rowCount())
                  if docs.row_at(r) is not None)


def test_accept_a_group_by_keyboard_with_an_exception_then_undo(names_desk, qtbot):
    window, view, case = names_desk
    group = _select(qtbot, view, "PERSON", HAMZA)
    assert group.reports == 3 and "3" in view.samples.toPlainText()
    assert view.samples.toPlainText().count(HAMZA) >= 3  # sample sentences, one per report
    before = _open_counts(window)
    window.activateWindow()
    view.members.setFocus()  # one mention left out, from the keyboard: Space unticks it
    view.members.setCurrentIndex(view.members_model.index(0))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.members, timeout=15000)
    qtbot.keyClick(view.members, Qt.Key.Key_Space)
    left_out = view.members_model.index(0).data(Qt.ItemDataRole.UserRole)
    assert view.exceptions() == [left_out]
    view.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.table, timeout=5000)
    qtbot.keyClick(view.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: _statuses(case, group.proposal_ids).count("proposed") == 1,
                    timeout=15000)
    assert _statuses(case, [left_out]) == ["proposed"]
    idle(qtbot, window)
    qtbot.waitUntil(lambda: sum(_open_counts(window)) == sum(before) - 2, timeout=10000)
    with case.read_session() as s:
        assert s.scalars(select(m.Actor.name)).all() == [HAMZA]
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: _statuses(case, group.proposal_ids) == ["proposed"] * 3,
                    timeout=15000)
    with case.read_session() as s:
        assert s.scalars(select(m.Actor.name)).all() == []


def test_reject_puts_the_name_on_the_list_shown_in_its_dialog(names_desk, qtbot):
    window, view, case = names_desk
    group = _select(qtbot, view, "PLACE", TAYBA)
    view.reject()
    qtbot.waitUntil(lambda: _statuses(case, group.proposal_ids) == ["rejected"] * 2,
                    timeout=15000)
    qtbot.waitUntil(lambda: all(g.name != TAYBA for g in view.model.groups), timeout=10000)
    view.show_stoplist()
    dialog = view.dialog
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=10000)
    assert dialog.table.item(0, 1).text() == TAYBA
    dialog.table.selectRow(0)
    dialog.remove_selected()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 0, timeout=10000)
    dialog.close()


def test_filters_narrow_the_groups(names_desk, qtbot):
    window, view, case = names_desk
    all_rows = view.model.rowCount()
    view.type.setCurrentIndex(view.type.findData("PLACE"))
    qtbot.waitUntil(lambda: view.model.rowCount() < all_rows
                    and {g.type for g in view.model.groups} == {"PLACE"}, timeout=10000)
    view.known.setCurrentIndex(view.known.findData(True))
    qtbot.waitUntil(lambda: all(g.linked is not None for g in view.model.groups),
                    timeout=10000)


def test_in_the_arabic_interface_the_keyboard_has_a_current_row(qtbot, sqlite_case, tmp_path):
    """Right to left, QTableView.selectRow left no current row: A and R did nothing."""
    from PySide6.QtCore import QStandardPaths

    from ui.core import i18n
    from ui.core.app import make_application

    QStandardPaths.setTestModeEnabled(True)
    make_application()
    shutil.copy(REPORTS / "r1.txt", tmp_path / "r1.txt")
    assert [o.status for o in import_paths(sqlite_case, [tmp_path / "r1.txt"], on_new_source=propose_for_new_source)] == ["imported"]
    i18n.apply_language("ar")
    try:
        window = make_window(tmp_path, qtbot)
        open_in(window, qtbot, sqlite_case.path)
        assert window.isRightToLeft()
        names, queue = window.panels["names"], window.panels["review"]
        queue.scope.setCurrentIndex(1)  # the whole case
        qtbot.waitUntil(lambda: queue.current() is not None, timeout=15000)
        window.docks["names"].raise_()  # tabbed with the queue: groups once it is shown
        qtbot.waitUntil(lambda: names.current() is not None, timeout=15000)
        window.close()
    finally:
        i18n.apply_language("en")


def test_the_names_panel_behind_its_tab_groups_once_shown(qtbot, sqlite_case, tmp_path,
                                                           monkeypatch):
    """Grouping 90,000 proposals takes the one worker a second or more: the panel behind the
    review queue's tab no longer regroups after every decision made elsewhere, and is up to
    date as soon as it is shown."""
    from PySide6.QtCore import QStandardPaths

    import ui.desk.group_review_view as group_review_view
    from ui.core.app import make_application

    QStandardPaths.setTestModeEnabled(True)
    make_application()
    calls = []
    real = group_review_view.list_groups
    monkeypatch.setattr(group_review_view, "list_groups",
                        lambda s, flt=None: calls.append(1) or real(s, flt))
    shutil.copy(REPORTS / "r1.txt", tmp_path / "r1.txt")
    shutil.copy(REPORTS / "r2.txt", tmp_path / "r2.txt")
    assert all(o.status == "imported" for o in import_paths(
        sqlite_case, [tmp_path / "r1.txt", tmp_path / "r2.txt"],
        on_new_source=propose_for_new_source))
    window = make_window(tmp_path, qtbot)
    open_in(window, qtbot, sqlite_case.path)
    queue, names = window.panels["review"], window.panels["names"]
    window.docks["review"].raise_()
    queue.scope.setCurrentIndex(1)  # the whole case
    qtbot.waitUntil(lambda: queue.current() is not None, timeout=15000)
    assert names.visibleRegion().isEmpty()  # behind the queue's tab
    with sqlite_case.read_session() as s:
        hamza = [p.id for p in s.scalars(select(m.Proposal).where(m.Proposal.text == HAMZA))]
    assert len(hamza) == 2
    queue.selection.select(Ref("proposal", hamza[0]))
    qtbot.waitUntil(lambda: queue.current() is not None and queue.current().id == hamza[0],
                    timeout=10000)
    queue.accept()  # a decision in the queue, the names panel hidden
    qtbot.waitUntil(lambda: _statuses(sqlite_case, hamza)[0] != "proposed", timeout=15000)
    idle(qtbot, window)
    assert calls == []
    window.docks["names"].raise_()
    qtbot.waitUntil(lambda: names.model.rowCount() > 0, timeout=15000)
    shown = [g for g in names.model.groups if g.name == HAMZA and g.type == "PERSON"]
    assert [(g.mentions, g.linked is not None) for g in shown] == [(1, True)]  # known now
    assert len(calls) == 1
    window.close()


def test_a_mention_left_out_stays_left_out_when_the_groups_are_read_again(names_desk, qtbot):
    """A change elsewhere regroups the case while the analyst is unticking mentions: the
    group's mentions are read again, and what was left out must stay left out."""
    window, view, case = names_desk
    group = _select(qtbot, view, "PERSON", HAMZA)
    view.members_model.set_checked(1, False)
    left_out = view.exceptions()
    assert len(left_out) == 1
    reads = []
    view.members_model.modelReset.connect(lambda: reads.append(1))
    view.refresh()  # as after another analyst's or panel's write
    qtbot.waitUntil(lambda: bool(reads) and view.current() is not None
                    and view.current().id == group.id, timeout=10000)
    idle(qtbot, window)
    assert view.exceptions() == left_out


def test_a_group_of_2000_mentions_is_decided_while_the_window_keeps_answering(qtbot,
                                                                               sqlite_case,
                                                                               tmp_path):
    """A large name is accepted off the window's thread: the window handles its events while
    the decision runs (a heartbeat timer ticks: a loose check, nothing timed), the decision is
    one step of undo, and undoing it puts every mention back to review."""
    import hashlib

    from PySide6.QtCore import QStandardPaths, QTimer

    from ui.core.app import make_application

    QStandardPaths.setTestModeEnabled(True)
    make_application()
    name, mentions = "أبو حمزة الديري", 2000
    sentence = f"قال {name} إن الوضع هادئ. "
    with sqlite_case.session() as s:
        for n in range(10):  # ten reports, 200 mentions each
            text = f"تقرير {n}. " + sentence * (mentions // 10)
            data = text.encode("utf-8")
            src = m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                           file_name=f"r{n}.txt", media_type="text/plain", size=len(data),
                           title=f"تقرير {n}", language="ar", text=text)
            s.add(src)
            s.flush()
            first = text.index(name)
            for i in range(mentions // 10):
                start = first + i * len(sentence)
                s.add(m.Proposal(source_id=src.id, kind="PERSON", subkind="person", text=name,
                                 start=start, end=start + len(name), confidence=0.8,
                                 payload={"canonical": name, "kind": "person"}))
    window = make_window(tmp_path, qtbot)
    open_in(window, qtbot, sqlite_case.path)
    window.docks["names"].show()
    window.docks["names"].raise_()
    view = window.panels["names"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=15000)
    group = _select(qtbot, view, "PERSON", name)
    assert (group.reports, group.mentions) == (10, mentions)

    ticks_while_deciding = []
    heartbeat = QTimer(interval=10)
    heartbeat.timeout.connect(lambda: ticks_while_deciding.append(1) if any(
        op.label.startswith("Accept") for op in window.handle.runner.running) else None)
    heartbeat.start()
    steps = window.undo_stack.index()
    view.accept()
    qtbot.waitUntil(lambda: window.undo_stack.index() == steps + 1, timeout=60000)
    heartbeat.stop()
    assert ticks_while_deciding  # the window answered during the decision
    assert set(_statuses(sqlite_case, group.proposal_ids)) == {"accepted", "merged"}
    qtbot.waitUntil(lambda: view.model.rowCount() == 0, timeout=15000)

    window.undo_stack.undo()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=60000)
    assert set(_statuses(sqlite_case, group.proposal_ids)) == {"proposed"}
    assert window.undo_stack.index() == steps
    with sqlite_case.read_session() as s:
        assert s.scalars(select(m.Mention.id)).all() == []
        assert s.scalars(select(m.Actor.id)).all() == []
    window.close()
