"""The case's "not an entity" list: names, per type, that extraction no longer proposes.

A name goes on the list (as written in the reports) when the analyst rejects its group; it comes off when the analyst
removes it in the list's dialog or later confirms that name by hand (an actor, place or alias
with that key and type): the flush listener ``attach`` registers on a case deletes the entry in
the same flush, so the audit log records who took it off and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..db.case import Case
from ..normalize import key

STOP_TYPES = ("PERSON", "GROUP", "PLACE")


@dataclass(frozen=True)
class StopEntry:
    id: int
    type: str
    text: str
    key: str
    added_by: str
    added_at: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "text": self.text, "key": self.key,
                "added_by": self.added_by, "added_at": self.added_at}


def entries(session: Session) -> list[StopEntry]:
    rows = session.scalars(select(m.StopName).order_by(m.StopName.type, m.StopName.key))
    return [StopEntry(r.id, r.type, r.name, r.key, r.added_by or "",
                      r.created_at.isoformat(timespec="seconds") if r.created_at else "")
            for r in rows]


def stopped_keys(session: Session) -> set[tuple[str, str]]:
    """(type, key) of every name on the list, for extraction's filter."""
    return {(t, k) for t, k in session.execute(select(m.StopName.type, m.StopName.key))}


def is_stopped(stopped: set[tuple[str, str]], type_: str, *names: str | None) -> bool:
    return any((type_, key(n)) in stopped for n in names if n)


def add(session: Session, type_: str, text: str) -> m.StopName | None:
    """Put ``text`` on the list for ``type_`` (once); returns the entry, new or existing."""
    if type_ not in STOP_TYPES:
        raise ValueError(f"Only names of people, groups and places go on the list, not {type_}.")
    text = " ".join(text.split())
    k = key(text)
    if not k:
        return None
    found = session.scalar(select(m.StopName).where(m.StopName.type == type_,
                                                    m.StopName.key == k))
    if found is not None:
        return found
    entry = m.StopName(type=type_, key=k, name=text, added_by=session.info.get("user"))
    session.add(entry)
    session.flush()
    return entry


def remove(session: Session, entry_id: int) -> None:
    entry = session.get(m.StopName, entry_id)
    if entry is None:
        raise LookupError(f"The name {entry_id} is no longer on the list.")
    session.delete(entry)
    session.flush()


def _confirmed_names(session: Session) -> set[tuple[str, str]]:
    """(type, key) of the names this flush confirms: new actors, places and aliases."""
    out: set[tuple[str, str]] = set()
    for obj in session.new:
        if isinstance(obj, m.Actor):
            out.add((_actor_type(obj), key(obj.name or "")))
        elif isinstance(obj, m.Place):
            out.add(("PLACE", key(obj.name or "")))
        elif isinstance(obj, m.Alias):
            owner_type = _alias_type(session, obj)
            if owner_type:
                out.add((owner_type, obj.key or key(obj.text or "")))
    return {(t, k) for t, k in out if k}


def _actor_type(actor: m.Actor) -> str:
    return "PERSON" if (actor.kind or m.ActorKind.PERSON) == m.ActorKind.PERSON else "GROUP"


def _alias_type(session: Session, alias: m.Alias) -> str | None:
    if alias.place is not None or alias.place_id is not None:
        return "PLACE"
    actor = alias.actor
    if actor is None and alias.actor_id is not None:
        actor = session.get(m.Actor, alias.actor_id)
    return _actor_type(actor) if actor is not None else None


def attach(case: Case) -> None:
    """Take a name off ``case``'s list when one of its sessions confirms it."""
    case.listen("before_flush", _unlist_confirmed)


def _unlist_confirmed(session: Session, _context: Any, _instances: Any) -> None:
    if not any(isinstance(o, m.Actor | m.Place | m.Alias) for o in session.new):
        return
    with session.no_autoflush:
        names = _confirmed_names(session)
        if not names:
            return
        keys = {k for _t, k in names}
        for entry in session.scalars(select(m.StopName).where(m.StopName.key.in_(keys))):
            if (entry.type, entry.key) in names and entry not in session.deleted:
                session.delete(entry)
