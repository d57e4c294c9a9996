"""Undo/redo of edits, inserts and deletes, on both backends."""

from sqlalchemy import select

from casefile.db import models as m
from casefile.search import search
from casefile.undo import redo, run_action, undo


def test_edit_insert_and_delete_undo_and_redo(new_case):
    def create(s):
        actor = m.Actor(name="حزب الله السوري", kind="militia")
        actor.aliases.append(m.Alias(text="حزب الله", key="حزبالله"))
        s.add(actor)
        s.flush()
        return actor.id

    actor_id, created = run_action(new_case, "New actor", create)
    _, renamed = run_action(new_case, "Rename",
                            lambda s: setattr(s.get(m.Actor, actor_id), "notes", "local militia"))

    def delete(s):
        s.delete(s.get(m.Actor, actor_id))

    _, deleted = run_action(new_case, "Delete", delete)
    with new_case.session() as s:
        assert s.get(m.Actor, actor_id) is None and s.scalars(select(m.Alias)).all() == []

    undo(new_case, deleted)
    with new_case.session() as s:
        actor = s.get(m.Actor, actor_id)
        assert actor.notes == "local militia" and [a.text for a in actor.aliases] == ["حزب الله"]
        assert [h.id for h in search(s, "حزب الله", kinds=("actor",))] == [actor_id]
    undo(new_case, renamed)
    with new_case.session() as s:
        assert s.get(m.Actor, actor_id).notes is None
    undo(new_case, created)
    with new_case.session() as s:
        assert s.scalars(select(m.Actor)).all() == []
        assert search(s, "حزب الله") == []
    redo(new_case, created)
    redo(new_case, renamed)
    with new_case.session() as s:
        assert s.get(m.Actor, actor_id).notes == "local militia"
        actions = s.scalars(select(m.AuditEntry.action).where(m.AuditEntry.table == "actors")).all()
        assert actions.count("delete") == 2 and actions.count("insert") == 3


def test_redo_replays_flush_by_flush_so_references_come_after_their_targets(new_case):
    import hashlib

    with new_case.session() as s:
        data = "قرية حطلة".encode()
        src = m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                       file_name="r.txt", media_type="text/plain", size=len(data),
                       text=data.decode())
        s.add(src)

    def accept(s):
        # As review does: the actor needs its id before the mention can point at it.
        place = m.Place(name="حطلة", kind="village")
        s.add(place)
        s.flush()
        s.add(m.Mention(source_id=src.id, start=5, end=9, text="حطلة", target_type="place",
                        place_id=place.id, status="confirmed"))
        s.add(m.Citation(fact_type="place", fact_id=place.id, source_id=src.id, start=5, end=9,
                         quote="حطلة"))

    _, action = run_action(new_case, "Accept", accept)
    for _ in range(2):
        undo(new_case, action)
        with new_case.session() as s:
            assert s.scalars(select(m.Mention)).all() == []
            assert s.scalars(select(m.Place)).all() == []
        redo(new_case, action)
        with new_case.session() as s:
            mention = s.scalars(select(m.Mention)).one()
            assert s.get(m.Place, mention.place_id).name == "حطلة"


def test_the_edit_menu_text_of_a_long_action_is_short(qtbot, sqlite_case):
    from casefile.undo import UndoableAction
    from ui.core.case_handle import RecordedCommand

    passage = "قبول: " + "الشرطة العسكرية الروسية المتمركزة في منطقة خشام " * 5
    command = RecordedCommand(None, UndoableAction(passage))
    assert len(command.text()) <= RecordedCommand.MAX_TEXT
    assert command.text().startswith("قبول: الشرطة العسكرية") and command.text().endswith("…")
