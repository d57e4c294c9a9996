"""What a decision on a proposal writes first: the record it names, the confirmed mention, the
citation.

Accept (or edit and accept), merge into an actor, reject; each keeps the source span as a
confirmed mention and a citation, and never touches what an analyst confirmed.
``casefile.review.decisions`` completes them with what extraction knows (aliases, coordinates,
an incident's place and dates, relations) and is what the desk and the CLI call.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..normalize import key
from ..services.citations import add_citation
from ..services.review import ACTOR_KINDS_OF
from ..services.review import open_proposal as _open
from ..services.validation import ValidationError, parse_date


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
        # Loaded here: every CLI command loads the review package, none should load extraction.
        from ..extraction.romanize import person_latin

        return person_latin(canonical, best=True) or payload.get("latin") or None
    return payload.get("latin") or None


def _accept_named(session: Session, p: m.Proposal, model: type[m.Actor] | type[m.Place],
                  kind: str, name: str | None,
                  new: Callable[[], m.Actor | m.Place]) -> tuple[str, int]:
    """The actor or place the proposal names (the one it is linked to, unless the analyst typed
    a name, or a ``new`` one), with the proposal's text as a name, its span confirmed and cited."""
    record_id = None if name else _linked(session, p, model, kind)
    if record_id is None:
        record = new()
        session.add(record)
    else:
        record = session.get(model, record_id)
    _add_name(record, p.text, m.AliasKind.NAME, p)
    session.flush()
    _confirm_span(session, p, kind, **{f"{kind}_id": record.id})
    return (kind, record.id)


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
        def new_actor() -> m.Actor:
            actor = m.Actor(name=canonical, kind=_actor_kind(p, payload, kind), name_latin=latin)
            if latin:
                _add_name(actor, latin, m.AliasKind.TRANSLITERATION, None)
            return actor

        target = _accept_named(session, p, m.Actor, "actor", name, new_actor)
    elif p.kind == "PLACE":
        def new_place() -> m.Place:
            place = m.Place(name=canonical, name_latin=latin,
                            kind=kind or payload.get("kind") or m.PlaceKind.VILLAGE)
            if place.kind not in set(m.PlaceKind):
                place.kind = m.PlaceKind.AREA
            return place

        target = _accept_named(session, p, m.Place, "place", name, new_place)
    elif p.kind == "DATE":
        _confirm_span(session, p, "date")
    elif p.kind.lower() == "incident":
        target = ("incident", _accept_incident(session, p, payload, canonical if name else None))
    _decide(session, p, "edited" if edited else "accepted", target)
    session.flush()
    return target


def _accept_incident(session: Session, p: m.Proposal, payload: dict[str, Any],
                     title: str | None) -> int:
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
