"""Proposals in the case: what extraction says about a source, for the analyst to review.

``propose_for_source`` writes one Proposal per entity mention, relation and incident, with its
span, confidence and a payload (canonical and Latin names, matched alias, link, date, roles),
plus a proposed Mention for every mention already linked to a case record. It can be re-run
on a source: earlier undecided proposals are replaced, decided ones (accepted, edited,
merged, rejected) and confirmed mentions are never touched nor proposed again.
The session is the caller's (one transaction per import unit); nothing is committed here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from .case_gazetteer import case_gazetteer
from .gazetteer import ancestors, shipped_gazetteer
from .pipeline import extract
from .romanize import person_latin
from .types import DATE, PERSON, PLACE, Entity, ExtractionResult

ENTITY_KINDS = ("PERSON", "GROUP", "PLACE", "DATE")
_ACTOR_KIND = {"political_party": m.ActorKind.ORGANISATION, "person": m.ActorKind.PERSON}
_PLACE_KIND = {
    "city": m.PlaceKind.TOWN,
    "region": m.PlaceKind.AREA,
    "lake": m.PlaceKind.AREA,
    "neighbourhood": m.PlaceKind.AREA,
}
_MENTION_TYPE = {"PERSON": "actor", "GROUP": "actor", "PLACE": "place", "DATE": "date"}


@dataclass
class ProposalSummary:
    source_id: int
    status: str = "ok"  # extraction status: ok | empty | no-arabic | truncated
    created: dict[str, int] = field(default_factory=dict)  # kind → proposals written
    replaced: int = 0  # undecided proposals of an earlier run, removed
    kept: int = 0  # decided proposals left as they were
    skipped: int = 0  # spans already decided or confirmed, not proposed again

    def to_json(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "status": self.status,
            "created": self.created,
            "replaced": self.replaced,
            "kept": self.kept,
            "skipped": self.skipped,
        }


def _normal_kind(e: Entity) -> str:
    if e.type == PLACE:
        kind = _PLACE_KIND.get(e.kind, e.kind)
        return kind if kind in set(m.PlaceKind) else m.PlaceKind.AREA
    if e.type == PERSON:
        return m.ActorKind.PERSON
    if e.type == DATE:
        return e.kind
    kind = _ACTOR_KIND.get(e.kind, e.kind)
    return kind if kind in set(m.ActorKind) else m.ActorKind.ARMED_GROUP


def _entity_payload(e: Entity) -> dict[str, Any]:
    latin = e.latin
    if e.type == PERSON and (e.ref is None or e.ref[0] == "gazetteer"):
        latin = person_latin(e.canonical, best=True) if e.ref is None else latin
    payload: dict[str, Any] = {
        "canonical": e.canonical,
        "name": e.name or e.text,
        "latin": latin,
        "latin_from": e.latin_from,
        "matched_alias": e.matched_alias,
        "kind": _normal_kind(e),
        "recognizer": e.source,
    }
    if e.ref is not None:
        payload["ref"] = list(e.ref)
        if e.ref[0] == "gazetteer":
            entry = shipped_gazetteer().by_id.get(str(e.ref[1]))
            if entry is not None:
                payload["gazetteer"] = {
                    "id": entry.id,
                    "lat": entry.lat,
                    "lon": entry.lon,
                    "latin": entry.latin,
                    "aliases": [n for n in entry.names if n.isascii()][:8],
                }
                if e.type == PLACE:  # subdistrict … country, so exports fill admin1–3
                    payload["gazetteer"]["parents"] = [
                        {"id": a.id, "name": a.canonical, "kind": a.kind, "latin": a.latin,
                         "lat": a.lat, "lon": a.lon}
                        for a in ancestors(shipped_gazetteer(), entry.id)
                    ]
    if e.date is not None:
        payload["date"] = {
            "value": e.date.value,
            "precision": e.date.precision,
            "calendar": e.date.calendar,
        }
    return payload


def _clear_undecided(session: Session, source_id: int, summary: ProposalSummary) -> None:
    old = list(session.scalars(select(m.Proposal).where(m.Proposal.source_id == source_id)))
    stale = [p for p in old if p.status == "proposed"]
    summary.kept = len(old) - len(stale)
    if stale:
        ids = [p.id for p in stale]
        for mention in session.scalars(
            select(m.Mention).where(m.Mention.proposal_id.in_(ids), m.Mention.status == "proposed")
        ):
            session.delete(mention)
        for p in stale:
            session.delete(p)
        session.flush()
    summary.replaced = len(stale)


def _decided_spans(session: Session, source_id: int) -> set[tuple[str, int, int]]:
    spans = {
        (p.kind, p.start, p.end)
        for p in session.scalars(
            select(m.Proposal).where(
                m.Proposal.source_id == source_id, m.Proposal.status != "proposed"
            )
        )
    }
    for mention in session.scalars(
        select(m.Mention).where(m.Mention.source_id == source_id, m.Mention.status == "confirmed")
    ):
        for kind, target in _MENTION_TYPE.items():
            if target == mention.target_type:
                spans.add((kind, mention.start, mention.end))
        if mention.target_type == "incident":
            spans.add(("incident", mention.start, mention.end))
    return spans


def propose_for_source(session: Session, source: m.Source | int) -> ProposalSummary:
    """Write proposals for one source (see the module docstring); returns what was done."""
    if isinstance(source, int):
        found = session.get(m.Source, source)
        if found is None:
            raise LookupError(f"Source {source} does not exist.")
        source = found
    summary = ProposalSummary(source.id)
    _clear_undecided(session, source.id, summary)
    text = source.text or ""
    res = extract(text, report_date=source.published, known=case_gazetteer(session))
    summary.status = res.status
    decided = _decided_spans(session, source.id)
    by_entity = _write_entities(session, source.id, res, decided, summary)
    session.flush()
    _write_relations(session, source.id, res, by_entity, decided, summary)
    _write_incidents(session, source.id, res, by_entity, decided, summary)
    session.flush()
    return summary


def _count(summary: ProposalSummary, kind: str) -> None:
    summary.created[kind] = summary.created.get(kind, 0) + 1


def _add_proposal(session: Session, summary: ProposalSummary, source_id: int, kind: str,
                  subkind: str | None, text: str, start: int, end: int, confidence: float,
                  payload: dict[str, Any]) -> m.Proposal:
    proposal = m.Proposal(source_id=source_id, kind=kind, subkind=subkind, text=text,
                          start=start, end=end, confidence=round(confidence, 3), payload=payload)
    session.add(proposal)
    _count(summary, kind)
    return proposal


def _write_entities(
    session, source_id, res: ExtractionResult, decided, summary
) -> dict[int, m.Proposal]:
    out: dict[int, m.Proposal] = {}
    for i, e in enumerate(res.entities):
        if (e.type, e.start, e.end) in decided:
            summary.skipped += 1
            continue
        out[i] = _add_proposal(session, summary, source_id, e.type, e.kind, e.text, e.start,
                               e.end, e.confidence, _entity_payload(e))
    session.flush()  # proposal ids, for the mentions and the relation/incident payloads
    for i, p in out.items():
        e = res.entities[i]
        if e.ref is not None and e.ref[0] in ("actor", "place"):
            link = {"actor_id": e.ref[1]} if e.ref[0] == "actor" else {"place_id": e.ref[1]}
            session.add(
                m.Mention(
                    source_id=source_id,
                    start=e.start,
                    end=e.end,
                    text=e.text,
                    target_type=e.ref[0],
                    proposal_id=p.id,
                    status="proposed",
                    **link,
                )
            )
    return out


def _endpoint(res: ExtractionResult, i: int, by_entity: dict[int, m.Proposal]) -> dict[str, Any]:
    e = res.entities[i]
    p = by_entity.get(i)
    out: dict[str, Any] = {
        "canonical": e.canonical,
        "name": e.name or e.text,
        "type": e.type,
        "start": e.start,
        "end": e.end,
        "proposal_id": p.id if p else None,
    }
    if e.ref is not None:
        out["ref"] = list(e.ref)
    return out


def _write_relations(session, source_id, res, by_entity, decided, summary) -> None:
    for r in res.relations:
        if r.end <= r.start or ("relation", r.start, r.end) in decided:
            summary.skipped += ("relation", r.start, r.end) in decided
            continue
        payload = {
            "type": r.type,
            "title": r.title,
            "source": _endpoint(res, r.source, by_entity),
            "target": _endpoint(res, r.target, by_entity),
            "canonical": f"{res.entities[r.source].canonical} → {res.entities[r.target].canonical}",
        }
        _add_proposal(session, summary, source_id, "relation", r.type, res.text[r.start : r.end],
                      r.start, r.end, r.confidence, payload)


def _write_incidents(session, source_id, res, by_entity, decided, summary) -> None:
    for inc in res.incidents:
        if inc.end <= inc.start or ("incident", inc.start, inc.end) in decided:
            summary.skipped += ("incident", inc.start, inc.end) in decided
            continue
        data = inc.to_json(res.entities)
        data["place"] = _endpoint(res, inc.place, by_entity) if inc.place is not None else None
        data["actors"] = [
            {
                **_endpoint(res, a.entity, by_entity),
                "name": res.entities[a.entity].canonical,
                "role": a.role,
            }
            for a in inc.actors
        ]
        _add_proposal(session, summary, source_id, "incident", inc.subtype,
                      res.text[inc.start : inc.end], inc.start, inc.end, inc.confidence, data)
