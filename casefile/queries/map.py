"""What the map draws: places with coordinates and how many incidents happened there.

An incident at a place without coordinates (a facility typed in by hand)
counts at the nearest enclosing place that has them, so no incident is
silently missing from the map.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from .filters import ViewFilters, incident_conditions


@dataclass(frozen=True)
class MapPlace:
    id: int
    name: str
    name_latin: str | None
    kind: str
    latitude: float
    longitude: float
    incidents: int


def located_ancestor(place_id: int, parent: dict[int, int | None],
                     located: set[int]) -> int | None:
    seen: set[int] = set()
    current: int | None = place_id
    while current is not None and current not in seen:
        if current in located:
            return current
        seen.add(current)
        current = parent.get(current)
    return None


def map_places(session: Session, filters: ViewFilters) -> list[MapPlace]:
    rows = session.execute(select(m.Place.id, m.Place.name, m.Place.name_latin, m.Place.kind,
                                  m.Place.latitude, m.Place.longitude, m.Place.parent_id)).all()
    parent = {r.id: r.parent_id for r in rows}
    located = {r.id for r in rows if r.latitude is not None and r.longitude is not None}
    per_place = session.execute(
        select(m.Incident.place_id, func.count(m.Incident.id))
        .where(m.Incident.place_id.is_not(None), *incident_conditions(filters))
        .group_by(m.Incident.place_id)).all()
    counts: dict[int, int] = {}
    for place_id, n in per_place:
        target = located_ancestor(place_id, parent, located)
        if target is not None:
            counts[target] = counts.get(target, 0) + n
    return [MapPlace(r.id, r.name, r.name_latin, r.kind, r.latitude, r.longitude,
                     counts.get(r.id, 0))
            for r in rows if r.id in located]
