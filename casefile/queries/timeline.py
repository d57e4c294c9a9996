"""What the timeline draws: lanes, then either incidents or counts per period.

Time is a day number (``date.toordinal()``), computed in SQL on both
backends. When a window holds few incidents they come back one by one with
their date precision; when it holds many, SQL counts them per lane and per
bin (a bin is a couple of screen pixels at the current zoom), so the cost
follows the screen, not the size of the case.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Date, Integer, cast, func, literal, select, type_coerce
from sqlalchemy.orm import Session

from ..db import models as m
from .filters import ViewFilters, incident_conditions

OTHER = "other"
APPROX_HALF_WIDTH = 15  # an approximate date with no end is drawn ± about half a month
YEAR_REACH = 366  # a year-precision incident may start this long before a window


@dataclass(frozen=True)
class Extent:
    first: int | None  # day numbers
    last: int | None
    dated: int
    undated: int


@dataclass(frozen=True)
class Lane:
    key: str  # "type:battle", "actor:12" or "other"
    label: str
    label_latin: str | None
    count: int
    actor_id: int | None = None
    actor_kind: str | None = None


@dataclass(frozen=True)
class TimelineItem:
    id: int
    title: str
    type: str
    subtype: str | None
    date_start: dt.date
    date_end: dt.date | None
    precision: str
    start: int  # first day (day number)
    end: int  # day after the last day
    place: str | None
    lanes: tuple[str, ...]


@dataclass(frozen=True)
class TimelineWindow:
    start: int
    end: int
    bin_days: float
    total: int  # incidents starting in the window
    items: list[TimelineItem] | None  # when the window holds few enough
    bins: dict[str, dict[int, int]] | None  # lane key -> bin index -> count


def incident_span(start: dt.date, end: dt.date | None, precision: str) -> tuple[int, int]:
    """The days an incident covers given its precision, as [first, after-last)."""
    if precision == m.DatePrecision.MONTH:
        last = end or start
        days = calendar.monthrange(last.year, last.month)[1]
        return start.replace(day=1).toordinal(), last.replace(day=days).toordinal() + 1
    if precision == m.DatePrecision.YEAR:
        last = end or start
        return dt.date(start.year, 1, 1).toordinal(), dt.date(last.year, 12, 31).toordinal() + 1
    if precision == m.DatePrecision.APPROXIMATE and end is None:
        return start.toordinal() - APPROX_HALF_WIDTH, start.toordinal() + APPROX_HALF_WIDTH + 1
    return start.toordinal(), (end or start).toordinal() + 1


def day_number(session: Session, column: ColumnElement[dt.date]) -> ColumnElement[int]:
    """``date.toordinal()`` in SQL."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(column) - 1721424.5, Integer)
    epoch = cast(literal("0001-01-01"), Date)
    return type_coerce(column - epoch, Integer) + 1


def bin_index(session: Session, column: ColumnElement[dt.date], start: int,
              bin_days: float) -> ColumnElement[int]:
    offset = (day_number(session, column) - start) / float(bin_days)
    if session.get_bind().dialect.name == "sqlite":
        return cast(offset, Integer)  # truncation is floor: offsets here are never negative
    return cast(func.floor(offset), Integer)


def timeline_extent(session: Session, filters: ViewFilters) -> Extent:
    conds = incident_conditions(filters)
    inc = m.Incident
    row = session.execute(select(func.min(inc.date_start),
                                 func.max(func.coalesce(inc.date_end, inc.date_start)),
                                 func.count(inc.id))
                          .where(inc.date_start.is_not(None), *conds)).one()
    undated = 0 if filters.dated_only else session.execute(
        select(func.count(inc.id)).where(inc.date_start.is_(None), *conds)).scalar_one()
    first, last, dated = row
    return Extent(_ordinal(first), _ordinal(last), dated, undated)


def _ordinal(value: dt.date | str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, str):  # SQLite's min() of a date column comes back as text
        value = dt.date.fromisoformat(value)
    return value.toordinal()


def timeline_lanes(session: Session, filters: ViewFilters, lane_by: str,
                   max_lanes: int = 12) -> list[Lane]:
    """The busiest types or actors under the filters; the rest share an "other" lane."""
    conds = [m.Incident.date_start.is_not(None), *incident_conditions(filters)]
    if lane_by == "actor":
        count = func.count(func.distinct(m.Involvement.incident_id))
        query = (select(m.Actor.id, m.Actor.name, m.Actor.name_latin, m.Actor.kind, count)
                 .join(m.Involvement, m.Involvement.actor_id == m.Actor.id)
                 .join(m.Incident, m.Incident.id == m.Involvement.incident_id)
                 .where(*conds)
                 .group_by(m.Actor.id, m.Actor.name, m.Actor.name_latin, m.Actor.kind)
                 .order_by(count.desc(), m.Actor.id).limit(max_lanes))
        if filters.actor_kinds:
            query = query.where(m.Actor.kind.in_(sorted(filters.actor_kinds)))
        lanes = [Lane(f"actor:{r[0]}", r[1], r[2], r[4], r[0], r[3])
                 for r in session.execute(query)]
        if filters.actor_id is not None:  # the scoped actor leads
            lanes.sort(key=lambda lane: lane.actor_id != filters.actor_id)
    else:
        count = func.count(m.Incident.id)
        rows = session.execute(select(m.Incident.type, count).where(*conds)
                               .group_by(m.Incident.type).order_by(count.desc(), m.Incident.type)
                               .limit(max_lanes))
        lanes = [Lane(f"type:{t}", t, None, n) for t, n in rows]
    rest = _other_count(session, conds, lanes, lane_by)
    if rest:  # an empty "other" lane would only take room
        lanes.append(Lane(OTHER, OTHER, None, rest))
    return lanes


def _other_count(session: Session, conds: list, lanes: list[Lane], lane_by: str) -> int:
    query = select(func.count(m.Incident.id)).where(*conds)
    if lane_by == "actor":
        ids = [lane.actor_id for lane in lanes if lane.actor_id is not None] or [-1]
        query = query.where(~select(m.Involvement.id).where(
            m.Involvement.incident_id == m.Incident.id, m.Involvement.actor_id.in_(ids)).exists())
    else:
        query = query.where(m.Incident.type.not_in([lane.label for lane in lanes] or [""]))
    return session.execute(query).scalar_one()


def _window_conds(filters: ViewFilters, start: int, end: int,
                  reach: int = 0) -> list[ColumnElement[bool]]:
    return [m.Incident.date_start >= dt.date.fromordinal(max(1, start - reach)),
            m.Incident.date_start < dt.date.fromordinal(end),
            *incident_conditions(filters)]


def timeline_window(session: Session, filters: ViewFilters, lanes: list[Lane], lane_by: str,
                    start: int, end: int, bin_days: float,
                    item_limit: int = 1500) -> TimelineWindow:
    """Incidents (or counts per bin) between day ``start`` and day ``end``."""
    total = session.execute(select(func.count(m.Incident.id))
                            .where(*_window_conds(filters, start, end))).scalar_one()
    if total <= item_limit:
        items = _items(session, filters, lanes, lane_by, start, end, item_limit)
        return TimelineWindow(start, end, bin_days, total, items, None)
    bins = _bins(session, filters, lanes, lane_by, start, end, bin_days)
    return TimelineWindow(start, end, bin_days, total, None, bins)


def _items(session: Session, filters: ViewFilters, lanes: list[Lane], lane_by: str,
           start: int, end: int, limit: int) -> list[TimelineItem]:
    inc = m.Incident
    conds = _window_conds(filters, start, end, reach=YEAR_REACH)
    rows = session.execute(select(inc.id, inc.title, inc.type, inc.subtype, inc.date_start,
                                  inc.date_end, inc.precision, m.Place.name)
                           .outerjoin(m.Place, m.Place.id == inc.place_id)
                           .where(*conds).order_by(inc.date_start, inc.id).limit(limit * 2)).all()
    lane_of: dict[int, list[str]] = {}
    keys = {lane.key for lane in lanes}
    if lane_by == "actor":
        actor_ids = [lane.actor_id for lane in lanes if lane.actor_id is not None]
        if actor_ids:
            pairs = session.execute(
                select(m.Involvement.incident_id, m.Involvement.actor_id)
                .join(inc, inc.id == m.Involvement.incident_id)
                .where(*conds, m.Involvement.actor_id.in_(actor_ids)))
            for incident_id, actor_id in pairs:
                lane_of.setdefault(incident_id, []).append(f"actor:{actor_id}")
    items = []
    for r in rows:
        first, after = incident_span(r.date_start, r.date_end, r.precision)
        if after <= start or first >= end:
            continue
        if lane_by == "actor":
            own = tuple(dict.fromkeys(lane_of.get(r.id, [])))  # dedupe roles, keep order
        else:
            own = (f"type:{r.type}",) if f"type:{r.type}" in keys else ()
        items.append(TimelineItem(r.id, r.title, r.type, r.subtype, r.date_start, r.date_end,
                                  r.precision, first, after, r.name, own or (OTHER,)))
    return items


def _bins(session: Session, filters: ViewFilters, lanes: list[Lane], lane_by: str,
          start: int, end: int, bin_days: float) -> dict[str, dict[int, int]]:
    inc = m.Incident
    conds = _window_conds(filters, start, end)
    bin_ = bin_index(session, inc.date_start, start, bin_days).label("bin")
    out: dict[str, dict[int, int]] = {lane.key: {} for lane in lanes}
    out.setdefault(OTHER, {})
    if lane_by == "actor":
        actor_ids = [lane.actor_id for lane in lanes if lane.actor_id is not None]
        if actor_ids:
            rows = session.execute(
                select(m.Involvement.actor_id, bin_, func.count(func.distinct(inc.id)))
                .join(inc, inc.id == m.Involvement.incident_id)
                .where(*conds, m.Involvement.actor_id.in_(actor_ids))
                .group_by(m.Involvement.actor_id, bin_))
            for actor_id, b, n in rows:
                out[f"actor:{actor_id}"][b] = n
        involved = select(m.Involvement.id).where(m.Involvement.incident_id == inc.id,
                                                  m.Involvement.actor_id.in_(actor_ids or [-1]))
        for b, n in session.execute(select(bin_, func.count(inc.id))
                                    .where(*conds, ~involved.exists()).group_by(bin_)):
            out[OTHER][b] = n
        return out
    rows = session.execute(select(inc.type, bin_, func.count(inc.id)).where(*conds)
                           .group_by(inc.type, bin_))
    for type_, b, n in rows:
        key = f"type:{type_}"
        lane = out.get(key, out[OTHER])
        lane[b] = lane.get(b, 0) + n
    return out


def density(session: Session, filters: ViewFilters, start: int, end: int,
            bins: int) -> list[int]:
    """Incidents per bin over [start, end): the strip that shows the whole case."""
    bin_days = max(1e-9, (end - start) / bins)
    counts = [0] * bins
    bin_ = bin_index(session, m.Incident.date_start, start, bin_days).label("bin")
    rows = session.execute(select(bin_, func.count(m.Incident.id))
                           .where(*_window_conds(filters, start, end)).group_by(bin_))
    for b, n in rows:
        counts[min(bins - 1, max(0, b))] += n
    return counts
