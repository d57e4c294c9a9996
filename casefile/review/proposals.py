"""Proposals in the case: what extraction says about a source, for the analyst to review.

``propose_for_source`` writes one Proposal per entity mention, relation and incident, with its
span, confidence and a payload (canonical and Latin names, matched alias, link, date, roles),
plus a proposed Mention for every mention already linked to a case record. It can be re-run
on a source: earlier undecided proposals are replaced, decided ones (accepted, edited,
merged, rejected) and confirmed mentions are never touched nor proposed again.
The session is the caller's (one transaction per import unit); nothing is committed here.

An import does it in two halves (``propose_for_new_source``, a ``NewSourceStep``): the
extraction itself in its reader workers (``casefile.review.analysis``, on a snapshot of the
case made by ``extraction_context``), the writing here, in the writer's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..db.audit import insert_audited
from ..extraction.types import ExtractionResult
from ..importing.pipeline import NewSource, NewSourceStep
from ..services.sources import SourceData, save_source
from .analysis import ExtractionContext, ReportAnalysis, analyse_report, analyse_with
from .case_gazetteer import case_gazetteer, case_snapshot
from .stoplist import stopped_keys

ENTITY_KINDS = ("PERSON", "GROUP", "PLACE", "DATE")
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


def extraction_context(session: Session, previous: ExtractionContext | None = None
                       ) -> ExtractionContext:
    """The case's confirmed names and "not an entity" list, for extraction elsewhere;
    ``previous`` itself when neither changed since it was made."""
    names, entries = case_snapshot(session)
    stop_fp = tuple(session.execute(select(func.count(m.StopName.id), func.max(m.StopName.id),
                                           func.max(m.StopName.created_at))).one())
    fingerprint = (names, stop_fp)
    if previous is not None and previous.fingerprint == fingerprint:
        return previous
    return ExtractionContext(fingerprint, entries, frozenset(stopped_keys(session)))


def write_new_source_proposals(session: Session, source: NewSource) -> ProposalSummary:
    """The write half of ``propose_for_new_source``: ``source.analysis`` as proposals."""
    summary = ProposalSummary(source.id)
    analysis = source.analysis
    if analysis is None:  # not analysed in a worker (no step analysis ran): here, now
        analysis = analyse_report(extraction_context(session), source.text, source.published)
    _write_analysis(session, source.id, source.text, analysis, set(), summary)
    return summary


# The step every import door passes as ``on_new_source``.
propose_for_new_source = NewSourceStep(write=write_new_source_proposals,
                                       analyse=analyse_report, context=extraction_context,
                                       preload="casefile.review.worker_preload",
                                       inserts_only=True)


def propose_for_source(session: Session, source: m.Source | int) -> ProposalSummary:
    """Write proposals for one source already in the case (see the module docstring);
    returns what was done."""
    if isinstance(source, int):
        found = session.get(m.Source, source)
        if found is None:
            raise LookupError(f"Source {source} does not exist.")
        source = found
    session.flush()
    summary = ProposalSummary(source.id)
    _clear_undecided(session, source.id, summary)
    text = source.text or ""
    analysis = analyse_with(case_gazetteer(session), stopped_keys(session), text,
                            source.published)
    _write_analysis(session, source.id, text, analysis, _decided_spans(session, source.id),
                    summary)
    return summary


def _write_analysis(session: Session, source_id: int, text: str, analysis: ReportAnalysis,
                    decided: set[tuple[str, int, int]], summary: ProposalSummary) -> None:
    res = analysis.result
    res.text = text  # spans index the source's text
    summary.status = res.status
    by_entity = _write_entities(session, source_id, analysis, decided, summary)
    # Relations and incidents in one bulk insert: their payloads name the entity proposals.
    rows = _relation_rows(source_id, res, by_entity, decided, summary)
    rows += _incident_rows(source_id, res, by_entity, decided, summary)
    insert_audited(session, m.Proposal, rows)


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


def _write_entities(session, source_id, analysis: ReportAnalysis, decided,
                    summary) -> dict[int, int]:
    """Entity proposals and their proposed mentions, in bulk; entity index → proposal id.

    Names on the case's "not an entity" list are left out (counted as not_entities)."""
    res = analysis.result
    chosen: list[int] = []
    rows = []
    for i, (e, payload) in enumerate(zip(res.entities, analysis.payloads, strict=True)):
        if (e.type, e.start, e.end) in decided:
            summary.skipped += 1
            continue
        if payload is None:
            summary.not_entities += 1
            continue
        chosen.append(i)
        rows.append(_proposal_row(summary, source_id, e.type, e.kind, e.text, e.start, e.end,
                                  e.confidence, payload))
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
