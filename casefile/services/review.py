"""The review queue's read model and the analyst's decisions on proposals.

Thin decisions (accept, edit, merge, reject) written for the desk until the
extraction package publishes its own; they keep the source span as a
confirmed mention and a citation, and never touch what an analyst confirmed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..normalize import key
from .choices import Candidate, rank_actors
from .citations import add_citation
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
    p = _open(session, proposal_id)
    payload = p.payload or {}
    names = [payload.get("canonical") or "", p.text]
    best: dict[int, Candidate] = {}
    for name in filter(None, names):
        for cand in rank_actors(session, name, limit=limit, minimum=0,
                                kind_hint="person" if p.kind == "PERSON" else None):
            if cand.id not in best or cand.score > best[cand.id].score:
                best[cand.id] = cand
    return sorted(best.values(), key=lambda c: (-c.score, c.label))[:limit]


# --- decisions -----------------------------------------------------------------


def _open(session: Session, proposal_id: int) -> m.Proposal:
    p = session.get(m.Proposal, proposal_id)
    if p is None:
        raise LookupError(f"Proposal {proposal_id} no longer exists.")
    if p.status != "proposed":
        raise ValidationError({"proposal": f"«{p.text}» was already {p.status}."})
    return p


def _decide(session: Session, p: m.Proposal, status: str, target: tuple[str, int] | None) -> None:
    p.status = status
    p.target_type, p.target_id = target if target else (None, None)
    p.decided_at = m.utcnow()
    p.decided_by = session.info.get("user")


def _linked(session: Session, p: m.Proposal, model: type[m.Base], kind: str) -> int | None:
    """The record the proposal already names: its link, or a record with that name's key."""
    payload = p.payload or {}
    ref = payload.get("ref")
    if isinstance(ref, list | tuple) and len(ref) == 2 and ref[0] == kind:
        if session.get(model, int(ref[1])) is not None:
            return int(ref[1])
    column = m.Alias.actor_id if kind == "actor" else m.Alias.place_id
    names = [n for n in (payload.get("canonical"), p.text) if n]
    for name in names:
        found = session.scalar(select(column).where(m.Alias.key == key(name), column.is_not(None)))
        if found:
            return found
    # The record's own name is not an alias row: its indexed key (same name, other spelling
    # of hamza, ta marbuta or spaces).
    if not names:
        return None
    return session.scalar(select(model.id).where(model.name_key.in_({key(n) for n in names}))
                          .order_by(model.id).limit(1))


def _add_name(owner: m.Actor | m.Place, text: str, kind: str, p: m.Proposal | None) -> None:
    text = " ".join((text or "").split())
    if not key(text) or key(text) in {key(owner.name), *(a.key for a in owner.aliases)}:
        return
    alias = m.Alias(text=text, key=key(text), kind=kind)
    if p is not None:
        alias.source_id, alias.start, alias.end = p.source_id, p.start, p.end
    owner.aliases.append(alias)


def _confirm_span(session: Session, p: m.Proposal, target_type: str, **target: int) -> None:
    session.add(m.Mention(source_id=p.source_id, start=p.start, end=p.end, text=p.text,
                          target_type=target_type, proposal_id=p.id, status="confirmed",
                          **target))
    if target:
        fact_type, fact_id = target_type, next(iter(target.values()))
        add_citation(session, fact_type, fact_id, p.source_id, p.start, p.end)


def _actor_kind(p: m.Proposal, payload: dict[str, Any], override: str | None) -> str:
    if override:
        return override
    if p.kind == "PERSON":
        return m.ActorKind.PERSON
    kind = payload.get("kind") or p.subkind
    return kind if kind in set(m.ActorKind) else m.ActorKind.ARMED_GROUP


def _accepted_latin(p: m.Proposal, payload: dict[str, Any], canonical: str) -> str | None:
    """A new person's Latin name from the romaniser's model: too slow for every name of every
    report at import (the proposal holds the fast reading), worth it for a name accepted."""
    if p.kind == "PERSON" and not payload.get("ref"):
        from ..extraction.romanize import person_latin

        return person_latin(canonical, best=True) or payload.get("latin") or None
    return payload.get("latin") or None


def accept(session: Session, proposal_id: int, *, name: str | None = None,
           kind: str | None = None, latin: str | None = None) -> tuple[str, int] | None:
    """Accept (or, with overrides, edit and accept) a proposal; returns the record it became."""
    p = _open(session, proposal_id)
    payload = p.payload or {}
    edited = any(v is not None for v in (name, kind, latin))
    canonical = " ".join((name or payload.get("canonical") or p.text).split())
    if latin is None:
        latin = _accepted_latin(p, payload, canonical)
    target: tuple[str, int] | None = None
    if p.kind in ACTOR_KINDS_OF:
        actor_id = None if name else _linked(session, p, m.Actor, "actor")
        if actor_id is None:
            actor = m.Actor(name=canonical, kind=_actor_kind(p, payload, kind), name_latin=latin)
            session.add(actor)
            if latin:
                _add_name(actor, latin, m.AliasKind.TRANSLITERATION, None)
        else:
            actor = session.get(m.Actor, actor_id)
        _add_name(actor, p.text, m.AliasKind.NAME, p)
        session.flush()
        _confirm_span(session, p, "actor", actor_id=actor.id)
        target = ("actor", actor.id)
    elif p.kind == "PLACE":
        place_id = None if name else _linked(session, p, m.Place, "place")
        if place_id is None:
            place = m.Place(name=canonical, name_latin=latin,
                            kind=kind or payload.get("kind") or m.PlaceKind.VILLAGE)
            if place.kind not in set(m.PlaceKind):
                place.kind = m.PlaceKind.AREA
            session.add(place)
        else:
            place = session.get(m.Place, place_id)
        _add_name(place, p.text, m.AliasKind.NAME, p)
        session.flush()
        _confirm_span(session, p, "place", place_id=place.id)
        target = ("place", place.id)
    elif p.kind == "DATE":
        _confirm_span(session, p, "date")
    elif p.kind.lower() == "incident":
        target = ("incident", _accept_incident(session, p, payload, canonical if name else None))
    _decide(session, p, "edited" if edited else "accepted", target)
    session.flush()
    return target


def _accept_incident(session: Session, p: m.Proposal, payload: dict[str, Any],
                     title: str | None) -> int:
    from .validation import parse_date

    date = payload.get("date") or {}
    try:
        start = parse_date(date.get("value") if isinstance(date, dict) else None)
    except ValueError:
        start = None
    summary = payload.get("summary") or p.text
    incident = m.Incident(
        title=(title or summary)[:200], type=payload.get("type") or "strategic_developments",
        subtype=payload.get("subtype") or p.subkind, summary=summary, date_start=start,
        precision=(date.get("precision") if isinstance(date, dict) else None)
        or m.DatePrecision.APPROXIMATE)
    session.add(incident)
    session.flush()
    _confirm_span(session, p, "incident", incident_id=incident.id)
    return incident.id


def merge(session: Session, proposal_id: int, actor_id: int) -> tuple[str, int]:
    """Confirm that the proposed name is an existing actor: alias, mention, citation."""
    p = _open(session, proposal_id)
    if p.kind not in ACTOR_KINDS_OF:
        raise ValidationError({"proposal": "Only people and groups merge into actors."})
    actor = session.get(m.Actor, actor_id)
    if actor is None:
        raise LookupError(f"Actor {actor_id} no longer exists.")
    _add_name(actor, p.text, m.AliasKind.NAME, p)
    actor.updated_at = m.utcnow()
    session.flush()
    _confirm_span(session, p, "actor", actor_id=actor.id)
    _decide(session, p, "merged", ("actor", actor.id))
    session.flush()
    return ("actor", actor.id)


def reject(session: Session, proposal_id: int) -> None:
    _decide(session, _open(session, proposal_id), "rejected", None)
    session.flush()


def accept_many(session: Session, proposal_ids: Sequence[int],
                accept_one: Callable[..., Any] | None = None) -> int:
    """Bulk accept: proposals decided meanwhile, or that cannot be accepted yet (a relation
    whose names are unknown), are skipped. Returns how many were accepted."""
    accept_one = accept_one or accept
    done = 0
    for pid in proposal_ids:
        p = session.get(m.Proposal, pid)
        if p is None or p.status != "proposed":
            continue
        try:
            with session.begin_nested():
                accept_one(session, pid)
        except (ValidationError, LookupError, ValueError):
            continue
        done += 1
    return done
