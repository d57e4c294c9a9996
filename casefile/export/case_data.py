"""The whole case as one JSON document: every actor, place, relation, incident, source and
citation, for other tools (and for an analyst's own archive). Original bytes and extracted
texts are not included: they stay in the case file, identified here by their SHA-256.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from .citations import Endnotes
from .labels import iso_date
from .meta import ExportMeta
from .places import PlaceBook
from .tabular import endnote_json, export_header, incident_json, place_json
from .timeline_data import cite_incidents, incident_facts, load_incidents


def _aliases(session: Session) -> tuple[dict[int, list], dict[int, list]]:
    of_actor: dict[int, list] = defaultdict(list)
    of_place: dict[int, list] = defaultdict(list)
    for a in session.execute(select(m.Alias.id, m.Alias.actor_id, m.Alias.place_id, m.Alias.text,
                                    m.Alias.kind, m.Alias.source_id, m.Alias.start,
                                    m.Alias.end).order_by(m.Alias.id)):
        item = {"id": a.id, "text": a.text, "kind": a.kind, "source_id": a.source_id,
                "start": a.start, "end": a.end, "citations": []}
        (of_actor[a.actor_id] if a.actor_id else of_place[a.place_id]).append(item)
    return of_actor, of_place


def case_json(session: Session, meta: ExportMeta) -> dict[str, Any]:
    places = PlaceBook(session)
    actors = session.execute(select(m.Actor.id, m.Actor.name, m.Actor.name_latin, m.Actor.kind,
                                    m.Actor.notes).order_by(m.Actor.id)).all()
    place_ids = list(session.scalars(select(m.Place.id).order_by(m.Place.id)))
    relations = session.execute(select(m.Relation).order_by(m.Relation.id)).scalars().all()
    incidents = load_incidents(session, list(session.scalars(select(m.Incident.id))), places)
    alias_of_actor, alias_of_place = _aliases(session)
    all_aliases = [a for group in (*alias_of_actor.values(), *alias_of_place.values())
                   for a in group]
    endnotes = Endnotes(session, incident_facts(incidents) | {
        "actor": [a.id for a in actors], "place": place_ids,
        "alias": [a["id"] for a in all_aliases], "relation": [r.id for r in relations]})

    actor_items = []
    for a in actors:
        cited = endnotes.cite("actor", a.id, f"الفاعل: {a.name}")
        for alias in alias_of_actor.get(a.id, []):
            alias["citations"] = endnotes.cite("alias", alias["id"], f"الاسم الآخر: {alias['text']}")
        actor_items.append({"id": a.id, "name": a.name, "name_latin": a.name_latin,
                            "kind": a.kind, "notes": a.notes, "citations": cited,
                            "aliases": alias_of_actor.get(a.id, [])})
    place_items = []
    for pid in place_ids:
        info = places.get(pid)
        for alias in alias_of_place.get(pid, []):
            alias["citations"] = endnotes.cite("alias", alias["id"], f"الاسم الآخر: {alias['text']}")
        place_items.append(place_json(info) | {
            "aliases": alias_of_place.get(pid, []),
            "citations": endnotes.cite("place", pid, f"المكان: {info.name}")})
    relation_items = [{
        "id": r.id, "type": r.type, "title": r.title, "subject_id": r.subject_id,
        "object_actor_id": r.object_actor_id, "object_place_id": r.object_place_id,
        "date_start": iso_date(r.date_start), "date_end": iso_date(r.date_end),
        "precision": r.precision,
        "citations": endnotes.cite("relation", r.id, f"العلاقة {r.id}: {r.type}")}
        for r in relations]
    cite_incidents(endnotes, incidents)
    sources = session.execute(select(
        m.Source.id, m.Source.title, m.Source.file_name, m.Source.media_type, m.Source.publisher,
        m.Source.author, m.Source.url, m.Source.published, m.Source.language, m.Source.sha256,
        m.Source.size, m.Source.reliability, m.Source.imported_at).order_by(m.Source.id)).all()
    return export_header(meta, "case") | {
        "actors": actor_items, "places": place_items, "relations": relation_items,
        "incidents": [incident_json(i) for i in incidents],
        "sources": [{"id": s.id, "title": s.title, "file_name": s.file_name,
                     "media_type": s.media_type, "publisher": s.publisher, "author": s.author,
                     "url": s.url, "published": iso_date(s.published), "language": s.language,
                     "sha256": s.sha256, "size": s.size, "reliability": s.reliability,
                     "imported_at": s.imported_at.isoformat() if s.imported_at else None}
                    for s in sources],
        "citations": [endnote_json(e) for e in endnotes.notes],
    }
