"""Incidents as ACLED-style CSV, and dossiers, timelines and whole cases as JSON.

The CSV is UTF-8 with a BOM so that Excel opens Arabic correctly; its first columns are
ACLED's (event_id … notes) so tools made for ACLED data read it, and Casefile's own
fields follow. The JSON follows docs/export-json-schema.json; ``FORMAT_VERSION`` changes
when that schema does.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from .acled import event_and_sub_event, time_precision
from .citations import Endnote
from .dossier_data import Dossier, RelationItem
from .labels import iso_date
from .meta import ExportMeta
from .passages import passages_json
from .places import PlaceInfo
from .timeline_data import IncidentItem, Timeline

FORMAT_VERSION = 1
# Who is "actor 1" (the side that acts) and who "actor 2" (the side acted upon), ACLED-wise.
SIDE_ONE = ("perpetrator", "visitor", "speaker", "participant", "mediator")
SIDE_TWO = ("target", "victim", "addressee", "host", "witness")
CSV_COLUMNS = [
    "event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "admin2",
    "location", "latitude", "longitude", "source", "notes",
    # Casefile's own fields
    "title", "date_end", "date_precision", "casefile_type", "casefile_subtype", "location_latin",
    "credibility", "source_sha256", "citation_count",
]


def _sides(item: IncidentItem) -> tuple[list[str], list[str]]:
    one = [a.name for r in SIDE_ONE for a in item.actors if a.role == r]
    two = [a.name for r in SIDE_TWO for a in item.actors if a.role == r]
    other = [a.name for a in item.actors if a.role not in SIDE_ONE + SIDE_TWO]
    one += other
    if len(one) > 1 and not two and all(a.role == "participant" for a in item.actors):
        two = [one.pop(1)]  # two participants: one on each side, as ACLED codes battles
    dedupe = lambda names: list(dict.fromkeys(names))  # noqa: E731
    return dedupe(one), [n for n in dedupe(two) if n not in one]


def csv_row(item: IncidentItem, notes: dict[int, Endnote]) -> dict[str, Any]:
    one, two = _sides(item)
    cited = [notes[n] for n in item.notes + [n for a in item.actors for n in a.notes] if n in notes]
    sources = list(dict.fromkeys(
        f"{e.source_title}{' (' + e.publisher + ')' if e.publisher else ''}" for e in cited))
    place = item.place
    event_type, sub_event_type = event_and_sub_event(item.type, item.subtype)
    return {
        "event_id": f"CF{item.id}",
        "event_date": iso_date(item.date_start) or "",
        "year": item.date_start.year if item.date_start else "",
        "time_precision": time_precision(item.precision, item.date_start, item.date_end),
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": one[0] if one else "", "assoc_actor_1": "; ".join(one[1:]),
        "actor2": two[0] if two else "", "assoc_actor_2": "; ".join(two[1:]),
        "country": place.country or "" if place else "",
        "admin1": place.admin1 or "" if place else "",
        "admin2": place.admin2 or "" if place else "",
        "location": place.name if place else "",
        "latitude": "" if not place or place.latitude is None else f"{place.latitude:.5f}",
        "longitude": "" if not place or place.longitude is None else f"{place.longitude:.5f}",
        "source": "; ".join(sources),
        "notes": item.summary or item.title,
        "title": item.title, "date_end": iso_date(item.date_end) or "",
        "date_precision": item.precision, "casefile_type": item.type,
        "casefile_subtype": item.subtype or "",
        "location_latin": place.name_latin or "" if place else "",
        "credibility": item.credibility or "",
        "source_sha256": "; ".join(dict.fromkeys(e.sha256 for e in cited)),
        "citation_count": len(cited),
    }


def write_csv(incidents: list[IncidentItem], endnotes: list[Endnote], path: Path) -> Path:
    notes = {e.number: e for e in endnotes}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for item in incidents:
        writer.writerow(csv_row(item, notes))
    path.write_text(buffer.getvalue(), encoding="utf-8-sig", newline="")  # BOM for Excel
    return path


# --- JSON ----------------------------------------------------------------------------------


def export_header(meta: ExportMeta, kind: str) -> dict[str, Any]:
    return {"format": "casefile-export", "version": FORMAT_VERSION, "kind": kind,
            "exported_at": meta.exported_at.isoformat(), "case": meta.case_name,
            "analyst": meta.analyst, "marking": meta.marking}


def place_json(p: PlaceInfo | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"id": p.id, "name": p.name, "name_latin": p.name_latin, "kind": p.kind,
            "parent": p.parent, "admin1": p.admin1, "admin2": p.admin2, "country": p.country,
            "latitude": p.latitude, "longitude": p.longitude}


def incident_json(i: IncidentItem) -> dict[str, Any]:
    return {
        "id": i.id, "title": i.title, "type": i.type, "subtype": i.subtype,
        "date_start": iso_date(i.date_start), "date_end": iso_date(i.date_end),
        "precision": i.precision, "date_label": i.date_label, "place": place_json(i.place),
        "summary": i.summary, "credibility": i.credibility, "citations": i.notes,
        "actors": [{"id": a.actor_id, "name": a.name, "name_latin": a.name_latin,
                    "kind": a.kind, "role": a.role, "citations": a.notes} for a in i.actors],
    }


def endnote_json(e: Endnote) -> dict[str, Any]:
    return {
        "number": e.number, "citation_id": e.citation_id, "fact": e.fact,
        "also_supports": e.also_supports, "quote": e.quote, "start": e.start, "end": e.end,
        "reliability": e.reliability, "credibility": e.credibility, "note": e.note,
        "source": {"id": e.source_id, "title": e.source_title, "publisher": e.publisher,
                   "published": e.published_iso, "url": e.url, "sha256": e.sha256,
                   "file_name": e.file_name},
    }


def _relation_json(r: RelationItem) -> dict[str, Any]:
    return {"id": r.id, "type": r.type, "title": r.title, "inverse": r.inverse,
            "other": {"id": r.other_id, "name": r.other_name, "name_latin": r.other_latin,
                      "is_place": r.other_is_place},
            "date_start": iso_date(r.date_start), "date_end": iso_date(r.date_end),
            "precision": r.precision, "citations": r.notes}


def dossier_json(d: Dossier) -> dict[str, Any]:
    return export_header(d.meta, "dossier") | {
        "actor": {"id": d.actor_id, "name": d.name, "name_latin": d.name_latin, "kind": d.kind,
                  "notes": d.notes_text, "tags": d.tags, "analyst_notes": d.analyst_notes,
                  "citations": d.profile_notes},
        "aliases": [{"id": a.id, "text": a.text, "kind": a.kind, "source_id": a.source_id,
                     "source_title": a.source_title, "start": a.start, "end": a.end,
                     "citations": a.notes} for a in d.aliases],
        "offices": [_relation_json(r) for r in d.offices],
        "affiliations": [_relation_json(r) for r in d.affiliations],
        "incidents": [incident_json(i) for i in d.incidents],
        "related_actors": [{"id": a.id, "name": a.name, "name_latin": a.name_latin,
                            "kind": a.kind, "links": a.links,
                            "shared_incidents": a.shared_incidents} for a in d.related],
        "places": [place_json(p.place) | {"why": p.why, "citations": p.notes}
                   for p in d.places],
        "citations": [endnote_json(e) for e in d.endnotes],
        "passages": passages_json(d.passages),
    }


def timeline_json(t: Timeline) -> dict[str, Any]:
    return export_header(t.meta, "timeline") | {
        "filters": t.filters,
        "incidents": [incident_json(i) for i in t.incidents],
        "citations": [endnote_json(e) for e in t.endnotes],
    }


def write_json(data: dict[str, Any], path: Path) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
