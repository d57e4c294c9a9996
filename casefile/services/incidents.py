"""Incidents: read model, validation, save with optimistic locking, delete."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..db.locking import apply_edit
from . import records
from .citations import CitationRow, citations_for, delete_citations
from .validation import ValidationError, check_range, date_text, required
from .vocab import INCIDENT_TYPES, PRECISIONS, ROLES, subtypes_of


@dataclass
class InvolvementData:
    actor_id: int | None
    actor_label: str = ""
    role: str = "participant"
    id: int | None = None


@dataclass
class IncidentData:
    id: int | None = None
    version: int = 0
    title: str = ""
    type: str = "strategic_developments"
    subtype: str = ""
    date_start: str = ""
    date_end: str = ""
    precision: str = m.DatePrecision.DAY
    place_id: int | None = None
    place_label: str = ""
    summary: str = ""
    credibility: int | None = None
    tags: list[str] = field(default_factory=list)
    involvements: list[InvolvementData] = field(default_factory=list)
    citations: list[CitationRow] = field(default_factory=list)  # read-only

    def comparable(self) -> dict[str, Any]:
        return {"title": self.title, "type": self.type, "subtype": self.subtype,
                "date_start": self.date_start, "date_end": self.date_end,
                "precision": self.precision, "place_id": self.place_id, "summary": self.summary,
                "credibility": self.credibility, "tags": list(self.tags),
                "involvements": [(i.id, i.actor_id, i.role) for i in self.involvements]}


def load_incident(session: Session, incident_id: int) -> IncidentData:
    inc = session.get(m.Incident, incident_id)
    if inc is None:
        raise LookupError(f"Incident {incident_id} no longer exists.")
    invs = sorted(inc.involvements, key=lambda i: i.id)
    labels = records.labels(session, [("actor", i.actor_id) for i in invs])
    facts = [("incident", incident_id, "the incident")]
    facts += [("involvement", i.id, f"{labels.get(('actor', i.actor_id), '')} as "
               f"{ROLES.get(i.role, i.role).lower()}") for i in invs]
    return IncidentData(
        id=inc.id, version=inc.version, title=inc.title, type=inc.type,
        subtype=inc.subtype or "", date_start=date_text(inc.date_start, inc.precision),
        date_end=date_text(inc.date_end, inc.precision),
        precision=inc.precision or m.DatePrecision.DAY,
        place_id=inc.place_id, place_label=inc.place.name if inc.place else "",
        summary=inc.summary or "", credibility=inc.credibility,
        tags=[t.name for t in inc.tags],
        involvements=[InvolvementData(i.actor_id, labels.get(("actor", i.actor_id), ""),
                                      i.role, i.id) for i in invs],
        citations=citations_for(session, facts),
    )


def validate_incident(data: IncidentData) -> dict[str, str]:
    errors: dict[str, str] = {}
    required(errors, "title", data.title, "The title")
    if data.type not in INCIDENT_TYPES:
        errors["type"] = "Choose the incident type."
    elif data.subtype and data.subtype not in subtypes_of(data.type):
        errors["subtype"] = "That sub-type does not belong to the chosen type."
    if data.precision not in PRECISIONS:
        errors["precision"] = "Choose how precise the date is."
    start, _ = check_range(errors, "date_start", data.date_start, "date_end", data.date_end)
    if start is None and data.date_end.strip() and "date_end" not in errors:
        errors["date_start"] = "Give the start date when there is an end date."
    if data.credibility is not None and data.credibility not in m.CREDIBILITY:
        errors["credibility"] = "Credibility is a number from 1 (confirmed) to 6 (cannot be judged)."
    seen: set[tuple[int, str]] = set()
    for i, inv in enumerate(data.involvements):
        if inv.actor_id is None:
            errors[f"involvements[{i}].actor"] = f"Row {i + 1}: choose the actor."
        if inv.role not in ROLES:
            errors[f"involvements[{i}].role"] = f"Row {i + 1}: choose the role."
        pair = (inv.actor_id or 0, inv.role)
        if inv.actor_id is not None and pair in seen:
            errors[f"involvements[{i}].actor"] = f"Row {i + 1} repeats an actor with the same role."
        seen.add(pair)
    return errors


def save_incident(session: Session, data: IncidentData) -> int:
    errors = validate_incident(data)
    errors.update(records.missing_targets(
        session, [("place", "place", data.place_id)]
        + [(f"involvements[{i}].actor", "actor", inv.actor_id)
           for i, inv in enumerate(data.involvements)]))
    if errors:
        raise ValidationError(errors)
    start, end = check_range({}, "s", data.date_start, "e", data.date_end)
    scalars = {"title": data.title.strip(), "type": data.type, "subtype": data.subtype or None,
               "date_start": start, "date_end": end, "precision": data.precision,
               "place_id": data.place_id, "summary": data.summary.strip() or None,
               "credibility": data.credibility}
    if data.id is None:
        inc = m.Incident(**scalars)
        session.add(inc)
        session.flush()
    else:
        inc = apply_edit(session, m.Incident, data.id, data.version, scalars)
        inc.updated_at = m.utcnow()
    inc.tags = records.tags(session, data.tags)
    by_id = {i.id: i for i in inc.involvements}
    keep = {i.id for i in data.involvements if i.id is not None}
    for inv in list(inc.involvements):
        if inv.id not in keep:
            delete_citations(session, [("involvement", inv.id)])
            inc.involvements.remove(inv)
    session.flush()  # free (actor, role) pairs before they are reused
    for row in data.involvements:
        existing = by_id.get(row.id) if row.id is not None else None
        if existing is None:
            inc.involvements.append(m.Involvement(actor_id=row.actor_id, role=row.role))
        elif (existing.actor_id, existing.role) != (row.actor_id, row.role):
            existing.actor_id, existing.role = row.actor_id, row.role
    session.flush()
    return inc.id


def delete_incident(session: Session, incident_id: int) -> None:
    inc = session.get(m.Incident, incident_id)
    if inc is None:
        return
    delete_citations(session, [("incident", incident_id)]
                     + [("involvement", i.id) for i in inc.involvements])
    records.delete_with(session, inc, session.scalars(
        select(m.Mention).where(m.Mention.incident_id == incident_id)))
