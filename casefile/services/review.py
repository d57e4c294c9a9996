"""The review queue's read model: proposals in order, each with its sentence and source.

The decisions on them are ``casefile.review.decisions`` (and ``casefile.review.confirm``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from .choices import Candidate, rank_actors
from .marks import proposal_mark_type
from .validation import ValidationError

CONTEXT_LIMIT = 400
_SENTENCE_END = re.compile(r"[.!?؟\n]")
ACTOR_KINDS_OF = {"PERSON": "person", "GROUP": "group"}


@dataclass(frozen=True)
class ProposalRow:
    id: int
    source_id: int
    source_title: str
    kind: str  # PERSON, GROUP, PLACE, DATE, incident, relation
    mark_type: str  # person, group, place, date, incident ("" for relations)
    subkind: str
    text: str
    start: int
    end: int
    confidence: float
    status: str
    canonical: str
    latin: str
    matched_alias: str
    context: str  # the sentence around the span
    context_start: int  # where ``context`` starts in the source text


def proposal_ids(session: Session, source_id: int | None = None,
                 statuses: Sequence[str] = ("proposed",)) -> list[int]:
    stmt = select(m.Proposal.id).where(m.Proposal.status.in_(list(statuses)))
    if source_id is not None:
        stmt = stmt.where(m.Proposal.source_id == source_id)
    return list(session.scalars(stmt.order_by(m.Proposal.source_id, m.Proposal.start,
                                              m.Proposal.id)))


def sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """The sentence holding ``text[start:end]`` (bounded), and where it starts."""
    left = max((mt.end() for mt in _SENTENCE_END.finditer(text, max(0, start - CONTEXT_LIMIT),
                                                          start)), default=None)
    left = left if left is not None else max(0, start - CONTEXT_LIMIT)
    after = _SENTENCE_END.search(text, end, min(len(text), end + CONTEXT_LIMIT))
    right = after.end() if after else min(len(text), end + CONTEXT_LIMIT)
    while left < start and text[left].isspace():
        left += 1
    return left, text[left:right].rstrip()


def proposal_rows(session: Session, ids: Sequence[int]) -> list[ProposalRow]:
    if not ids:
        return []
    props = {p.id: p for p in session.scalars(select(m.Proposal).where(m.Proposal.id.in_(ids)))}
    texts: dict[int, tuple[str, str]] = {}
    for r in session.execute(select(m.Source.id, m.Source.title, m.Source.file_name,
                                    m.Source.text)
                             .where(m.Source.id.in_({p.source_id for p in props.values()}))):
        texts[r.id] = (r.title or r.file_name, r.text or "")
    rows = []
    for pid in ids:
        p = props.get(pid)
        if p is None:
            continue
        title, text = texts.get(p.source_id, ("", ""))
        ctx_start, context = sentence_around(text, p.start, p.end)
        payload = p.payload or {}
        canonical = str(payload.get("canonical") or payload.get("summary") or p.text)
        rows.append(ProposalRow(
            id=p.id, source_id=p.source_id, source_title=title, kind=p.kind,
            mark_type=proposal_mark_type(p.kind) or "", subkind=p.subkind or "", text=p.text,
            start=p.start, end=p.end, confidence=p.confidence, status=p.status,
            canonical=canonical,
            latin=str(payload.get("latin") or ""),
            matched_alias=str(payload.get("matched_alias") or ""), context=context,
            context_start=ctx_start))
    return rows


def merge_candidates(session: Session, proposal_id: int, limit: int = 10) -> list[Candidate]:
    p = open_proposal(session, proposal_id)
    payload = p.payload or {}
    names = [payload.get("canonical") or "", p.text]
    best: dict[int, Candidate] = {}
    for name in filter(None, names):
        for cand in rank_actors(session, name, limit=limit, minimum=0,
                                kind_hint="person" if p.kind == "PERSON" else None):
            if cand.id not in best or cand.score > best[cand.id].score:
                best[cand.id] = cand
    return sorted(best.values(), key=lambda c: (-c.score, c.label))[:limit]


def open_proposal(session: Session, proposal_id: int) -> m.Proposal:
    """A proposal still waiting for a decision (``LookupError`` gone, ``ValidationError``
    decided)."""
    p = session.get(m.Proposal, proposal_id)
    if p is None:
        raise LookupError(f"Proposal {proposal_id} no longer exists.")
    if p.status != "proposed":
        raise ValidationError({"proposal": f"«{p.text}» was already {p.status}."})
    return p
