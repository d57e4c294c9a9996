"""What one selection means for every view.

Selecting an actor brings its incidents and places; an incident its actors,
place and sources; a place what happened there and who was involved; a
source what it mentions or supports. Each view takes what it needs from one
``Focus`` instead of each running its own idea of "related".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..db import models as m
from .filters import place_with_parts
from .map import located_ancestor
from .timeline import incident_span

MAX_IDS = 5000  # enough to highlight; a focus is not an export


@dataclass(frozen=True)
class Focus:
    kind: str
    id: int
    label: str = ""
    label_latin: str | None = None
    actor_ids: frozenset[int] = field(default_factory=frozenset)
    incident_ids: frozenset[int] = field(default_factory=frozenset)
    place_ids: frozenset[int] = field(default_factory=frozenset)  # located places to show
    scope_place_ids: frozenset[int] = field(default_factory=frozenset)  # place and its parts
    source_ids: frozenset[int] = field(default_factory=frozenset)
    span: tuple[int, int] | None = None  # an incident's days, for the timeline to show
    exists: bool = True


def _located(session: Session, place_ids: set[int]) -> frozenset[int]:
    rows = session.execute(select(m.Place.id, m.Place.parent_id, m.Place.latitude,
                                  m.Place.longitude)).all()
    parent = {r.id: r.parent_id for r in rows}
    located = {r.id for r in rows if r.latitude is not None and r.longitude is not None}
    found = {located_ancestor(p, parent, located) for p in place_ids}
    return frozenset(p for p in found if p is not None)


def _ids(session: Session, query) -> set[int]:
    return {i for i in session.execute(query.limit(MAX_IDS)).scalars() if i is not None}


def focus_for(session: Session, kind: str, ref_id: int) -> Focus:
    if kind == "actor":
        return _actor(session, ref_id)
    if kind == "incident":
        return _incident(session, ref_id)
    if kind == "place":
        return _place(session, ref_id)
    if kind == "source":
        return _source(session, ref_id)
    return Focus(kind, ref_id)


def _actor(session: Session, actor_id: int) -> Focus:
    actor = session.get(m.Actor, actor_id)
    if actor is None:
        return Focus("actor", actor_id, exists=False)
    incidents = _ids(session, select(m.Involvement.incident_id)
                     .where(m.Involvement.actor_id == actor_id).distinct())
    places = _ids(session, select(m.Incident.place_id).join(
        m.Involvement, m.Involvement.incident_id == m.Incident.id)
        .where(m.Involvement.actor_id == actor_id).distinct())
    places |= _ids(session, select(m.Relation.object_place_id)
                   .where(m.Relation.subject_id == actor_id))
    sources = _ids(session, select(m.Mention.source_id).where(m.Mention.actor_id == actor_id)
                   .distinct())
    sources |= _ids(session, select(m.Citation.source_id).where(
        m.Citation.fact_type == "actor", m.Citation.fact_id == actor_id))
    return Focus("actor", actor_id, actor.name, actor.name_latin, frozenset({actor_id}),
                 frozenset(incidents), _located(session, places), frozenset(),
                 frozenset(sources))


def _incident(session: Session, incident_id: int) -> Focus:
    inc = session.get(m.Incident, incident_id)
    if inc is None:
        return Focus("incident", incident_id, exists=False)
    actors = _ids(session, select(m.Involvement.actor_id)
                  .where(m.Involvement.incident_id == incident_id))
    sources = _ids(session, select(m.Mention.source_id)
                   .where(m.Mention.incident_id == incident_id).distinct())
    sources |= _ids(session, select(m.Citation.source_id).where(
        m.Citation.fact_type == "incident", m.Citation.fact_id == incident_id))
    places = _located(session, {inc.place_id}) if inc.place_id else frozenset()
    span = incident_span(inc.date_start, inc.date_end, inc.precision) if inc.date_start else None
    return Focus("incident", incident_id, inc.title, None, frozenset(actors),
                 frozenset({incident_id}), places, frozenset(), frozenset(sources), span)


def _place(session: Session, place_id: int) -> Focus:
    place = session.get(m.Place, place_id)
    if place is None:
        return Focus("place", place_id, exists=False)
    scope = place_with_parts(session, place_id)
    incidents = _ids(session, select(m.Incident.id).where(m.Incident.place_id.in_(sorted(scope))))
    actors = _ids(session, select(m.Involvement.actor_id).join(
        m.Incident, m.Incident.id == m.Involvement.incident_id)
        .where(m.Incident.place_id.in_(sorted(scope))).distinct())
    actors |= _ids(session, select(m.Relation.subject_id)
                   .where(m.Relation.object_place_id.in_(sorted(scope))))
    sources = _ids(session, select(m.Mention.source_id)
                   .where(m.Mention.place_id.in_(sorted(scope))).distinct())
    return Focus("place", place_id, place.name, place.name_latin, frozenset(actors),
                 frozenset(incidents), _located(session, {place_id}), scope, frozenset(sources))


def _source(session: Session, source_id: int) -> Focus:
    source = session.get(m.Source, source_id)
    if source is None:
        return Focus("source", source_id, exists=False)
    mention = m.Mention
    actors = _ids(session, select(mention.actor_id).where(mention.source_id == source_id))
    places = _ids(session, select(mention.place_id).where(mention.source_id == source_id))
    incidents = _ids(session, select(mention.incident_id).where(mention.source_id == source_id))
    cited = session.execute(select(m.Citation.fact_type, m.Citation.fact_id).where(
        m.Citation.source_id == source_id,
        or_(m.Citation.fact_type == "actor", m.Citation.fact_type == "incident",
            m.Citation.fact_type == "place"))).all()
    for fact_type, fact_id in cited:
        {"actor": actors, "incident": incidents, "place": places}[fact_type].add(fact_id)
    return Focus("source", source_id, source.title or source.file_name, None, frozenset(actors),
                 frozenset(incidents), _located(session, places), frozenset(),
                 frozenset({source_id}))
