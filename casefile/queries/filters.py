"""The filters every view applies, as SQL conditions on incidents.

``ViewFilters`` mirrors the UI's shared filters (date range, incident types,
actor kinds) plus the scope a selection imposes (an actor's incidents, what
happened at a place). The domain cannot import ``ui``, so the UI converts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy import ColumnElement, exists, func, select
from sqlalchemy.orm import Session, aliased

from ..db import models as m


@dataclass(frozen=True)
class ViewFilters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    incident_types: frozenset[str] = field(default_factory=frozenset)
    actor_kinds: frozenset[str] = field(default_factory=frozenset)
    actor_id: int | None = None  # scope: incidents involving this actor
    place_ids: frozenset[int] = field(default_factory=frozenset)  # scope: a place and its parts

    def scoped(self, *, actor_id: int | None = None,
               place_ids: frozenset[int] = frozenset()) -> ViewFilters:
        return replace(self, actor_id=actor_id, place_ids=frozenset(place_ids))

    @property
    def dated_only(self) -> bool:
        return self.date_from is not None or self.date_to is not None


def incident_conditions(filters: ViewFilters) -> list[ColumnElement[bool]]:
    """WHERE clauses on ``m.Incident`` for the filters and scope."""
    inc = m.Incident
    # Aliases: the callers often select from involvements themselves, and a plain
    # Involvement here would be correlated to theirs and lose its FROM.
    kinds_inv, actor_inv = aliased(m.Involvement), aliased(m.Involvement)
    conds: list[ColumnElement[bool]] = []
    if filters.date_from is not None:
        conds.append(func.coalesce(inc.date_end, inc.date_start) >= filters.date_from)
    if filters.date_to is not None:
        conds.append(inc.date_start <= filters.date_to)
    if filters.incident_types:
        conds.append(inc.type.in_(sorted(filters.incident_types)))
    if filters.actor_kinds:
        kind_actor = aliased(m.Actor)
        conds.append(exists(
            select(kinds_inv.id).join(kind_actor, kind_actor.id == kinds_inv.actor_id)
            .where(kinds_inv.incident_id == inc.id,
                   kind_actor.kind.in_(sorted(filters.actor_kinds)))))
    if filters.actor_id is not None:
        conds.append(exists(select(actor_inv.id).where(
            actor_inv.incident_id == inc.id, actor_inv.actor_id == filters.actor_id)))
    if filters.place_ids:
        conds.append(inc.place_id.in_(sorted(filters.place_ids)))
    return conds


def place_with_parts(session: Session, place_id: int) -> frozenset[int]:
    """A place and everything inside it (villages of a district...), for place scopes."""
    children: dict[int, list[int]] = {}
    for pid, parent in session.execute(select(m.Place.id, m.Place.parent_id)
                                       .where(m.Place.parent_id.is_not(None))):
        children.setdefault(parent, []).append(pid)
    found, todo = {place_id}, [place_id]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:  # a cycle typed in by hand must not loop forever
                found.add(child)
                todo.append(child)
    return frozenset(found)
