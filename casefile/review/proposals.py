"""Proposals in the case: what extraction says about a source, for the analyst to review.

``propose_for_source`` writes one Proposal per entity mention, relation and incident, with its
span, confidence and a payload (canonical and Latin names, matched alias, link, date, roles),
plus a proposed Mention for every mention already linked to a case record. It can be re-run
on a source: earlier undecided proposals are replaced, decided ones (accepted, edited,
merged, rejected) and confirmed mentions are never touched nor proposed again.
The session is the caller's (one transaction per import unit); nothing is committed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..db.audit import insert_audited
from ..extraction.gazetteer import ancestors, shipped_gazetteer
from ..extraction.pipeline import extract
from ..extraction.types import DATE, PERSON, PLACE, Entity, ExtractionResult
from ..services.sources import SourceData, save_source
from .case_gazetteer import case_gazetteer
from .stoplist import is_stopped, stopped_keys

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
    not_entities: int = 0  # names on the case's "not an entity" list, not proposed

    def to_json(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "status": self.status,
            "created": self.created,
            "replaced": self.replaced,
            "kept": self.kept,
            "skipped": self.skipped,
            "not_entities": self.not_entities,
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
    # The fast romaniser's Latin; the better (model) one is computed when the analyst
    # accepts the name (review.confirm._accepted_latin), not for every name of every report.
    latin = e.latin
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
    rows = session.execute(
        select(m.Proposal.id, m.Proposal.status).where(m.Proposal.source_id == source_id)
    ).all()
    stale_ids = [pid for pid, status in rows if status == "proposed"]
    summary.kept = len(rows) - len(stale_ids)
    if stale_ids:  # a re-run: rare, through the ORM so every deletion is audited
        for mention in session.scalars(
            select(m.Mention).where(
                m.Mention.proposal_id.in_(stale_ids), m.Mention.status == "proposed"
            )
        ):
            session.delete(mention)
        for p in session.scalars(select(m.Proposal).where(m.Proposal.id.in_(stale_ids))):
            session.delete(p)
        session.flush()
    summary.replaced = len(stale_ids)


def _decided_spans(session: Session, source_id: int) -> set[tuple[str, int, int]]:
    spans = {
        (kind, start, end)
        for kind, start, end in session.execute(
            select(m.Proposal.kind, m.Proposal.start, m.Proposal.end).where(
                m.Proposal.source_id == source_id, m.Proposal.status != "proposed"
            )
        )
    }
    for target_type, start, end in session.execute(
        select(m.Mention.target_type, m.Mention.start, m.Mention.end).where(
            m.Mention.source_id == source_id, m.Mention.status == "confirmed"
        )
    ):
        for kind, target in _MENTION_TYPE.items():
            if target == target_type:
                spans.add((kind, start, end))
        if target_type == "incident":
            spans.add(("incident", start, end))
    return spans


def propose_for_new_source(session: Session, source: m.Source) -> ProposalSummary:
    """The step every import door passes as ``on_new_source``: proposals for a source just
    stored, in its file's transaction."""
    return propose_for_source(session, source, fresh=True)


def propose_for_source(session: Session, source: m.Source | int, *,
                       fresh: bool = False) -> ProposalSummary:
    """Write proposals for one source (see the module docstring); returns what was done.

    ``fresh``: the source was just imported, so nothing of an earlier run is to be read."""
    if isinstance(source, int):
        found = session.get(m.Source, source)
        if found is None:
            raise LookupError(f"Source {source} does not exist.")
        source = found
    session.flush()
    summary = ProposalSummary(source.id)
    if not fresh:
        _clear_undecided(session, source.id, summary)
    text = source.text or ""
    res = extract(text, report_date=source.published, known=case_gazetteer(session))
    summary.status = res.status
    decided = set() if fresh else _decided_spans(session, source.id)
    by_entity = _write_entities(session, source.id, res, decided, summary)
    # Relations and incidents in one bulk insert: their payloads name the entity proposals.
    rows = _relation_rows(source.id, res, by_entity, decided, summary)
    rows += _incident_rows(source.id, res, by_entity, decided, summary)
    insert_audited(session, m.Proposal, rows)
    return summary


def save_source_redating(session: Session, data: SourceData) -> int:
    """Save a source's metadata; when its report date changed, its open proposals are written
    again so relative dates («أمس», «22 مارس الماضي») and the incidents dated by them
    re-resolve against the new date. Decided proposals and confirmed mentions stay as they are."""
    before = session.get(m.Source, data.id)
    old = before.published if before is not None else None
    source_id = save_source(session, data)
    source = session.get(m.Source, source_id)
    if source.published != old:
        propose_for_source(session, source)
    return source_id


def _count(summary: ProposalSummary, kind: str) -> None:
    summary.created[kind] = summary.created.get(kind, 0) + 1


def _proposal_row(summary: ProposalSummary, source_id: int, kind: str, subkind: str | None,
                  text: str, start: int, end: int, confidence: float,
                  payload: dict[str, Any]) -> dict[str, Any]:
    _count(summary, kind)
    return {"source_id": source_id, "kind": kind, "subkind": subkind, "text": text,
            "start": start, "end": end, "confidence": round(confidence, 3), "payload": payload,
            "status": "proposed"}


def _write_entities(session, source_id, res: ExtractionResult, decided, summary) -> dict[int, int]:
    """Entity proposals and their proposed mentions, in bulk; entity index → proposal id.

    Names on the case's "not an entity" list are left out (counted as not_entities)."""
    chosen: list[int] = []
    rows = []
    stopped = stopped_keys(session)
    for i, e in enumerate(res.entities):
        if (e.type, e.start, e.end) in decided:
            summary.skipped += 1
            continue
        if stopped and is_stopped(stopped, e.type, e.canonical, e.text):
            summary.not_entities += 1
            continue
        chosen.append(i)
        rows.append(_proposal_row(summary, source_id, e.type, e.kind, e.text, e.start, e.end,
                                  e.confidence, _entity_payload(e)))
    out = dict(zip(chosen, insert_audited(session, m.Proposal, rows), strict=True))
    mentions = []
    for i, pid in out.items():
        e = res.entities[i]
        if e.ref is not None and e.ref[0] in ("actor", "place"):
            mentions.append({
                "source_id": source_id, "start": e.start, "end": e.end, "text": e.text,
                "target_type": e.ref[0], "proposal_id": pid, "status": "proposed",
                "actor_id": e.ref[1] if e.ref[0] == "actor" else None,
                "place_id": e.ref[1] if e.ref[0] == "place" else None,
            })
    insert_audited(session, m.Mention, mentions)
    return out


def _endpoint(res: ExtractionResult, i: int, by_entity: dict[int, int]) -> dict[str, Any]:
    e = res.entities[i]
    out: dict[str, Any] = {
        "canonical": e.canonical,
        "name": e.name or e.text,
        "type": e.type,
        "start": e.start,
        "end": e.end,
        "proposal_id": by_entity.get(i),
    }
    if e.ref is not None:
        out["ref"] = list(e.ref)
    return out


def _undecided(items: Iterable[Any], kind: str, decided, summary: ProposalSummary) -> Iterator[Any]:
    """The relations or incidents with a span that were not decided before (those are counted
    as skipped)."""
    for item in items:
        if item.end <= item.start or (kind, item.start, item.end) in decided:
            summary.skipped += (kind, item.start, item.end) in decided
            continue
        yield item


def _relation_rows(source_id, res, by_entity, decided, summary) -> list[dict[str, Any]]:
    rows = []
    for r in _undecided(res.relations, "relation", decided, summary):
        payload = {
            "type": r.type,
            "title": r.title,
            "source": _endpoint(res, r.source, by_entity),
            "target": _endpoint(res, r.target, by_entity),
            "canonical": f"{res.entities[r.source].canonical} → {res.entities[r.target].canonical}",
        }
        rows.append(_proposal_row(summary, source_id, "relation", r.type,
                                  res.text[r.start : r.end], r.start, r.end, r.confidence,
                                  payload))
    return rows


def _incident_rows(source_id, res, by_entity, decided, summary) -> list[dict[str, Any]]:
    rows = []
    for inc in _undecided(res.incidents, "incident", decided, summary):
        data = inc.to_json(res.entities)
        data["place"] = _endpoint(res, inc.place, by_entity) if inc.place is not None else None
        if inc.within is not None:
            data["within"] = _endpoint(res, inc.within, by_entity)
        data["actors"] = [
            {
                **_endpoint(res, a.entity, by_entity),
                "name": res.entities[a.entity].canonical,
                "role": a.role,
            }
            for a in inc.actors
        ]
        rows.append(_proposal_row(summary, source_id, "incident", inc.subtype,
                                  res.text[inc.start : inc.end], inc.start, inc.end,
                                  inc.confidence, data))
    return rows
