"""Places: read model, validation, save with optimistic locking, delete."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..db.locking import apply_edit
from ..normalize import key
from . import records
from .citations import CitationRow, citations_for, delete_citations
from .validation import ValidationError, required
from .vocab import PLACE_KINDS


@dataclass
class PlaceData:
    id: int | None = None
    version: int = 0
    name: str = ""
    name_latin: str = ""
    kind: str = m.PlaceKind.VILLAGE
    parent_id: int | None = None
    parent_label: str = ""
    latitude: str = ""  # as typed; validated to a number in range
    longitude: str = ""
    notes: str = ""
    aliases: list[str] = field(default_factory=list)
    citations: list[CitationRow] = field(default_factory=list)  # read-only
    incident_count: int = 0  # read-only

    def comparable(self) -> dict[str, Any]:
        return {"name": self.name, "name_latin": self.name_latin, "kind": self.kind,
                "parent_id": self.parent_id, "latitude": self.latitude,
                "longitude": self.longitude, "notes": self.notes, "aliases": list(self.aliases)}


def _coord(value: float | None) -> str:
    return "" if value is None else f"{value:.6f}".rstrip("0").rstrip(".")


def load_place(session: Session, place_id: int) -> PlaceData:
    place = session.get(m.Place, place_id)
    if place is None:
        raise LookupError(f"Place {place_id} no longer exists.")
    facts = [("place", place_id, "the place")]
    facts += [("alias", a.id, f"alias «{a.text}»") for a in place.aliases]
    count = len(list(session.scalars(select(m.Incident.id)
                                     .where(m.Incident.place_id == place_id))))
    return PlaceData(
        id=place.id, version=place.version, name=place.name, name_latin=place.name_latin or "",
        kind=place.kind, parent_id=place.parent_id,
        parent_label=place.parent.name if place.parent else "",
        latitude=_coord(place.latitude), longitude=_coord(place.longitude),
        notes=place.notes or "", aliases=[a.text for a in place.aliases],
        citations=citations_for(session, facts), incident_count=count,
    )


def _number(errors: dict[str, str], field_: str, text: str, low: float, high: float,
            what: str) -> float | None:
    text = text.strip().replace("٫", ".").replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        errors[field_] = f"{what} is a decimal number, e.g. 35.3359."
        return None
    if not low <= value <= high:
        errors[field_] = f"{what} must be between {low:g} and {high:g}."
        return None
    return value


def coordinates(data: PlaceData, errors: dict[str, str]) -> tuple[float | None, float | None]:
    lat = _number(errors, "latitude", data.latitude, -90, 90, "Latitude")
    lon = _number(errors, "longitude", data.longitude, -180, 180, "Longitude")
    if (data.latitude.strip() == "") != (data.longitude.strip() == "") and not errors:
        missing = "longitude" if data.longitude.strip() == "" else "latitude"
        errors[missing] = "Give both latitude and longitude, or neither."
    return lat, lon


def validate_place(data: PlaceData) -> dict[str, str]:
    errors: dict[str, str] = {}
    required(errors, "name", data.name, "The name")
    if data.kind not in PLACE_KINDS:
        errors["kind"] = "Choose what kind of place this is."
    if data.parent_id is not None and data.parent_id == data.id:
        errors["parent"] = "A place cannot be inside itself."
    coordinates(data, errors)
    for i, alias in enumerate(data.aliases):
        if not key(alias):
            errors[f"aliases[{i}]"] = f"Alias {i + 1} is empty."
    return errors


def _ancestors(session: Session, place_id: int) -> set[int]:
    seen: set[int] = set()
    current: int | None = place_id
    while current is not None and current not in seen:
        seen.add(current)
        current = session.scalar(select(m.Place.parent_id).where(m.Place.id == current))
    return seen


def save_place(session: Session, data: PlaceData) -> int:
    errors = validate_place(data)
    errors.update(records.missing_targets(session, [("parent", "place", data.parent_id)]))
    if not errors and data.id is not None and data.parent_id is not None \
            and data.id in _ancestors(session, data.parent_id):
        errors["parent"] = "That parent lies inside this place (the chain would loop)."
    if errors:
        raise ValidationError(errors)
    lat, lon = coordinates(data, {})
    scalars = {"name": data.name.strip(), "name_latin": data.name_latin.strip() or None,
               "kind": data.kind, "parent_id": data.parent_id, "latitude": lat,
               "longitude": lon, "notes": data.notes.strip() or None}
    if data.id is None:
        place = m.Place(**scalars)
        session.add(place)
        session.flush()
    else:
        place = apply_edit(session, m.Place, data.id, data.version, scalars)
        place.updated_at = m.utcnow()
    wanted = [" ".join(a.split()) for a in data.aliases if key(a)]
    for alias in list(place.aliases):
        if alias.text not in wanted:
            delete_citations(session, [("alias", alias.id)])
            place.aliases.remove(alias)
    have = {a.text for a in place.aliases}
    for text in wanted:
        if text not in have:
            place.aliases.append(m.Alias(text=text, key=key(text), kind=m.AliasKind.NAME))
            have.add(text)
    session.flush()
    return place.id


def delete_place(session: Session, place_id: int) -> None:
    """Delete a place; incidents and children keep existing without it (audited)."""
    place = session.get(m.Place, place_id)
    if place is None:
        return
    delete_citations(session, [("place", place_id)] + [("alias", a.id) for a in place.aliases])
    for incident in session.scalars(select(m.Incident).where(m.Incident.place_id == place_id)):
        incident.place_id = None
    for child in session.scalars(select(m.Place).where(m.Place.parent_id == place_id)):
        child.parent_id = None
    records.delete_with(session, place, chain(
        session.scalars(select(m.Relation).where(m.Relation.object_place_id == place_id)),
        session.scalars(select(m.Mention).where(m.Mention.place_id == place_id))))

