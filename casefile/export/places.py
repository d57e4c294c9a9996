"""Places as exports show them: name, kind, the governorate and district above them.

All places of a case are read once as plain columns (a case holds thousands at most), so
walking up to the governorate (ACLED's admin1) costs no query per incident.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from .labels import PLACE_KINDS, label


@dataclass(frozen=True)
class PlaceInfo:
    id: int
    name: str
    name_latin: str | None
    kind: str
    kind_label: str
    parent: str | None  # the name of the place it lies in
    admin1: str | None  # governorate
    admin2: str | None  # district
    country: str | None
    latitude: float | None
    longitude: float | None
    admin3: str | None = None  # subdistrict (ناحية)


class PlaceBook:
    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(m.Place.id, m.Place.name, m.Place.name_latin, m.Place.kind,
                   m.Place.parent_id, m.Place.latitude, m.Place.longitude)
        ).all()
        self._rows = {r.id: r for r in rows}
        self._cache: dict[int, PlaceInfo] = {}

    def ancestors(self, place_id: int) -> list[int]:
        """The place and every place above it, nearest first (cycles cut)."""
        chain: list[int] = []
        current: int | None = place_id
        while current is not None and current in self._rows and current not in chain:
            chain.append(current)
            current = self._rows[current].parent_id
        return chain

    def get(self, place_id: int | None) -> PlaceInfo | None:
        if place_id is None or place_id not in self._rows:
            return None
        if place_id not in self._cache:
            row = self._rows[place_id]
            above = [self._rows[i] for i in self.ancestors(place_id)[1:]]

            def first(kind: str) -> str | None:
                return next((p.name for p in [row, *above] if p.kind == kind), None)

            self._cache[place_id] = PlaceInfo(
                id=row.id, name=row.name, name_latin=row.name_latin, kind=row.kind,
                kind_label=label(PLACE_KINDS, row.kind),
                parent=above[0].name if above else None,
                admin1=first("governorate"), admin2=first("district"), country=first("country"),
                admin3=first("subdistrict"),
                latitude=row.latitude, longitude=row.longitude,
            )
        return self._cache[place_id]

    def within(self, place_id: int) -> set[int]:
        """``place_id`` and every place that lies in it (a governorate holds its villages)."""
        return {pid for pid in self._rows if place_id in self.ancestors(pid)}
