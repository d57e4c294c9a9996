"""Proposals in a real case: written after import, re-runnable, decisions with audit entries,
the case's confirmed names improving the next import, and the demo case."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.review import decisions
from casefile.review.proposals import propose_for_new_source, propose_for_source

ROOT = Path(__file__).resolve().parents[2]

SEED = ROOT / "seeds/000_42518da6be7191c8.txt"


@pytest.fixture
def seeded(sqlite_case, tmp_path):
    src = tmp_path / "report.txt"
    shutil.copy(SEED, src)
    (outcome,) = list(import_paths(sqlite_case, [src], on_new_source=propose_for_new_source))
    assert outcome.status == "imported"
    return sqlite_case, outcome.source_id


def _count(session, model, *where) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def _props(session, source_id, **filters):
    stmt = select(m.Proposal).where(m.Proposal.source_id == source_id)
    for k, v in filters.items():
        stmt = stmt.where(getattr(m.Proposal, k) == v)
    return list(session.scalars(stmt.order_by(m.Proposal.start)))


def test_import_writes_proposals_with_exact_spans(seeded):
    case, sid = seeded
    with case.read_session() as s:
        text = s.get(m.Source, sid).text
        props = _props(s, sid)
        kinds = {p.kind for p in props}
        assert {"PERSON", "GROUP", "PLACE", "DATE", "relation", "incident"} <= kinds
        for p in props:
            assert text[p.start : p.end] == p.text
            assert 0 < p.confidence <= 1
        (hadi,) = [p for p in props if p.kind == "PERSON" and p.text == "محمد علي الهادي"]
        assert hadi.payload["latin"] == "Muhammad Ali al-Hadi"
        irgc = [
            p for p in props if p.kind == "GROUP" and p.payload.get("ref") == ["gazetteer", "irgc"]
        ]
        assert irgc and all(p.payload["matched_alias"] for p in irgc)
        visits = [p for p in props if p.kind == "incident" and p.subkind == "visit_meeting"]
        assert visits and visits[0].payload["place"]["canonical"] == "حطلة"
        assert {"name": "محمد علي الهادي", "role": "visitor"}.items() <= visits[0].payload[
            "actors"
        ][0].items()


def test_rerun_replaces_undecided_and_keeps_decisions(seeded):
    case, sid = seeded
    with case.session() as s:
        hadi = _props(s, sid, kind="PERSON", text="محمد علي الهادي")[0]
        actor_ref = decisions.accept(s, hadi.id)
        khasham = _props(s, sid, kind="PLACE", text="خشام")[0]
        decisions.reject(s, khasham.id)
        before = _count(s, m.Proposal, m.Proposal.source_id == sid)
        kept_ids = {hadi.id, khasham.id}
    with case.session() as s:
        summary = propose_for_source(s, sid)
        assert summary.kept == 2 and summary.skipped >= 2
        after = _props(s, sid)
        assert kept_ids <= {p.id for p in after}
        assert len(after) == before  # same text: the same proposals, decided ones not repeated
        spans = [(p.kind, p.start, p.end) for p in after]
        assert len(spans) == len(set(spans))
        assert s.get(m.Proposal, hadi.id).status == "accepted"
        assert s.get(m.Proposal, khasham.id).status == "rejected"
        assert s.get(m.Actor, actor_ref[1]).name == "محمد علي الهادي"
        # The accepted name is now known to the case: its other mentions link to the actor.
        linked = [
            p
            for p in after
            if p.kind == "PERSON" and p.payload.get("ref") == ["actor", actor_ref[1]]
        ]
        assert linked
        assert _count(
            s, m.Mention, m.Mention.actor_id == actor_ref[1], m.Mention.status == "proposed"
        )


def test_accept_writes_actor_latin_alias_mention_citation_and_audit(seeded):
    case, sid = seeded
    with case.session() as s:
        kunya = _props(s, sid, kind="PERSON", text="أبو رقية الأحوازي")[0]
        audit_before = _count(s, m.AuditEntry)
        kind, actor_id = decisions.accept(s, kunya.id)
        actor = s.get(m.Actor, actor_id)
        assert (kind, actor.name, actor.name_latin) == (
            "actor",
            "محمد علي الهادي",
            "Muhammad Ali al-Hadi",
        )
        aliases = {(a.text, a.kind) for a in actor.aliases}
        assert ("أبو رقية الأحوازي", m.AliasKind.KUNYA) in aliases
        assert ("Muhammad Ali al-Hadi", m.AliasKind.TRANSLITERATION) in aliases
        mention = s.scalar(select(m.Mention).where(m.Mention.proposal_id == kunya.id))
        assert mention.status == "confirmed" and mention.actor_id == actor_id
        cite = s.scalar(
            select(m.Citation).where(
                m.Citation.fact_type == "actor", m.Citation.fact_id == actor_id
            )
        )
        assert cite.quote == "أبو رقية الأحوازي"
        assert _count(s, m.AuditEntry) > audit_before
        assert _count(
            s, m.AuditEntry, m.AuditEntry.table == "actors", m.AuditEntry.record_id == actor_id
        )


def test_second_mention_joins_the_first_record(seeded):
    case, sid = seeded
    with case.session() as s:
        first, second = _props(s, sid, kind="PLACE", text="خشام")[:2]
        a = decisions.accept(s, first.id)
        b = decisions.accept(s, second.id)
        assert a == b
        place = s.get(m.Place, a[1])
        assert (place.name_latin, round(place.latitude, 2)) == ("Khasham", 35.3)


def test_relation_and_incident_acceptance(seeded):
    case, sid = seeded
    with case.session() as s:
        office = next(
            p
            for p in _props(s, sid, kind="relation", subkind="office")
            if p.payload["source"]["canonical"] == "محمد الركاض"
        )
        kind, rel_id = decisions.accept(s, office.id)  # accepts both names as well
        rel = s.get(m.Relation, rel_id)
        assert (rel.type, rel.title, rel.subject.name, rel.object_place.name) == (
            "office",
            "مختار",
            "محمد الركاض",
            "مراط",
        )
        alias = _props(s, sid, kind="relation", subkind="alias")[0]
        decisions.accept(s, alias.id)
        hadi = s.scalar(select(m.Actor).where(m.Actor.name == "محمد علي الهادي"))
        assert "أبو رقية الأحوازي" in {a.text for a in hadi.aliases}
        call = _props(s, sid, kind="incident", subkind="statement_call")[0]
        _, inc_id = decisions.accept(s, call.id)
        inc = s.get(m.Incident, inc_id)
        assert (inc.date_start.isoformat(), inc.date_end.isoformat(), inc.precision) == (
            "2024-08-01",
            "2024-08-31",
            "month",
        )
        assert inc.place.name == "القرى السبع"
        roles = {(i.actor.name, i.role) for i in inc.involvements}
        assert ("محمد علي الهادي", "speaker") in roles
        assert {("محمد الركاض", "target"), ("فاضل الظاهر", "target")} <= roles
        assert _count(s, m.Citation, m.Citation.fact_type == "involvement") == len(inc.involvements)


def test_merge_into_and_reject(seeded):
    case, sid = seeded
    with case.session() as s:
        actor = m.Actor(name="أبو رقية", kind=m.ActorKind.PERSON)
        s.add(actor)
        s.flush()
        short = next(p for p in _props(s, sid, kind="PERSON") if p.text == "أبو رقية")
        assert decisions.merge_into(s, short.id, actor.id) == ("actor", actor.id)
        assert s.get(m.Proposal, short.id).status == "merged"
        date = _props(s, sid, kind="DATE")[0]
        decisions.reject(s, date.id)
        assert s.get(m.Proposal, date.id).status == "rejected"
        with pytest.raises(Exception, match="already"):
            decisions.accept(s, date.id)


def test_confirmed_names_improve_the_next_import(seeded, tmp_path):
    case, sid = seeded
    with case.session() as s:
        p = _props(s, sid, kind="PERSON", text="محمد الركاض")[0]
        _, actor_id = decisions.accept(s, p.id)
        from casefile.services.actors import add_alias

        add_alias(s, actor_id, "الركاض")
    later = tmp_path / "later.txt"
    later.write_text("وصل الركاض إلى مراط أمس للقاء الأهالي.", encoding="utf-8")
    (outcome,) = list(import_paths(case, [later], on_new_source=propose_for_new_source))
    with case.read_session() as s:
        (person,) = _props(s, outcome.source_id, kind="PERSON")
        assert person.text == "الركاض" and person.payload["ref"] == ["actor", actor_id]
        assert person.payload["canonical"] == "محمد الركاض"


def test_build_demo_case_through_the_cli(tmp_path):
    case_path = tmp_path / "demo.casefile"
    out = subprocess.run(
        [sys.executable, "-m", "casefile", "new", "--from-seeds", str(case_path), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    demo = json.loads(out.stdout)["demo"]
    assert demo["imported"] >= 1 and demo["accepted"]["incident"] >= 6
    from casefile.cases import open_case

    case = open_case(case_path)
    try:
        with case.read_session() as s:
            names = set(s.scalars(select(m.Actor.name)))
            assert {"محمد علي الهادي", "الحرس الثوري الإيراني", "الشرطة العسكرية الروسية"} <= names
            assert len(names) == _count(s, m.Actor)  # no twin dossiers
            subtypes = set(s.scalars(select(m.Incident.subtype)))
            assert {
                "escalation_tension",
                "checkpoint_setup",
                "pressure",
                "verbal_altercation",
                "visit_meeting",
                "statement_call",
            } <= subtypes
            offices = _count(s, m.Relation, m.Relation.type == "office")
            assert offices == 6
            assert _count(s, m.Proposal, m.Proposal.status == "proposed") > 0  # unsure ones wait
    finally:
        case.close()


def test_extract_cli_prints_the_issue_shape(tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "casefile",
            "extract",
            str(SEED),
            str(tmp_path / "missing.txt"),
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    first, second = [json.loads(line) for line in out.stdout.splitlines()]
    assert set(first) >= {"path", "language", "entities", "relations", "incidents"}
    assert first["language"] == "ar"
    text = SEED.read_text(encoding="utf-8")
    for e in first["entities"]:
        assert {
            "type",
            "kind",
            "text",
            "start",
            "end",
            "canonical",
            "latin",
            "matched_alias",
            "confidence",
        } <= set(e)
        assert text[e["start"] : e["end"]] == e["text"]
    for r in first["relations"]:
        assert {"type", "source", "target", "start", "end"} <= set(r)
    for i in first["incidents"]:
        assert {"type", "subtype", "start", "end", "date", "place", "actors"} <= set(i)
        assert set(i["date"]) >= {"value", "precision"}
    assert "error" in second


def test_propose_and_accept_on_both_backends(new_case, tmp_path):
    """The same proposals and decisions on SQLite and on a real PostgreSQL server."""
    src = tmp_path / "report.txt"
    shutil.copy(SEED, src)
    (outcome,) = list(import_paths(new_case, [src], on_new_source=propose_for_new_source))
    with new_case.session() as s:
        assert _count(s, m.Proposal, m.Proposal.source_id == outcome.source_id) > 50
        accepted = decisions.accept_confident(s, [outcome.source_id])
        assert accepted["incident"] >= 6 and accepted["relation"] >= 10
    with new_case.session() as s:
        again = propose_for_source(s, outcome.source_id)
        assert again.kept >= 60
        hadi = s.scalar(select(m.Actor).where(m.Actor.name == "محمد علي الهادي"))
        assert {"أبو رقية الأحوازي", "Muhammad Ali al-Hadi"} <= {a.text for a in hadi.aliases}


def test_extract_cli_links_against_a_case(seeded, tmp_path):
    case, sid = seeded
    with case.session() as s:
        p = _props(s, sid, kind="PERSON", text="محمد الركاض")[0]
        _, actor_id = decisions.accept(s, p.id)
        from casefile.services.actors import add_alias

        add_alias(s, actor_id, "الركاض")
    report = tmp_path / "later.txt"
    report.write_text("وصل الركاض إلى مراط.", encoding="utf-8")
    case_path = str(case.path)
    out = subprocess.run(
        [sys.executable, "-m", "casefile", "extract", str(report), "--case", case_path, "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    (data,) = [json.loads(line) for line in out.stdout.splitlines()]
    (person,) = [e for e in data["entities"] if e["type"] == "PERSON"]
    assert person["ref"] == ["actor", actor_id] and person["canonical"] == "محمد الركاض"
