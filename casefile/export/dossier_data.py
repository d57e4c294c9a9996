"""An actor's dossier as plain data: everything the templates and the JSON need, no ORM.

Built from one read-only Session in a handful of batched queries. The order in which
facts are cited here (profile, aliases, offices, affiliations, incidents, places) is the
order the reader meets them, so endnotes number up from the start of the document.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..db import models as m
from .citations import Endnote, Endnotes, SourceItem
from .errors import ExportError
from .labels import ACTOR_KINDS, ALIAS_KINDS, RELATION_TYPES, format_period, label
from .meta import ExportMeta
from .network_svg import NetworkNode, network_svg
from .passages import PassageSource, actor_passages
from .places import PlaceBook, PlaceInfo
from .timeline_data import IncidentItem, cite_incidents, incident_facts, load_incidents

# How a relation reads from its object's side («مدعوم من» seen from the backer is «يدعم»).
INVERSE_RELATION = {
    "backed_by": "يدعم", "member_of": "يضم عضوا", "commands": "بقيادة",
    "affiliated_with": "مرتبط به", "office": "يشغل منصبا فيه",
}
NETWORK_SIZE = 12  # neighbours drawn around the actor; the table lists them all
_CONTEXT = 40  # characters either side of an alias where it was seen


@dataclass
class AliasItem:
    id: int
    text: str
    kind: str
    kind_label: str
    source_id: int | None
    source_title: str | None
    start: int | None
    end: int | None
    context: str | None  # the words around it in that source
    notes: list[int] = field(default_factory=list)


@dataclass
class RelationItem:
    id: int
    type: str
    type_label: str  # read from this actor's side
    title: str | None
    other_id: int
    other_name: str
    other_latin: str | None
    other_is_place: bool
    inverse: bool  # this actor is the relation's object
    period: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str | None
    notes: list[int] = field(default_factory=list)


@dataclass
class RelatedActor:
    id: int
    name: str
    name_latin: str | None
    kind: str
    kind_label: str
    links: list[str]
    shared_incidents: int
    weight: int


@dataclass
class PlaceItem:
    place: PlaceInfo
    why: list[str]
    incident_count: int
    notes: list[int] = field(default_factory=list)


@dataclass
class Dossier:
    meta: ExportMeta
    actor_id: int
    name: str
    name_latin: str | None
    kind: str
    kind_label: str
    notes_text: str | None
    tags: list[str]
    analyst_notes: list[str]
    profile_notes: list[int]
    aliases: list[AliasItem]
    offices: list[RelationItem]
    affiliations: list[RelationItem]
    incidents: list[IncidentItem]
    related: list[RelatedActor]
    places: list[PlaceItem]
    endnotes: list[Endnote]
    sources: list[SourceItem]
    network_svg: str
    passages: list[PassageSource] = field(default_factory=list)  # every passage naming it

    @property
    def has_incidents(self) -> bool:
        return bool(self.incidents)

    @property
    def has_citations(self) -> bool:
        return bool(self.endnotes)


def _aliases(session: Session, actor_id: int, primary: str) -> list[AliasItem]:
    rows = session.execute(
        select(m.Alias.id, m.Alias.text, m.Alias.kind, m.Alias.source_id, m.Alias.start,
               m.Alias.end, m.Source.title, m.Source.file_name)
        .outerjoin(m.Source, m.Source.id == m.Alias.source_id)
        .where(m.Alias.actor_id == actor_id).order_by(m.Alias.id)
    ).all()
    texts = dict(session.execute(
        select(m.Source.id, m.Source.text)
        .where(m.Source.id.in_({r.source_id for r in rows if r.source_id}))
    ).all()) if rows else {}
    out = []
    for r in rows:
        if r.text == primary:
            continue  # the primary name is on the cover already
        context = None
        text = texts.get(r.source_id) or ""
        if r.start is not None and r.end is not None and 0 <= r.start < r.end <= len(text):
            a, b = max(0, r.start - _CONTEXT), min(len(text), r.end + _CONTEXT)
            context = ("…" if a else "") + " ".join(text[a:b].split()) + ("…" if b < len(text) else "")
        out.append(AliasItem(
            id=r.id, text=r.text, kind=r.kind, kind_label=label(ALIAS_KINDS, r.kind),
            source_id=r.source_id, source_title=(r.title or r.file_name) if r.source_id else None,
            start=r.start, end=r.end, context=context))
    return out


def _relations(session: Session, actor_id: int, places: PlaceBook) -> list[RelationItem]:
    r_ = m.Relation
    rows = session.execute(
        select(r_.id, r_.type, r_.title, r_.subject_id, r_.object_actor_id, r_.object_place_id,
               r_.date_start, r_.date_end, r_.precision)
        .where(or_(r_.subject_id == actor_id, r_.object_actor_id == actor_id)).order_by(r_.id)
    ).all()
    other_ids = {r.object_actor_id if r.subject_id == actor_id else r.subject_id for r in rows}
    actors = {a.id: a for a in session.execute(
        select(m.Actor.id, m.Actor.name, m.Actor.name_latin).where(m.Actor.id.in_(other_ids - {None}))
    )}
    out = []
    for r in rows:
        inverse = r.subject_id != actor_id
        if inverse:
            other, is_place = actors.get(r.subject_id), False
        elif r.object_actor_id is not None:
            other, is_place = actors.get(r.object_actor_id), False
        else:
            other, is_place = places.get(r.object_place_id), True
        if other is None:
            continue
        type_label = (INVERSE_RELATION.get(r.type, label(RELATION_TYPES, r.type)) if inverse
                      else label(RELATION_TYPES, r.type))
        out.append(RelationItem(
            id=r.id, type=r.type, type_label=type_label, title=r.title, other_id=other.id,
            other_name=other.name, other_latin=other.name_latin, other_is_place=is_place,
            inverse=inverse, period=format_period(r.date_start, r.date_end, r.precision),
            date_start=r.date_start, date_end=r.date_end, precision=r.precision))
    return out


def _related(session: Session, actor_id: int, relations: list[RelationItem],
             incidents: list[IncidentItem]) -> list[RelatedActor]:
    links: dict[int, list[str]] = defaultdict(list)
    for r in relations:
        if not r.other_is_place:
            links[r.other_id].append(r.title or r.type_label)
    shared: Counter[int] = Counter()
    for i in incidents:
        shared.update({a.actor_id for a in i.others(actor_id)})  # once per incident
    ids = set(links) | set(shared)
    rows = session.execute(select(m.Actor.id, m.Actor.name, m.Actor.name_latin, m.Actor.kind)
                           .where(m.Actor.id.in_(ids))).all() if ids else []
    out = [RelatedActor(id=r.id, name=r.name, name_latin=r.name_latin, kind=r.kind,
                        kind_label=label(ACTOR_KINDS, r.kind), links=links.get(r.id, []),
                        shared_incidents=shared.get(r.id, 0),
                        weight=2 * len(links.get(r.id, [])) + shared.get(r.id, 0))
           for r in rows]
    return sorted(out, key=lambda a: (-a.weight, a.name))


def _places(relations: list[RelationItem], incidents: list[IncidentItem],
            places: PlaceBook) -> list[PlaceItem]:
    why: dict[int, list[str]] = defaultdict(list)
    counts: Counter[int] = Counter()
    for r in relations:
        if r.other_is_place:
            why[r.other_id].append(f"{r.title or r.type_label} ({r.period})")
    for i in incidents:
        if i.place:
            counts[i.place.id] += 1
    for place_id, n in counts.items():
        why[place_id].append(f"{n} {'حدث' if n == 1 else 'أحداث'}")
    items = [PlaceItem(place=places.get(pid), why=w, incident_count=counts.get(pid, 0))
             for pid, w in why.items() if places.get(pid)]
    return sorted(items, key=lambda p: (-p.incident_count, p.place.name))


def build_dossier(session: Session, actor_id: int, meta: ExportMeta) -> Dossier:
    actor = session.get(m.Actor, actor_id)
    if actor is None:
        raise ExportError(f"No actor has id {actor_id}.")
    places = PlaceBook(session)
    aliases = _aliases(session, actor_id, actor.name)
    relations = _relations(session, actor_id, places)
    incident_ids = list(session.scalars(select(m.Involvement.incident_id)
                                        .where(m.Involvement.actor_id == actor_id).distinct()))
    incidents = load_incidents(session, incident_ids, places)
    related = _related(session, actor_id, relations, incidents)
    place_items = _places(relations, incidents, places)

    offices = [r for r in relations if r.type == "office" and not r.inverse]
    affiliations = [r for r in relations if r not in offices]
    facts = incident_facts(incidents) | {
        "actor": [actor_id], "alias": [a.id for a in aliases],
        "relation": [r.id for r in relations], "place": [p.place.id for p in place_items]}
    endnotes = Endnotes(session, facts)
    profile_notes = endnotes.cite("actor", actor_id, f"الفاعل: {actor.name}")
    for a in aliases:
        a.notes = endnotes.cite("alias", a.id, f"الاسم الآخر: {a.text}")
    for r in offices + affiliations:
        r.notes = endnotes.cite("relation", r.id, f"{r.title or r.type_label} — {r.other_name}")
    cite_incidents(endnotes, incidents, only_actor=actor_id)
    for p in place_items:
        p.notes = endnotes.cite("place", p.place.id, f"المكان: {p.place.name}")

    analyst_notes = list(session.scalars(
        select(m.Note.text).where(m.Note.target_type == "actor", m.Note.target_id == actor_id)
        .order_by(m.Note.id)))
    centre = NetworkNode(actor.id, actor.name, actor.kind, 0)
    neighbours = [NetworkNode(a.id, a.name, a.kind, a.weight,
                              dashed=not a.links, label=(a.links[0] if a.links else
                                                          f"{a.shared_incidents} مشترك"))
                  for a in related[:NETWORK_SIZE]]
    return Dossier(
        meta=meta, actor_id=actor.id, name=actor.name, name_latin=actor.name_latin,
        kind=actor.kind, kind_label=label(ACTOR_KINDS, actor.kind), notes_text=actor.notes,
        tags=sorted(t.name for t in actor.tags), analyst_notes=analyst_notes,
        profile_notes=profile_notes, aliases=aliases, offices=offices,
        affiliations=affiliations, incidents=incidents, related=related, places=place_items,
        endnotes=endnotes.notes, sources=endnotes.sources,
        network_svg=network_svg(centre, neighbours, more=max(0, len(related) - NETWORK_SIZE)),
        passages=actor_passages(session, actor.id),
    )
