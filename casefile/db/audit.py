"""Append-only audit log written for every change, from one flush hook.

The hook runs after each flush, when new rows have ids and the attribute
history still holds the values before the change. It is registered on each
case's own sessionmaker (``listen_on``), so a session of another case, or one
made elsewhere, is never audited into this case's log.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Table, event, func, insert, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from . import chain
from . import models as m

# Bulky columns are summarised, not copied into the log; derived ones (a name's matching key)
# follow the column they come from.
_SKIP = {"original", "text", "version", "created_at", "updated_at", "name_key",
         "words"}


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _JSON_SCALARS:  # most values: no conversion
        return value
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


def audit_row(user: str, action: str, table: str, record_id: int | None,
              before: dict[str, Any] | None, after: dict[str, Any] | None,
              at: dt.datetime | None = None) -> dict[str, Any]:
    """The one place an audit entry's row is built (flush hook and bulk writes alike)."""
    return {"at": at or m.utcnow(), "user": user, "action": action, "table": table,
            "record_id": record_id, "before": before, "after": after}


# SQLite: the next free id of each table this transaction inserted into with
# ``insert_audited`` (table name → id). The writer holds the database's write lock until the
# transaction ends, so no one else takes ids meanwhile; any commit or rollback (of a savepoint
# too) and any ORM flush (which takes ids of its own) forgets it. An import inserts into the
# same few tables for every file: this saves a max(id) query each time.
_NEXT_IDS = "casefile_next_ids"


def _forget_ids(conn: Connection, *_args: Any) -> None:
    conn.info.pop(_NEXT_IDS, None)


for _name in ("commit", "rollback", "rollback_savepoint", "begin"):
    event.listen(Engine, _name, _forget_ids)


def _new_ids(conn: Connection, table: Table, count: int) -> list[int]:
    known = conn.info.setdefault(_NEXT_IDS, {})
    first = known.get(table.name)
    if first is None:
        first = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() + 1
    known[table.name] = first + count
    return list(range(first, first + count))


# Audit entries held back to be written together (``held_entries``).
_HELD = "audit_held"


@contextmanager
def held_entries(session: Session) -> Iterator[None]:
    """The audit entries of the writes made inside go to the chain in one insert at the end
    (an import writes each file so). Inside, roll back with ``savepoint``, which drops the
    entries of what it undoes."""
    held: list[dict[str, Any]] = []
    outer = session.info.get(_HELD)
    session.info[_HELD] = held
    try:
        yield
        session.info[_HELD] = outer
        log(session, held)
    finally:
        session.info[_HELD] = outer


@contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """``session.begin_nested()`` that, when it rolls back, also drops the held audit
    entries of the writes it undoes."""
    held = session.info.get(_HELD)
    mark = len(held) if held is not None else 0
    try:
        with session.begin_nested():
            yield
    except BaseException:
        if held is not None:
            del held[mark:]
        raise


def log(session: Session, entries: list[dict[str, Any]]) -> None:
    """Append audit entries to the chain, or hold them while ``held_entries`` says so."""
    held = session.info.get(_HELD)
    if held is not None:
        held.extend(entries)
    elif entries:
        chain.append(session.connection(), entries)


def insert_audited(session: Session, model: type[m.Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert many rows of ``model`` with SQLAlchemy Core, each with its audit entry (and its
    undo record when an undoable action is being recorded); returns the new ids in order.

    For bulk writes (an import's proposals and mentions): one INSERT per table instead of the
    ORM's per-object bookkeeping. The rows get the same column defaults as through the ORM.
    """
    if not rows:
        return []
    table = model.__table__
    conn = session.connection()
    if not session.info.get("no_audit"):
        chain.lock(conn)  # before any row lock, as the flush hook does (no deadlock)
    if conn.dialect.name == "sqlite":
        # RETURNING in parameter order is one statement per row on SQLite; the writer holds
        # the database's write lock, so the next ids are known and one executemany does.
        ids = _new_ids(conn, table, len(rows))
        rows = [{**row, "id": record_id} for row, record_id in zip(rows, ids, strict=True)]
        conn.execute(insert(table), rows)
    else:
        ids = list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                rows).scalars())
    if session.info.get("no_audit"):
        return ids
    user = current_user(session)
    entries = []
    undo_log = session.info.get("undo_log")
    at = m.utcnow()  # one statement, one moment
    for record_id, row in zip(ids, rows, strict=True):
        after = {k: _plain(v) for k, v in row.items() if k not in _SKIP}
        after["id"] = record_id
        entries.append(audit_row(user, "insert", table.name, record_id, None, after, at))
        if undo_log is not None:
            undo_log.append({"model": model, "id": record_id, "action": "insert", "before": None,
                             "after": {**row, "id": record_id},
                             "flush": session.info.get("undo_flush", 0)})
    log(session, entries)
    if undo_log is not None:  # later flushes replay after these rows
        session.info["undo_flush"] = session.info.get("undo_flush", 0) + 1
    return ids


def listen_on(maker: sessionmaker[Session]) -> None:
    """Audit every flush of the sessions ``maker`` makes."""
    event.listen(maker, "before_flush", _lock_chain)
    event.listen(maker, "after_flush", _write_audit)


def _lock_chain(session: Session, _ctx: Any, _instances: Any) -> None:
    # PostgreSQL: take the chain's lock before this flush locks any row, so two
    # writers always take their locks in the same order (no deadlock).
    if not session.info.get("no_audit") and (session.new or session.dirty or session.deleted):
        chain.lock(session.connection())


def _write_audit(session: Session, flush_context: Any) -> None:
    _forget_ids(session.connection())  # the flush may have taken ids of its own
    if session.info.get("no_audit"):
        return
    user = current_user(session)
    rows = []
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
            rows.append(audit_row(user, action, obj.__tablename__, getattr(obj, "id", None),
                                  before, after))
            if "undo_log" in session.info:  # an undoable action is being recorded
                session.info["undo_log"].append(_undo_record(obj, action, before, after))
    log(session, rows)
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

