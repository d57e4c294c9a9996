"""The incidents of a case, or of a filtered part of it, as plain data in date order.

``load_incidents`` is shared with the dossier: one query for the incidents and their
places, one for everyone involved, so 500 incidents cost two round trips, not a thousand.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..db import models as m
from .citations import Endnote, Endnotes, SourceItem
from .labels import EVENT_TYPES, ROLES, SUB_EVENT_TYPES, format_span, label
from .meta import ExportMeta
from .places import PlaceBook, PlaceInfo

_BATCH = 500


@dataclass
class InvolvedActor:
    involvement_id: int
    actor_id: int
    name: str
    name_latin: str | None
    kind: str
    role: str
    role_label: str
    notes: list[int] = field(default_factory=list)


@dataclass
class IncidentItem:
    id: int
    title: str
    type: str
    type_label: str
    subtype: str | None
    subtype_label: str
    date_label: str
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str
    place: PlaceInfo | None
    summary: str | None
    credibility: int | None
    actors: list[InvolvedActor] = field(default_factory=list)
    notes: list[int] = field(default_factory=list)

    def roles_of(self, actor_id: int) -> list[str]:
        return [a.role_label for a in self.actors if a.actor_id == actor_id]

    def others(self, actor_id: int) -> list[InvolvedActor]:
        return [a for a in self.actors if a.actor_id != actor_id]


@dataclass(frozen=True)
class TimelineFilter:
    actor_id: int | None = None
    place_id: int | None = None  # this place and the places within it
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    types: tuple[str, ...] = ()  # event types or sub-event types (codes)

    def describe(self, names: dict[str, str]) -> list[str]:
        """Arabic lines saying what the timeline was limited to (for its cover)."""
        out = []
        if self.actor_id is not None:
            out.append(f"الفاعل: {names.get('actor', self.actor_id)}")
        if self.place_id is not None:
            out.append(f"المكان: {names.get('place', self.place_id)}")
        if self.date_from or self.date_to:
            out.append(f"الفترة: {format_span(self.date_from, self.date_to, 'day')}")
        if self.types:
            out.append("النوع: " + "، ".join(
                label(EVENT_TYPES, t) if t in EVENT_TYPES else label(SUB_EVENT_TYPES, t)
                for t in self.types))
        return out


@dataclass
class Timeline:
    meta: ExportMeta
    filters: list[str]
    incidents: list[IncidentItem]
    endnotes: list[Endnote]
    sources: list[SourceItem]


def effective_end(start: dt.date | None, end: dt.date | None, precision: str | None) -> dt.date | None:
    """The last day a date can mean: «آب/أغسطس 2024» runs to 31 August."""
    if end is not None:
        return end
    if start is None:
        return None
    if precision == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if precision == "year":
        return start.replace(month=12, day=31)
    return start


def sort_key(item: IncidentItem) -> tuple:
    return (item.date_start is None, item.date_start or dt.date.min, item.id)


def load_incidents(session: Session, ids: list[int], places: PlaceBook) -> list[IncidentItem]:
    items: dict[int, IncidentItem] = {}
    for i in range(0, len(ids), _BATCH):
        i_ = m.Incident
        rows = session.execute(
            select(i_.id, i_.title, i_.type, i_.subtype, i_.date_start, i_.date_end,
                   i_.precision, i_.place_id, i_.summary, i_.credibility)
            .where(i_.id.in_(ids[i:i + _BATCH]))
        ).all()
        for r in rows:
            items[r.id] = IncidentItem(
                id=r.id, title=r.title, type=r.type, type_label=label(EVENT_TYPES, r.type),
                subtype=r.subtype, subtype_label=label(SUB_EVENT_TYPES, r.subtype),
                date_label=format_span(r.date_start, r.date_end, r.precision),
                date_start=r.date_start, date_end=r.date_end, precision=r.precision or "day",
                place=places.get(r.place_id), summary=r.summary, credibility=r.credibility,
            )
    involved: dict[int, list[InvolvedActor]] = defaultdict(list)
    for i in range(0, len(ids), _BATCH):
        rows = session.execute(
            select(m.Involvement.id, m.Involvement.incident_id, m.Involvement.role,
                   m.Actor.id.label("actor_id"), m.Actor.name, m.Actor.name_latin, m.Actor.kind)
            .join(m.Actor, m.Actor.id == m.Involvement.actor_id)
            .where(m.Involvement.incident_id.in_(ids[i:i + _BATCH]))
            .order_by(m.Involvement.id)
        ).all()
        for r in rows:
            involved[r.incident_id].append(InvolvedActor(
                involvement_id=r.id, actor_id=r.actor_id, name=r.name, name_latin=r.name_latin,
                kind=r.kind, role=r.role, role_label=label(ROLES, r.role)))
    for incident_id, actors in involved.items():
        if incident_id in items:
            items[incident_id].actors = actors
    return sorted(items.values(), key=sort_key)


def cite_incidents(endnotes: Endnotes, incidents: list[IncidentItem],
                   only_actor: int | None = None) -> None:
    """Number the citations of each incident and of each involvement, in reading order.

    An endnote names the incident by its row number in the table, not by its whole title.
    """
    for row, item in enumerate(incidents, start=1):
        item.notes = endnotes.cite("incident", item.id, f"الحدث {row}")
        for a in item.actors:
            if only_actor is None or a.actor_id == only_actor:
                a.notes = endnotes.cite("involvement", a.involvement_id,
                                        f"دور {a.name} في الحدث {row}: {a.role_label}")


def incident_facts(incidents: list[IncidentItem]) -> dict[str, list[int]]:
    return {"incident": [i.id for i in incidents],
            "involvement": [a.involvement_id for i in incidents for a in i.actors]}


def matching_incident_ids(session: Session, filt: TimelineFilter, places: PlaceBook) -> list[int]:
    q = select(m.Incident.id, m.Incident.date_start, m.Incident.date_end, m.Incident.precision)
    if filt.actor_id is not None:
        q = q.where(m.Incident.id.in_(select(m.Involvement.incident_id)
                                      .where(m.Involvement.actor_id == filt.actor_id)))
    if filt.place_id is not None:
        q = q.where(m.Incident.place_id.in_(sorted(places.within(filt.place_id))))
    if filt.types:
        q = q.where(or_(m.Incident.type.in_(filt.types), m.Incident.subtype.in_(filt.types)))
    out = []
    for r in session.execute(q):
        if filt.date_from or filt.date_to:
            last = effective_end(r.date_start, r.date_end, r.precision)
            if r.date_start is None or last is None:
                continue  # an undated incident cannot be placed in a period
            if filt.date_from and last < filt.date_from:
                continue
            if filt.date_to and r.date_start > filt.date_to:
                continue
        out.append(r.id)
    return out


def build_timeline(session: Session, filt: TimelineFilter, meta: ExportMeta,
                   names: dict[str, str] | None = None) -> Timeline:
    places = PlaceBook(session)
    incidents = load_incidents(session, matching_incident_ids(session, filt, places), places)
    endnotes = Endnotes(session, incident_facts(incidents))
    cite_incidents(endnotes, incidents)
    return Timeline(meta=meta, filters=filt.describe(names or {}), incidents=incidents,
                    endnotes=endnotes.notes, sources=endnotes.sources)
