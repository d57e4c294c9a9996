"""Undoing a large group decision reads the rows it changes in bulk, not one by one.

Accepting «تونس» on the ANT case (4,847 mentions) and undoing it took 15,000 single-row reads
(a proposal, a mention and a citation per mention): tens of seconds during which every panel
of the desk waited for the one worker. Undo and redo now load each table's rows in chunks.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from sqlalchemy import event, func, select

from casefile.db import models as m
from casefile.review.decide import decide_group
from casefile.review.groups import GroupFilter, list_groups
from casefile.undo import redo, run_action, undo

NAME = "أبو حمزة الديري"
MENTIONS = 300


def _case_with_one_name_many_times(case) -> None:
    sentence = f"قال {NAME} إن الوضع هادئ. "
    text = sentence * MENTIONS
    data = text.encode("utf-8")
    with case.session() as s:
        src = m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                       file_name="r.txt", media_type="text/plain", size=len(data),
                       title="تقرير", language="ar", text=text)
        s.add(src)
        s.flush()
        for i in range(MENTIONS):
            start = i * len(sentence) + len("قال ")
            s.add(m.Proposal(source_id=src.id, kind="PERSON", subkind="person", text=NAME,
                             start=start, end=start + len(NAME), confidence=0.8,
                             payload={"canonical": NAME, "kind": "person"}))


def _statuses(case) -> Counter:
    with case.read_session() as s:
        return Counter(s.scalars(select(m.Proposal.status)))


def _count_statements(case):
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    event.listen(case.engine, "before_cursor_execute", count)
    return seen, lambda: event.remove(case.engine, "before_cursor_execute", count)


def test_undo_and_redo_of_a_group_of_300_mentions_read_in_bulk(new_case):
    _case_with_one_name_many_times(new_case)
    with new_case.read_session() as s:
        (group,) = list_groups(s, GroupFilter(types={"PERSON"}))
    assert group.mentions == MENTIONS
    result, action = run_action(new_case, "Accept", lambda s: decide_group(s, group, "accept"))
    assert len(result.applied) == MENTIONS
    decided = _statuses(new_case)
    assert "proposed" not in decided

    seen, stop = _count_statements(new_case)
    try:
        undo(new_case, action)
    finally:
        stop()
    reads = [q for q in seen if q.lstrip().upper().startswith("SELECT")]
    assert len(reads) < MENTIONS / 5, f"{len(reads)} reads to undo {MENTIONS} mentions"
    with new_case.read_session() as s:
        statuses = set(s.scalars(select(m.Proposal.status)))
        assert statuses == {"proposed"}
        assert s.scalar(select(func.count()).select_from(m.Mention)) == 0
        assert s.scalar(select(func.count()).select_from(m.Citation)) == 0
        assert s.scalar(select(func.count()).select_from(m.Actor)) == 0

    seen, stop = _count_statements(new_case)
    try:
        redo(new_case, action)
    finally:
        stop()
    reads = [q for q in seen if q.lstrip().upper().startswith("SELECT")]
    assert len(reads) < MENTIONS / 5, f"{len(reads)} reads to redo {MENTIONS} mentions"
    assert _statuses(new_case) == decided
    with new_case.read_session() as s:
        assert s.scalar(select(func.count()).select_from(m.Mention)) == MENTIONS
        assert s.scalars(select(m.Actor.name)).all() == [NAME]


def _audit(case, table: str) -> list[tuple]:
    with case.read_session() as s:
        return [(a.action, a.record_id, a.before, a.after) for a in s.scalars(
            select(m.AuditEntry).where(m.AuditEntry.table == table).order_by(m.AuditEntry.id))]


def test_a_group_decision_and_its_undo_are_each_one_step_that_leaves_the_case_sound(new_case):
    """The decision writes its 300 mentions in bulk: one undo takes all of it back and one redo
    puts it again; the audit log names every row each time and its chain still verifies."""
    from casefile.db.verify import verify_case

    _case_with_one_name_many_times(new_case)
    with new_case.read_session() as s:
        (group,) = list_groups(s, GroupFilter(types={"PERSON"}))
    entries_before = len(_audit(new_case, "proposals"))
    result, action = run_action(new_case, "Accept", lambda s: decide_group(s, group, "accept"))
    assert len(result.applied) == MENTIONS and not result.skipped
    updates = [e for e in _audit(new_case, "proposals")[entries_before:] if e[0] == "update"]
    assert sorted(e[1] for e in updates) == sorted(group.proposal_ids)
    assert all(e[2]["status"] == "proposed" and e[3]["status"] in ("accepted", "merged")
               and e[3]["decided_by"] for e in updates)
    with new_case.read_session() as s:
        versions = set(s.scalars(select(m.Proposal.version)))
    assert versions == {2}  # each decided proposal's version went up, as the ORM makes it

    undo(new_case, action)
    assert verify_case(new_case).ok
    assert _statuses(new_case) == Counter({"proposed": MENTIONS})
    deleted = [e for e in _audit(new_case, "mentions") if e[0] == "delete"]
    assert len(deleted) == MENTIONS and all(e[2]["actor_id"] for e in deleted)

    redo(new_case, action)
    assert verify_case(new_case).ok
    with new_case.read_session() as s:
        (actor,) = s.scalars(select(m.Actor))
        mentions = s.scalar(select(func.count()).select_from(m.Mention).where(
            m.Mention.actor_id == actor.id, m.Mention.status == "confirmed"))
        citations = s.scalars(select(m.Citation.quote).where(
            m.Citation.fact_type == "actor", m.Citation.fact_id == actor.id)).all()
    assert mentions == MENTIONS and set(citations) == {NAME}


def test_a_bulk_decision_writes_the_audit_entries_a_single_decision_writes(new_case):
    """Rejecting a name in a group (bulk) or one mention at a time (the ORM): the audit log
    reads the same, so the trail does not depend on how the analyst decided."""
    from casefile.review import decisions

    _case_with_one_name_many_times(new_case)
    with new_case.read_session() as s:
        (group,) = list_groups(s, GroupFilter(types={"PERSON"}))
    single, *rest = group.proposal_ids
    with new_case.session() as s:
        decisions.reject(s, single)
    with new_case.session() as s:
        decide_group(s, group, "reject", except_ids=[single])
    entries = {e[1]: e for e in _audit(new_case, "proposals") if e[0] == "update"}
    one, bulk = entries[single], entries[rest[0]]
    assert set(one[2]) == set(bulk[2]) and set(one[3]) == set(bulk[3])
    assert one[3]["status"] == bulk[3]["status"] == "rejected"


def test_a_mention_decided_by_a_colleague_just_before_the_bulk_write_is_skipped(new_case,
                                                                                monkeypatch):
    """The last moment another analyst can decide a mention is between the group's read and
    its bulk write: theirs stands, it is named as skipped, the others are decided."""
    import casefile.review.decide as decide
    from casefile.db.audit import update_audited

    _case_with_one_name_many_times(new_case)
    with new_case.read_session() as s:
        (group,) = list_groups(s, GroupFilter(types={"PERSON"}))
    theirs = group.proposal_ids[-1]

    def colleague_first(session, model, ids, values, **kw):
        if model is m.Proposal and values.get("status") != "rejected":
            session.execute(m.Proposal.__table__.update().where(m.Proposal.id == theirs)
                            .values(status="rejected", decided_by="colleague"))
        return update_audited(session, model, ids, values, **kw)

    monkeypatch.setattr(decide, "update_audited", colleague_first)
    with new_case.session() as s:
        result = decide_group(s, group, "accept")
    assert theirs not in result.applied and len(result.applied) == MENTIONS - 1
    (skipped,) = result.skipped
    assert skipped["proposal_id"] == theirs and "colleague" in skipped["reason"]
    with new_case.read_session() as s:
        assert s.get(m.Proposal, theirs).status == "rejected"
        assert s.scalar(select(func.count()).select_from(m.Mention).where(
            m.Mention.proposal_id == theirs)) == 0
        assert s.scalar(select(func.count()).select_from(m.Mention)) == MENTIONS - 1
