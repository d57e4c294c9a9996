"""The case's own dossiers as a gazetteer: every confirmed actor, place and alias.

Confirmed names improve the next extraction: an alias accepted once («الركاض») is then found
anywhere, linked to its actor, without a pattern. The combined gazetteer is cached per case
and rebuilt only when actors, places or aliases changed (their count or latest version).
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..extraction.gazetteer import Entry, Gazetteer, case_entry, shipped_gazetteer
from ..extraction.types import GROUP, PERSON, PLACE

_cache: dict[tuple, Gazetteer] = {}


def _fingerprint(session: Session) -> tuple:
    parts = []
    for model in (m.Actor, m.Place, m.Alias):
        row = session.execute(
            select(func.count(model.id), func.max(model.updated_at), func.max(model.id))
        ).one()
        parts.append(tuple(str(x) for x in row))
    bind = session.get_bind()
    return (str(bind.url), *parts)


def case_entries(session: Session) -> list[Entry]:
    """Gazetteer entries for the case's actors and places, with all their aliases."""
    names: dict[tuple[str, int], list[str]] = defaultdict(list)
    for actor_id, place_id, text in session.execute(
        select(m.Alias.actor_id, m.Alias.place_id, m.Alias.text)
    ):
        if actor_id is not None:
            names[("actor", actor_id)].append(text)
        elif place_id is not None:
            names[("place", place_id)].append(text)
    entries = []
    for a in session.execute(select(m.Actor.id, m.Actor.kind, m.Actor.name, m.Actor.name_latin)):
        type_ = PERSON if a.kind == m.ActorKind.PERSON else GROUP
        entries.append(
            case_entry(
                a.id, type_, a.kind, a.name, names[("actor", a.id)], latin=a.name_latin or ""
            )
        )
    for p in session.execute(
        select(
            m.Place.id,
            m.Place.kind,
            m.Place.name,
            m.Place.name_latin,
            m.Place.latitude,
            m.Place.longitude,
        )
    ):
        entries.append(
            case_entry(
                p.id,
                PLACE,
                p.kind,
                p.name,
                names[("place", p.id)],
                latin=p.name_latin or "",
                ref_kind="place",
                lat=p.latitude,
                lon=p.longitude,
            )
        )
    return entries


def case_gazetteer(session: Session) -> Gazetteer:
    """Shipped gazetteers plus this case's dossiers (cached until the dossiers change)."""
    fp = _fingerprint(session)
    gaz = _cache.get(fp)
    if gaz is None:
        entries = case_entries(session)
        gaz = shipped_gazetteer().extended(entries) if entries else shipped_gazetteer()
        if len(_cache) > 8:
            _cache.clear()
        _cache[fp] = gaz
    return gaz
