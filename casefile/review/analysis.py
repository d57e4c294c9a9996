"""What extraction says about one report, worked out without the database.

The pure half of proposing (``casefile.review.proposals`` writes the other half): it runs in
the import's reader workers, so everything it takes and gives is picklable. It receives an
``ExtractionContext`` — the case's confirmed names (its gazetteer layer) and its "not an
entity" list — and returns a ``ReportAnalysis``: the extraction result with, for each entity,
its proposal payload or the mark that it is on the list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..db import models as m
from ..extraction.gazetteer import Entry, Gazetteer, ancestors, shipped_gazetteer
from ..extraction.pipeline import extract
from ..extraction.types import DATE, PERSON, PLACE, Entity, ExtractionResult
from .case_gazetteer import LayeredGazetteer
from .stoplist import is_stopped

_ACTOR_KIND = {"political_party": m.ActorKind.ORGANISATION, "person": m.ActorKind.PERSON}
_PLACE_KIND = {
    "city": m.PlaceKind.TOWN,
    "region": m.PlaceKind.AREA,
    "lake": m.PlaceKind.AREA,
    "neighbourhood": m.PlaceKind.AREA,
}


@dataclass
class ExtractionContext:
    """A snapshot of what the case knows, for extraction in another process."""

    fingerprint: Any  # what it was made from: equal fingerprints, equal snapshots
    entries: list[Entry] = field(default_factory=list)  # the case's actors and places
    stopped: frozenset[tuple[str, str]] = frozenset()  # (type, key) of the "not an entity" list
    _gazetteer: LayeredGazetteer | None = field(default=None, repr=False, compare=False)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_gazetteer": None}  # rebuilt where it is used

    def gazetteer(self) -> LayeredGazetteer:
        if self._gazetteer is None:
            self._gazetteer = LayeredGazetteer(shipped_gazetteer(), Gazetteer(self.entries))
        return self._gazetteer


@dataclass
class ReportAnalysis:
    result: ExtractionResult  # its text emptied: the writer has the source's own
    payloads: list[dict[str, Any] | None]  # per entity; None when the name is on the list


def normal_kind(e: Entity) -> str:
    if e.type == PLACE:
        kind = _PLACE_KIND.get(e.kind, e.kind)
        return kind if kind in set(m.PlaceKind) else m.PlaceKind.AREA
    if e.type == PERSON:
        return m.ActorKind.PERSON
    if e.type == DATE:
        return e.kind
    kind = _ACTOR_KIND.get(e.kind, e.kind)
    return kind if kind in set(m.ActorKind) else m.ActorKind.ARMED_GROUP


def entity_payload(e: Entity) -> dict[str, Any]:
    # The fast romaniser's Latin; the better (model) one is computed when the analyst
    # accepts the name (review.confirm._accepted_latin), not for every name of every report.
    payload: dict[str, Any] = {
        "canonical": e.canonical,
        "name": e.name or e.text,
        "latin": e.latin,
        "latin_from": e.latin_from,
        "matched_alias": e.matched_alias,
        "kind": normal_kind(e),
        "recognizer": e.source,
    }
    if e.ref is not None:
        payload["ref"] = list(e.ref)
        if e.ref[0] == "gazetteer":
            entry = shipped_gazetteer().by_id.get(str(e.ref[1]))
            if entry is not None:
                payload["gazetteer"] = {
                    "id": entry.id,
                    "lat": entry.lat,
                    "lon": entry.lon,
                    "latin": entry.latin,
                    "aliases": [n for n in entry.names if n.isascii()][:8],
                }
                if e.type == PLACE:  # subdistrict … country, so exports fill admin1–3
                    payload["gazetteer"]["parents"] = [
                        {"id": a.id, "name": a.canonical, "kind": a.kind, "latin": a.latin,
                         "lat": a.lat, "lon": a.lon}
                        for a in ancestors(shipped_gazetteer(), entry.id)
                    ]
    if e.date is not None:
        payload["date"] = {
            "value": e.date.value,
            "precision": e.date.precision,
            "calendar": e.date.calendar,
        }
    return payload


def analyse_with(known: Any, stopped: frozenset[tuple[str, str]] | set[tuple[str, str]],
                 text: str, report_date: date | None) -> ReportAnalysis:
    result = extract(text, report_date=report_date, known=known)
    payloads = [
        None if stopped and is_stopped(stopped, e.type, e.canonical, e.text) else entity_payload(e)
        for e in result.entities
    ]
    result.text = ""
    return ReportAnalysis(result, payloads)


def analyse_report(context: ExtractionContext | None, text: str,
                   report_date: date | None) -> ReportAnalysis:
    """The import step's analysis (``NewSourceStep.analyse``), run in a reader worker."""
    if context is None:
        return analyse_with(None, frozenset(), text, report_date)
    return analyse_with(context.gazetteer(), context.stopped, text, report_date)
