"""Small shared look-ups and writes: labels of referenced records, references that no longer
exist, tags, deleting a record with what hangs on it."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m

MODELS: dict[str, type[m.Base]] = {"actor": m.Actor, "place": m.Place, "incident": m.Incident,
                                   "source": m.Source}


def labels(session: Session, refs: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
    """(kind, id) → a readable label: name, or title."""
    wanted: dict[str, set[int]] = {}
    for kind, rid in refs:
        if rid is not None:
            wanted.setdefault(kind, set()).add(rid)
    out: dict[tuple[str, int], str] = {}
    if wanted.get("actor"):
        for r in session.execute(select(m.Actor.id, m.Actor.name)
                                 .where(m.Actor.id.in_(wanted["actor"]))):
            out[("actor", r.id)] = r.name
    if wanted.get("place"):
        for r in session.execute(select(m.Place.id, m.Place.name)
                                 .where(m.Place.id.in_(wanted["place"]))):
            out[("place", r.id)] = r.name
    if wanted.get("incident"):
        for r in session.execute(select(m.Incident.id, m.Incident.title)
                                 .where(m.Incident.id.in_(wanted["incident"]))):
            out[("incident", r.id)] = r.title
    if wanted.get("source"):
        for r in session.execute(select(m.Source.id, m.Source.title, m.Source.file_name)
                                 .where(m.Source.id.in_(wanted["source"]))):
            out[("source", r.id)] = r.title or r.file_name
    return out


def missing_targets(session: Session,
                    refs: Iterable[tuple[str, str, int | None]]) -> dict[str, str]:
    """Errors for (field, kind, id) references to records deleted meanwhile."""
    refs = [r for r in refs if r[2] is not None]
    found = labels(session, [(kind, rid) for _, kind, rid in refs])
    return {field_: f"That {kind} no longer exists (deleted by someone else?)."
            for field_, kind, rid in refs if (kind, rid) not in found}


def tags(session: Session, names: list[str]) -> list[m.Tag]:
    """The Tag rows for these names, new ones created."""
    existing = {t.name: t for t in session.scalars(select(m.Tag).where(m.Tag.name.in_(names)))}
    return [existing.get(n) or m.Tag(name=n) for n in names]


def delete_with(session: Session, record: m.Base, dependents: Iterable[m.Base]) -> None:
    """Delete ``dependents`` and then ``record``, each row through the ORM (so each is audited
    and undoable), the dependents flushed first."""
    for obj in dependents:
        session.delete(obj)
    session.flush()
    session.delete(record)
    session.flush()
