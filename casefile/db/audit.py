"""Append-only audit log written for every change, from one flush hook.

The hook runs after each flush, when new rows have ids and the attribute
history still holds the values before the change. It also collects which
search-index entries the flush made stale (see ``casefile.search.index``).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from . import models as m

# Bulky columns are summarised, not copied into the log.
_SKIP = {"original", "text", "words", "version", "created_at", "updated_at"}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _columns(obj: Any) -> list[str]:
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in _SKIP]


def _snapshot(obj: Any) -> dict[str, Any]:
    state = inspect(obj)
    return {k: _plain(state.dict.get(k)) for k in _columns(obj) if k in state.dict}


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    state = inspect(obj)
    before, after = {}, {}
    for key in _columns(obj):
        hist = state.attrs[key].history
        if hist.has_changes():
            before[key] = _plain(hist.deleted[0]) if hist.deleted else None
            after[key] = _plain(hist.added[0]) if hist.added else None
    return before, after


def current_user(session: Session) -> str:
    return session.info.get("user") or "unknown"


@event.listens_for(Session, "after_flush")
def _write_audit(session: Session, flush_context: Any) -> None:
    if session.info.get("no_audit"):
        return
    user = current_user(session)
    rows = []
    stale = session.info.setdefault("stale_index", set())
    for action, objs in (("insert", session.new), ("update", session.dirty),
                         ("delete", session.deleted)):
        for obj in objs:
            if isinstance(obj, m.AuditEntry) or not isinstance(obj, m.Base):
                continue
            if action == "insert":
                before, after = None, _snapshot(obj)
            elif action == "delete":
                before, after = _snapshot(obj), None
            else:
                before, after = _changes(obj)
                if not after and not before:
                    continue
            row = {
                "at": m.utcnow(), "user": user, "action": action,
                "table": obj.__tablename__, "record_id": getattr(obj, "id", None),
                "before": before, "after": after,
            }
            rows.append(row)
            if "undo_log" in session.info:  # an undoable action is being recorded
                session.info["undo_log"].append(_undo_record(obj, action, before, after))
            stale.update(_index_keys(obj, action))
    if rows:
        session.connection().execute(insert(m.AuditEntry), rows)
    if "undo_log" in session.info:
        session.info["undo_flush"] = session.info.get("undo_flush", 0) + 1


def _undo_record(obj: Any, action: str, before: Any, after: Any) -> dict[str, Any]:
    """What undo needs: full rows for inserts and deletes, changed fields for updates."""
    state = inspect(obj)
    keys = [c.key for c in state.mapper.column_attrs if c.key not in ("version",)]
    full = {k: state.dict.get(k) for k in keys if k in state.dict}
    if action == "update":
        hist = {k: state.attrs[k].history for k in keys}
        before = {k: (h.deleted[0] if h.deleted else None) for k, h in hist.items()
                  if h.has_changes()}
        after = {k: (h.added[0] if h.added else None) for k, h in hist.items() if h.has_changes()}
    else:
        before, after = (None, full) if action == "insert" else (full, None)
    return {"model": type(obj), "id": obj.id, "action": action, "before": before, "after": after,
            "flush": session_flush_number(obj)}


def session_flush_number(obj: Any) -> int:
    """Which flush of the recorded action a change came from (replayed in that order)."""
    session = inspect(obj).session
    return session.info.get("undo_flush", 0) if session is not None else 0


def _index_keys(obj: Any, action: str) -> set[tuple[str, int]]:
    """Search entries a change makes stale: (kind, id)."""
    if isinstance(obj, m.Actor | m.Place | m.Incident):
        return {(obj.__tablename__[:-1], obj.id)}
    if isinstance(obj, m.Alias):
        if obj.actor_id:
            return {("actor", obj.actor_id)}
        if obj.place_id:
            return {("place", obj.place_id)}
    return set()
