"""Pickers: every actor or place as (id, label), and candidates ranked by name."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..normalize import key


@dataclass(frozen=True)
class Choice:
    id: int
    label: str
    detail: str = ""  # kind, Latin name


@dataclass(frozen=True)
class Candidate:
    id: int
    label: str
    detail: str
    score: float  # 0..1
    matched: str  # the name or alias that matched best


def _label(name: str, latin: str | None) -> str:
    return f"{name} ({latin})" if latin else name


def actor_choices(session: Session) -> list[Choice]:
    rows = session.execute(select(m.Actor.id, m.Actor.name, m.Actor.name_latin, m.Actor.kind)
                           .order_by(m.Actor.name))
    return [Choice(r.id, _label(r.name, r.name_latin), r.kind) for r in rows]


def place_choices(session: Session) -> list[Choice]:
    rows = session.execute(select(m.Place.id, m.Place.name, m.Place.name_latin, m.Place.kind)
                           .order_by(m.Place.name))
    return [Choice(r.id, _label(r.name, r.name_latin), r.kind) for r in rows]


def rank_actors(session: Session, name: str, *, limit: int = 10,
                kind_hint: str | None = None, minimum: float = 40) -> list[Candidate]:
    """Actors whose name or an alias is closest to ``name`` (normalised, clitic-aware).

    ``minimum`` (0–100) drops weak matches; a merge passes 0 so there is always a choice.
    """
    return _rank(session, m.Actor, m.Alias.actor_id, name, limit=limit, kind_hint=kind_hint,
                 minimum=minimum)


def rank_places(session: Session, name: str, *, limit: int = 10,
                minimum: float = 40) -> list[Candidate]:
    """Places whose name or an alias is closest to ``name`` (as ``rank_actors``)."""
    return _rank(session, m.Place, m.Alias.place_id, name, limit=limit, kind_hint=None,
                 minimum=minimum)


def _rank(session: Session, model, owner_column, name: str, *, limit: int,
          kind_hint: str | None, minimum: float) -> list[Candidate]:
    wanted = key(name)
    if not wanted:
        return []
    names: dict[int, list[str]] = {}
    info: dict[int, tuple[str, str | None, str]] = {}
    for r in session.execute(select(model.id, model.name, model.name_latin, model.kind)):
        info[r.id] = (r.name, r.name_latin, r.kind)
        names.setdefault(r.id, []).extend(filter(None, [r.name, r.name_latin]))
    for owner_id, text in session.execute(select(owner_column, m.Alias.text)
                                          .where(owner_column.is_not(None))):
        names.setdefault(owner_id, []).append(text)
    scored: list[Candidate] = []
    for record_id, texts in names.items():
        best, matched = 0.0, ""
        for text in texts:
            k = key(text)
            score = max(fuzz.ratio(wanted, k), fuzz.token_set_ratio(wanted, k) * 0.95)
            if k and (wanted.endswith(k) or k.endswith(wanted)) and min(len(k), len(wanted)) >= 3:
                score = max(score, 85.0)  # «بالحرس الثوري» ends with «الحرس الثوري»
            if score > best:
                best, matched = score, text
        if kind_hint and info[record_id][2] == kind_hint:
            best = min(100.0, best + 3)
        if best >= minimum:
            name_, latin, kind = info[record_id]
            scored.append(Candidate(record_id, _label(name_, latin), kind,
                                    round(best / 100, 3), matched))
    scored.sort(key=lambda c: (-c.score, c.label))
    return scored[:limit]


def incident_choices(session: Session) -> list[Choice]:
    rows = session.execute(select(m.Incident.id, m.Incident.title, m.Incident.date_start,
                                  m.Incident.type)
                           .order_by(m.Incident.date_start.desc().nulls_last(), m.Incident.id))
    return [Choice(r.id, f"{r.date_start.isoformat() if r.date_start else '—'}  {r.title}",
                   r.type) for r in rows]
