"""The review queue by keyboard: accept, reject, edit, merge, bulk; undo/redo; the viewer follows."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from casefile.db import models as m
from ui.core.selection import Ref


def _queue(window, qtbot, ids):
    window.selection.select(Ref("source", ids["source"]))
    view = window.panels["review"]
    qtbot.waitUntil(lambda: view.model.rowCount() == 7 and view.current() is not None,
                    timeout=10000)
    _focus(qtbot, window, view)
    return view


def _focus(qtbot, window, view):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    view.table.setFocus()
    qtbot.waitUntil(lambda: view.table.hasFocus(), timeout=5000)


def _statuses(case):
    with case.session() as s:
        return dict(s.execute(select(m.Proposal.id, m.Proposal.status)).all())


def _settled(qtbot, view, count):
    qtbot.waitUntil(lambda: view.model.rowCount() == count
                    and (count == 0 or view.current() is not None), timeout=10000)


def _press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def test_accept_and_reject_by_keyboard_and_focus_moves_on(desk, qtbot):
    window, ids = desk
    view = _queue(window, qtbot, ids)
    first = view.current()
    assert first.text == "الشرطة العسكرية الروسية" and first.matched_alias
    assert first.text in first.context and "%" in view.model.index(0, 4).data()
    _press(qtbot, view.table, Qt.Key.Key_A)
    _settled(qtbot, view, 6)
    assert _statuses(window.handle.case)[first.id] == "accepted"
    qtbot.waitUntil(lambda: view.current() is not None and view.current().text == "خشام",
                    timeout=10000)
    _press(qtbot, view.table, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: view.model.rowCount() == 5 and view.current() is not None,
                    timeout=10000)
    _press(qtbot, view.table, Qt.Key.Key_Delete)
    _settled(qtbot, view, 4)
    statuses = _statuses(window.handle.case)
    assert [statuses[i] for i in ids["proposals"][:3]] == ["accepted", "rejected", "rejected"]
    # The accepted name is now a confirmed (filled) mark in the viewer.
    viewer = window.viewer
    qtbot.waitUntil(lambda: any(k.status == "confirmed" and k.label == first.text
                                for k in viewer.text.marks), timeout=10000)


def test_focus_scrolls_and_flashes_the_passage(desk, qtbot):
    window, ids = desk
    view = _queue(window, qtbot, ids)
    viewer = window.viewer
    row = view.current()
    qtbot.waitUntil(lambda: viewer.text.flashing == (row.start, row.end), timeout=10000)
    _press(qtbot, view.table, Qt.Key.Key_Down)
    second = view.current()
    assert second.id != row.id
    assert viewer.text.flashing == (second.start, second.end)
    assert "background" in view.context.toHtml() and second.text in view.context.toPlainText()


def test_merge_into_ranked_candidate_and_edit_before_accepting(desk, qtbot):
    window, ids = desk
    view = _queue(window, qtbot, ids)
    hadi, kunya, irgc = ids["proposals"][5], ids["proposals"][6], ids["proposals"][2]
    view.table.selectRow(view.model.row_of(hadi))
    _press(qtbot, view.table, Qt.Key.Key_A)
    _settled(qtbot, view, 6)
    view.table.selectRow(view.model.row_of(kunya))
    _press(qtbot, view.table, Qt.Key.Key_M)
    picker = view.dialog
    qtbot.waitUntil(lambda: picker.list.count() > 0, timeout=10000)
    with window.handle.case.session() as s:
        actor_id = s.scalar(select(m.Actor.id).where(m.Actor.name == "محمد علي الهادي"))
    assert picker.candidate_ids()[0] == actor_id  # the only person ranks first
    _press(qtbot, picker.list, Qt.Key.Key_Return)
    _settled(qtbot, view, 5)
    with window.handle.case.session() as s:
        names = s.scalars(select(m.Alias.text).where(m.Alias.actor_id == actor_id)).all()
    assert "أبو رقية الأحوازي" in names
    assert _statuses(window.handle.case)[kunya] == "merged"

    _focus(qtbot, window, view)  # the picker had the keyboard
    view.table.selectRow(view.model.row_of(irgc))
    _press(qtbot, view.table, Qt.Key.Key_E)
    dialog = view.dialog
    assert dialog.name.text() == "الحرس الثوري الإيراني"
    dialog.name.setText("")
    dialog.accept()
    assert dialog.error.text() == "The name is required." and dialog.isVisible()
    dialog.name.setText("حرس الثورة الإسلامية")
    dialog.kind.setCurrentIndex(dialog.kind.findData("state_force"))
    dialog.accept()
    _settled(qtbot, view, 4)
    with window.handle.case.session() as s:
        actor = s.scalar(select(m.Actor).where(m.Actor.name == "حرس الثورة الإسلامية"))
        assert actor is not None and actor.kind == "state_force"
    assert _statuses(window.handle.case)[irgc] == "edited"


def test_accept_undo_redo_from_the_keyboard(desk, qtbot):
    window, ids = desk
    view = _queue(window, qtbot, ids)
    first = view.current()
    _press(qtbot, view.table, Qt.Key.Key_A)
    _settled(qtbot, view, 6)
    assert window.undo_stack.undoText() == f"Accept «{first.text}»"
    _press(qtbot, view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, view, 7)
    with window.handle.case.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Actor)) == 0
    _press(qtbot, view.table, Qt.Key.Key_Z,
           Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _settled(qtbot, view, 6)
    assert _statuses(window.handle.case)[first.id] == "accepted"
    with window.handle.case.session() as s:
        assert s.scalar(select(m.Actor.name)) == first.text


def _bulk_accept(window, qtbot, view):
    _press(qtbot, view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    assert len(view.selected_ids()) == 7
    _press(qtbot, view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    _settled(qtbot, view, 0)
    assert "0 proposal" in view.count.text()
    with window.handle.case.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Mention)) == 7
    assert window.undo_stack.undoText() == "Accept 7 proposal(s)"
    _press(qtbot, view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, view, 7)
    with window.handle.case.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Mention)) == 0
        assert s.scalar(select(func.count()).select_from(m.Actor)) == 0


def test_bulk_accept_and_undo(desk, qtbot):
    window, ids = desk
    _bulk_accept(window, qtbot, _queue(window, qtbot, ids))


def test_bulk_accept_redo(desk, qtbot):
    window, ids = desk
    view = _queue(window, qtbot, ids)
    _bulk_accept(window, qtbot, view)
    _press(qtbot, view.table, Qt.Key.Key_Z,
           Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.undo_stack.index() == 1 or window.dialog is not None,
                    timeout=10000)
    assert window.dialog is None, window.dialog.text()
    _settled(qtbot, view, 0)


def test_whole_case_scope_lists_every_documents_proposals(desk, qtbot):
    window, ids = desk
    view = _queue(window, qtbot, ids)
    window.selection.select(Ref("source", ids["note"]))
    _settled(qtbot, view, 0)
    view.scope.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.model.rowCount() == 7 and view.current() is not None,
                    timeout=10000)
    assert view.model.index(0, 5).data() == "توترات روسية إيرانية بريف ديرالزور"


def test_incident_proposals_show_their_subtype_label_not_its_key(qtbot):
    from casefile.services.review import ProposalRow
    from ui.core import vocabulary
    from ui.desk.review_model import ReviewModel

    row = ProposalRow(id=1, source_id=1, source_title="", kind="incident", mark_type="incident",
                      subkind="visit_meeting", text="زيارة", start=0, end=5, confidence=0.7,
                      status="proposed", canonical="زيارة حطلة", latin="", matched_alias="",
                      context="", context_start=0)
    shown = ReviewModel.display(ReviewModel.__new__(ReviewModel), row, "canonical",
                                Qt.ItemDataRole.DisplayRole)
    assert shown == f"{vocabulary.subtype('visit_meeting')}: زيارة حطلة"
    assert "visit_meeting" not in shown and vocabulary.subtype("visit_meeting")
