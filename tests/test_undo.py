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
