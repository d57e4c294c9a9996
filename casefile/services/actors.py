"""Actor dossiers: read model, validation, save with optimistic locking, delete."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..db.locking import apply_edit
from ..normalize import key
from . import records
from .citations import CitationRow, citations_for, delete_citations
from .validation import ValidationError, check_range, date_text, required
from .vocab import ACTOR_KINDS, ALIAS_KINDS, PRESENT_IN, RELATION_TYPES


@dataclass
class AliasData:
    text: str
    kind: str = m.AliasKind.NAME
    id: int | None = None


@dataclass
class LinkData:
    """A relation row: to an actor, or to a place (offices); ``present_in`` for places."""

    type: str
    object_kind: str  # "actor" | "place"
    object_id: int | None
    object_label: str = ""
    title: str = ""
    date_start: str = ""
    date_end: str = ""
    id: int | None = None


@dataclass(frozen=True)
class IncidentLink:
    incident_id: int
    title: str
    role: str
    date: str


@dataclass
class ActorData:
    id: int | None = None
    version: int = 0
    kind: str = m.ActorKind.PERSON
    name: str = ""
    name_latin: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    aliases: list[AliasData] = field(default_factory=list)
    relations: list[LinkData] = field(default_factory=list)
    places: list[LinkData] = field(default_factory=list)  # type present_in
    incidents: list[IncidentLink] = field(default_factory=list)  # read-only
    citations: list[CitationRow] = field(default_factory=list)  # read-only

    def comparable(self) -> dict[str, Any]:
        """What the analyst edits: the form is dirty when this differs from the loaded copy."""
        return {"kind": self.kind, "name": self.name, "name_latin": self.name_latin,
                "notes": self.notes, "tags": list(self.tags),
                "aliases": [(a.id, a.text, a.kind) for a in self.aliases],
                "relations": [(r.id, r.type, r.object_kind, r.object_id, r.title, r.date_start,
                               r.date_end) for r in self.relations],
                "places": [(p.id, p.object_id) for p in self.places]}


def _link(rel: m.Relation, labels: dict[tuple[str, int], str]) -> LinkData:
    kind, oid = ("actor", rel.object_actor_id) if rel.object_actor_id else ("place",
                                                                           rel.object_place_id)
    return LinkData(rel.type, kind, oid, labels.get((kind, oid), ""), rel.title or "",
                    date_text(rel.date_start), date_text(rel.date_end), rel.id)


def load_actor(session: Session, actor_id: int) -> ActorData:
    actor = session.get(m.Actor, actor_id)
    if actor is None:
        raise LookupError(f"Actor {actor_id} no longer exists.")
    rels = list(session.scalars(select(m.Relation).where(m.Relation.subject_id == actor_id)
                                .order_by(m.Relation.id)))
    labels = records.labels(session, [("actor", r.object_actor_id) for r in rels
                                      if r.object_actor_id]
                            + [("place", r.object_place_id) for r in rels if r.object_place_id])
    incidents = [IncidentLink(i.id, i.title, inv.role, date_text(i.date_start))
                 for inv, i in session.execute(
                     select(m.Involvement, m.Incident)
                     .join(m.Incident, m.Incident.id == m.Involvement.incident_id)
                     .where(m.Involvement.actor_id == actor_id)
                     .order_by(m.Incident.date_start))]
    facts = [("actor", actor_id, "the actor")]
    facts += [("alias", a.id, f"alias «{a.text}»") for a in actor.aliases]
    facts += [("relation", r.id, f"{RELATION_TYPES.get(r.type, r.type).lower()} "
               f"{labels.get(('actor', r.object_actor_id), '') or labels.get(('place', r.object_place_id), '')}")
              for r in rels]
    return ActorData(
        id=actor.id, version=actor.version, kind=actor.kind, name=actor.name,
        name_latin=actor.name_latin or "", notes=actor.notes or "",
        tags=[t.name for t in actor.tags],
        aliases=[AliasData(a.text, a.kind, a.id) for a in actor.aliases],
        relations=[_link(r, labels) for r in rels if r.type != PRESENT_IN],
        places=[_link(r, labels) for r in rels if r.type == PRESENT_IN],
        incidents=incidents, citations=citations_for(session, facts),
    )


def validate_actor(data: ActorData) -> dict[str, str]:
    """Problems keyed by field: name, kind, aliases[i], relations[i].object, ...date_end."""
    errors: dict[str, str] = {}
    required(errors, "name", data.name, "The primary name")
    if data.kind not in ACTOR_KINDS:
        errors["kind"] = "Choose what kind of actor this is."
    seen: set[str] = {key(data.name)}
    for i, alias in enumerate(data.aliases):
        k = key(alias.text)
        if not k:
            errors[f"aliases[{i}]"] = f"Alias {i + 1} is empty."
        elif k in seen:
            errors[f"aliases[{i}]"] = f"Alias {i + 1} «{alias.text}» repeats another name."
        elif alias.kind not in ALIAS_KINDS:
            errors[f"aliases[{i}]"] = f"Alias {i + 1} has an unknown kind."
        seen.add(k)
    for i, rel in enumerate(data.relations):
        if rel.type not in RELATION_TYPES:
            errors[f"relations[{i}].type"] = f"Relation {i + 1}: choose its type."
        if rel.object_id is None:
            errors[f"relations[{i}].object"] = f"Relation {i + 1}: choose the actor or place."
        elif rel.object_kind == "actor" and rel.object_id == data.id:
            errors[f"relations[{i}].object"] = f"Relation {i + 1}: an actor cannot relate to itself."
        check_range(errors, f"relations[{i}].date_start", rel.date_start,
                    f"relations[{i}].date_end", rel.date_end)
    for i, place in enumerate(data.places):
        if place.object_id is None:
            errors[f"places[{i}]"] = f"Place {i + 1}: choose a place."
    return errors


def _sync_relations(session: Session, actor: m.Actor, links: list[LinkData],
                    current: list[m.Relation]) -> None:
    by_id = {r.id: r for r in current}
    keep = {link.id for link in links if link.id is not None}
    for rel in current:
        if rel.id not in keep:
            delete_citations(session, [("relation", rel.id)])
            session.delete(rel)
    for link in links:
        errors: dict[str, str] = {}
        start, end = check_range(errors, "s", link.date_start, "e", link.date_end)
        values = {"type": link.type, "title": link.title.strip() or None,
                  "object_actor_id": link.object_id if link.object_kind == "actor" else None,
                  "object_place_id": link.object_id if link.object_kind == "place" else None,
                  "date_start": start, "date_end": end}
        rel = by_id.get(link.id) if link.id is not None else None
        if rel is None:
            session.add(m.Relation(subject_id=actor.id, **values))
        else:
            for k, v in values.items():
                if getattr(rel, k) != v:
                    setattr(rel, k, v)


def save_actor(session: Session, data: ActorData) -> int:
    """Create or update; refused with ConflictError if the actor changed since ``version``."""
    errors = validate_actor(data)
    errors.update(records.missing_targets(
        session, [(f"relations[{i}].object", r.object_kind, r.object_id)
                  for i, r in enumerate(data.relations)]
        + [(f"places[{i}]", "place", p.object_id) for i, p in enumerate(data.places)]))
    if errors:
        raise ValidationError(errors)
    scalars = {"kind": data.kind, "name": data.name.strip(),
               "name_latin": data.name_latin.strip() or None, "notes": data.notes.strip() or None}
    if data.id is None:
        actor = m.Actor(**scalars)
        session.add(actor)
        session.flush()
    else:
        actor = apply_edit(session, m.Actor, data.id, data.version, scalars)
        actor.updated_at = m.utcnow()  # a change of aliases or relations moves the version too
    actor.tags = records.tags(session, data.tags)
    by_id = {a.id: a for a in actor.aliases}
    keep = {a.id for a in data.aliases if a.id is not None}
    for alias in list(actor.aliases):
        if alias.id not in keep:
            delete_citations(session, [("alias", alias.id)])
            actor.aliases.remove(alias)
    for a in data.aliases:
        existing = by_id.get(a.id) if a.id is not None else None
        if existing is None:
            actor.aliases.append(m.Alias(text=a.text.strip(), key=key(a.text), kind=a.kind))
        elif (existing.text, existing.kind) != (a.text.strip(), a.kind):
            existing.text, existing.key, existing.kind = a.text.strip(), key(a.text), a.kind
    current = list(session.scalars(select(m.Relation).where(m.Relation.subject_id == actor.id)))
    _sync_relations(session, actor, data.relations, [r for r in current if r.type != PRESENT_IN])
    _sync_relations(session, actor, [LinkData(PRESENT_IN, "place", p.object_id, id=p.id)
                                     for p in data.places],
                    [r for r in current if r.type == PRESENT_IN])
    session.flush()
    return actor.id


def delete_actor(session: Session, actor_id: int) -> None:
    """Delete an actor with everything that hangs on it, each row through the ORM."""
    actor = session.get(m.Actor, actor_id)
    if actor is None:
        return
    rels = list(session.scalars(select(m.Relation).where(
        or_(m.Relation.subject_id == actor_id, m.Relation.object_actor_id == actor_id))))
    facts = [("actor", actor_id)] + [("alias", a.id) for a in actor.aliases]
    facts += [("relation", r.id) for r in rels]
    facts += [("involvement", i.id) for i in actor.involvements]
    delete_citations(session, facts)
    records.delete_with(session, actor, rels + list(session.scalars(
        select(m.Mention).where(m.Mention.actor_id == actor_id))))


def add_alias(session: Session, actor_id: int, text: str, *, kind: str = m.AliasKind.NAME,
              source_id: int | None = None, start: int | None = None,
              end: int | None = None) -> int:
    """Add a name seen in a document to an actor; the span is kept and cited."""
    from .citations import add_citation

    actor = session.get(m.Actor, actor_id)
    if actor is None:
        raise LookupError(f"Actor {actor_id} no longer exists.")
    text = " ".join(text.split())
    if not key(text):
        raise ValidationError({"alias": "Select a name to add as an alias."})
    if key(text) in {key(actor.name), *(a.key for a in actor.aliases)}:
        raise ValidationError({"alias": f"«{text}» is already a name of {actor.name}."})
    alias = m.Alias(text=text, key=key(text), kind=kind, source_id=source_id,
                    start=start, end=end)
    actor.aliases.append(alias)
    actor.updated_at = m.utcnow()
    session.flush()
    if source_id is not None and start is not None and end is not None:
        add_citation(session, "alias", alias.id, source_id, start, end)
    return alias.id
