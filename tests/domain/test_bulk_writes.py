
"""Proposals written in bulk keep their audit entries and undo; the case gazetteer follows the
case's dossiers as they change; a name is found by its indexed key."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import func, select

from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.review import decisions
from casefile.review.case_gazetteer import case_gazetteer
from casefile.review.proposals import propose_for_new_source, propose_for_source
from casefile.undo import run_action, undo

SEED = Path(__file__).resolve().parents[2] / "seeds/000_42518da6be7191c8.txt"


def _count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def test_every_bulk_written_proposal_and_mention_has_its_audit_entry(new_case, tmp_path):
    with new_case.session() as s:  # a dossier of the case: its mentions are proposed too
        s.add(m.Place(name="حطلة", kind="village"))
    src = tmp_path / "report.txt"
    shutil.copy(SEED, src)
    (outcome,) = list(import_paths(new_case, [src], user="محلل", on_new_source=propose_for_new_source))
    with new_case.read_session() as s:
        proposals = s.execute(select(m.Proposal.id, m.Proposal.kind)).all()
        mentions = list(s.scalars(select(m.Mention.id)))
        assert len(proposals) > 50 and mentions
        for table, ids in (("proposals", [p.id for p in proposals]), ("mentions", mentions)):
            entries = s.execute(select(m.AuditEntry.record_id, m.AuditEntry.user,
                                       m.AuditEntry.action, m.AuditEntry.after)
                                .where(m.AuditEntry.table == table)).all()
            assert sorted(e.record_id for e in entries) == sorted(ids)
            assert {(e.user, e.action) for e in entries} == {("محلل", "insert")}
            assert all(e.after["id"] == e.record_id for e in entries)
        relation = s.scalars(select(m.Proposal).where(m.Proposal.kind == "relation")).first()
        # The relation's payload names the entity proposals written just before it.
        assert s.get(m.Proposal, relation.payload["source"]["proposal_id"]) is not None
        assert _count(s, m.AuditEntry, m.AuditEntry.table == "sources") == 1


def test_a_recorded_re_extraction_is_undone_whole(sqlite_case, tmp_path):
    src = tmp_path / "report.txt"
    shutil.copy(SEED, src)
    (outcome,) = list(import_paths(sqlite_case, [src], on_new_source=propose_for_new_source))
    with sqlite_case.session() as s:  # a mark on one proposal that re-extraction replaces
        s.scalars(select(m.Proposal)).first().confidence = 0.123
        count = _count(s, m.Proposal)
    _, action = run_action(sqlite_case, "Re-extract",
                           lambda s: propose_for_source(s, outcome.source_id))
    with sqlite_case.read_session() as s:
        assert _count(s, m.Proposal) == count
        assert _count(s, m.Proposal, m.Proposal.confidence == 0.123) == 0
    undo(sqlite_case, action)
    with sqlite_case.read_session() as s:
        assert _count(s, m.Proposal) == count
        assert _count(s, m.Proposal, m.Proposal.confidence == 0.123) == 1


def test_the_case_gazetteer_follows_additions_renames_and_deletions(sqlite_case):
    def linked(name: str):
        with sqlite_case.read_session() as s:
            hit = case_gazetteer(s).lookup(name, "PERSON")
            return hit.entry.ref if hit is not None and hit.entry.ref[0] == "actor" else None

    assert linked("سالم الدرويشي") is None
    with sqlite_case.session() as s:
        actor = m.Actor(name="سالم الدرويشي", kind="person")
        s.add(actor)
        s.flush()
        actor_id = actor.id
    assert linked("سالم الدرويشي") == ("actor", actor_id)
    with sqlite_case.session() as s:
        owner = s.get(m.Actor, actor_id)
        owner.aliases.append(m.Alias(text="أبو سالم", key="ابو سالم"))
    assert linked("ابو سالم") == ("actor", actor_id)
    with sqlite_case.session() as s:
        s.get(m.Actor, actor_id).name = "سالم العبدالله"
    assert linked("سالم العبدالله") == ("actor", actor_id)
    assert linked("سالم الدرويشي") is None
    with sqlite_case.session() as s:
        s.delete(s.get(m.Actor, actor_id))
    assert linked("سالم العبدالله") is None and linked("ابو سالم") is None


def test_accept_finds_the_actor_by_its_name_in_another_spelling(sqlite_case):
    with sqlite_case.session() as s:
        actor = m.Actor(name="أبو رقية الأحوازي", kind="person")
        source = m.Source(sha256="1" * 64, original=b"x", file_name="r.txt", media_type="text/plain",
                          size=1, text="زار ابو رقيه الاحوازي القرية")
        s.add_all([actor, source])
        s.flush()
        assert actor.name_key == "ابو رقيهالاحوازي"
        proposal = m.Proposal(source_id=source.id, kind="PERSON", subkind="person",
                              text="ابو رقيه الاحوازي", start=4, end=21, confidence=0.9,
                              payload={"canonical": "ابو رقيه الاحوازي", "latin": ""})
        s.add(proposal)
        s.flush()
        actor_id, proposal_id = actor.id, proposal.id
    with sqlite_case.session() as s:
        assert decisions.accept(s, proposal_id) == ("actor", actor_id)
        assert _count(s, m.Actor) == 1
