"""Append-only audit log written for every change, from one flush hook.

The hook runs after each flush, when new rows have ids and the attribute
history still holds the values before the change. It is registered on each
case's own sessionmaker (``listen_on``), so a session of another case, or one
made elsewhere, is never audited into this case's log.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.orm import Session, sessionmaker

from . import chain, deferred
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
    holding = deferred.held(session.connection())
    held_mark = holding.mark() if holding is not None else None
    try:
        with session.begin_nested():
            yield
    except BaseException:
        if held is not None:
            del held[mark:]
        if holding is not None:
            holding.rollback_to(held_mark)
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

    For bulk writes (an import's proposals and mentions, a group decision's mentions and
    citations): one INSERT per table instead of the ORM's per-object bookkeeping. The rows get
    the same column defaults as through the ORM. Rows that carry their ``id`` (undo putting
    back deleted rows) keep it.
    """
    if not rows:
        return []
    table = model.__table__
    conn = session.connection()
    if not session.info.get("no_audit"):
        chain.lock(conn)  # before any row lock, as the flush hook does (no deadlock)
    holding = deferred.held(conn)
    if holding is not None:  # written with the rest of the batch (``casefile.db.deferred``)
        if all(row.get("id") is not None for row in rows):
            ids = [row["id"] for row in rows]
        else:
            ids = holding.new_ids(conn, table, len(rows))
            rows = [{**row, "id": record_id} for row, record_id in zip(rows, ids, strict=True)]
        holding.add(_insert(table), rows)
    elif all(row.get("id") is not None for row in rows):
        ids = [row["id"] for row in rows]
        conn.execute(insert(table), rows)
        conn.info.get(_NEXT_IDS, {}).pop(table.name, None)  # ids of its own: ask again next time
    elif conn.dialect.name == "sqlite":
        # RETURNING in parameter order is one statement per row on SQLite; the writer holds
        # the database's write lock, so the next ids are known and one executemany does.
        ids = _new_ids(conn, table, len(rows))
        rows = [{**row, "id": record_id} for row, record_id in zip(rows, ids, strict=True)]
        conn.execute(insert(table), rows)
    else:
        ids = list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                                rows).scalars())
    _log(session, model, [("insert", record_id, None, {**row, "id": record_id})
                          for record_id, row in zip(ids, rows, strict=True)])
    return ids


_INSERTS: dict[str, Any] = {}


def _insert(table: Table) -> Any:
    """One insert statement per table, so the rows held for it are written together."""
    statement = _INSERTS.get(table.name)
    if statement is None:
        statement = _INSERTS[table.name] = insert(table)
    return statement


CHUNK = 500  # ids per ``IN (…)``: well under every backend's limit of bound parameters


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def update_audited(session: Session, model: type[m.Base], ids: Iterable[int],
                   values: dict[str, Any], *, where: Iterable[Any] = ()) -> list[int]:
    """Set ``values`` on the rows of ``model`` with these ids (and the ``where`` conditions)
    with SQLAlchemy Core, a few statements for thousands of rows, each changed row with its
    audit entry and undo record as the ORM writes them; returns the ids updated, in order.

    The version goes up as the ORM's optimistic lock makes it. The rows are read and written
    under the audit chain's lock, which every writer takes before its first write: a row that
    another analyst changed so that ``where`` no longer holds is left as they made it.
    """
    ids = list(ids)
    table = model.__table__
    conn = session.connection()
    chain.lock(conn)
    keys = list(values)
    before: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(select(table.c.id, *(table.c[k] for k in keys))
                                .where(table.c.id.in_(chunk), *where)):
            before[row[0]] = dict(zip(keys, row[1:], strict=True))
    done = [i for i in ids if i in before]
    for chunk in _chunks(done):
        conn.execute(update(table).where(table.c.id.in_(chunk))
                     .values(**values, version=table.c.version + 1))
    changes = []
    for record_id in done:
        old = before[record_id]
        changed = [k for k in keys if old[k] != values[k]]
        if changed:
            changes.append(("update", record_id, {k: old[k] for k in changed},
                            {k: values[k] for k in changed}))
    _log(session, model, changes)
    return done


def delete_audited(session: Session, model: type[m.Base], ids: Iterable[int]) -> list[int]:
    """Delete the rows of ``model`` with these ids with SQLAlchemy Core, each with its audit
    entry (the row as it was) and undo record; returns the ids deleted (gone ones are left)."""
    ids = list(ids)
    table = model.__table__
    conn = session.connection()
    chain.lock(conn)
    rows: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))):
            rows[row.id] = dict(row._mapping)
    done = [i for i in ids if i in rows]
    for chunk in _chunks(done):
        conn.execute(delete(table).where(table.c.id.in_(chunk)))
    _log(session, model, [("delete", i, rows[i], None) for i in done])
    return done


def _log(session: Session, model: type[m.Base],
         changes: list[tuple[str, int, dict[str, Any] | None, dict[str, Any] | None]]) -> None:
    """The audit entries of rows written with Core (action, id, before, after; full rows for
    inserts and deletes, changed fields for updates), and their undo records while an
    undoable action is being recorded: what the flush hook writes for the ORM's."""
    if session.info.get("no_audit") or not changes:
        return
    user = current_user(session)
    table = model.__table__.name
    undo_log = session.info.get("undo_log")
    flush = session.info.get("undo_flush", 0)
    at = m.utcnow()  # one statement, one moment
    entries = []
    for action, record_id, before, after in changes:
        entries.append(audit_row(user, action, table, record_id, _shown(before),
                                 _shown(after), at))
        if undo_log is not None:
            undo_log.append({"model": model, "id": record_id, "action": action,
                             "before": before, "after": after, "flush": flush})
    log(session, entries)
    if undo_log is not None:  # later flushes replay after these rows
        session.info["undo_flush"] = flush + 1


def _shown(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """A row's values as the audit log keeps them (bulky and derived columns left out)."""
    if values is None:
        return None
    return {k: _plain(v) for k, v in values.items() if k not in _SKIP}


def listen_on(maker: sessionmaker[Session]) -> None:
    """Audit every flush of the sessions ``maker`` makes."""
    event.listen(maker, "before_flush", _lock_chain)
    event.listen(maker, "after_flush", _write_audit)


def _lock_chain(session: Session, _ctx: Any, _instances: Any) -> None:
    # PostgreSQL: take the chain's lock before this flush locks any row, so two
    # writers always take their locks in the same order (no deadlock).
    if session.new or session.dirty or session.deleted:
        conn = session.connection()
        if deferred.held(conn) is not None:
            raise deferred.HeldInsertsError("the ORM cannot write while inserts are held back")
        if not session.info.get("no_audit"):
            chain.lock(conn)


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

