"""The audit log's hash chain: every entry carries the hash of the one before.

An entry's hash is the SHA-256 of a canonical serialisation of its fields and
of the previous entry's hash, so changing, inserting or removing an entry
breaks the chain at that point (``casefile.db.verify`` names where). Ids are
the application's: each new entry takes the next id after the last one, under
the write lock (SQLite) or an advisory lock (PostgreSQL); a trigger refuses an
id that is not after the last one (which is also what stops SQLite's
``REPLACE INTO``) or a ``prev_hash`` that is not the last entry's hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Mapping
from typing import Any

from sqlalchemy import Connection, Engine, Text, bindparam, cast, event, insert, select, text

from . import models as m

GENESIS = "0" * 64  # what the first entry points back to
_PG_LOCK_KEY = 0x43534631  # the application id: one advisory lock for the chain
_A = m.AuditEntry


class UndecodableEntry(ValueError):
    """A stored audit row whose fields cannot be read back."""


def _canonical_time(value: dt.datetime) -> str:
    return value.isoformat(sep=" ", timespec="microseconds")


def entry_hash(entry: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 over the entry's fields as sorted, compact JSON, chained to ``prev_hash``."""
    payload = {
        "id": entry["id"], "at": _canonical_time(entry["at"]), "user": entry["user"],
        "action": entry["action"], "table": entry["table"], "record_id": entry["record_id"],
        "before": entry["before"], "after": entry["after"], "prev_hash": prev_hash,
    }
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def lock(conn: Connection) -> None:
    """PostgreSQL: one writer of the chain at a time, until its transaction ends.

    (SQLite writers already hold the database's write lock.)
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})


def head(conn: Connection) -> tuple[int, str]:
    """The last entry's id and hash (0 and the genesis hash for an empty log)."""
    cached = conn.info.get(_HEAD)
    if cached is not None:
        return cached
    row = conn.execute(select(_A.id, _A.hash).order_by(_A.id.desc()).limit(1)).first()
    return (row.id, row.hash or GENESIS) if row else (0, GENESIS)


# The head after this transaction's last append: a writer holds the chain's lock until the
# transaction ends, so no one else moves it; any commit or rollback (of a savepoint too)
# forgets it. An import appends a few times per file: this saves a query each time.
_HEAD = "casefile_chain_head"


def _forget_head(conn: Connection, *_args: Any) -> None:
    conn.info.pop(_HEAD, None)


for _name in ("commit", "rollback", "rollback_savepoint", "begin"):
    event.listen(Engine, _name, _forget_head)


_SCALARS = (str, int, float, bool, type(None))


def _as_stored(value: Any, text: bool) -> tuple[Any, str | None]:
    """The value a reader gets back from the JSON column, and (``text``, or when made anyway)
    the JSON text that stores it.

    The hash covers what a reader gets back. A row's plain fields come back as they went in:
    only nested values (tuples read back as lists…) need the round trip through the text,
    which for the 15,000 entries of a large group decision would cost a second."""
    if value is None:
        return None, "null"
    if isinstance(value, dict) and all(type(v) in _SCALARS for v in value.values()) \
            and all(type(k) is str for k in value):
        return dict(value), json.dumps(value, allow_nan=True) if text else None
    stored = json.dumps(value, allow_nan=True)
    return json.loads(stored), stored


# SQLite: the entries' JSON columns get the text ``_as_stored`` made (not serialised again).
_INSERT_AS_TEXT = insert(_A).values(before=bindparam("before", type_=Text),
                                    after=bindparam("after", type_=Text))


def append(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Write new entries (without ids) at the end of the chain."""
    lock(conn)
    last_id, prev = head(conn)
    as_text = conn.dialect.name == "sqlite"
    for row in rows:
        last_id += 1
        before, before_text = _as_stored(row["before"], as_text)
        after, after_text = _as_stored(row["after"], as_text)
        row.update(id=last_id, before=before, after=after, prev_hash=prev)
        row["hash"] = prev = entry_hash(row, prev)
        if as_text:
            row.update(before=before_text, after=after_text)
    conn.execute(_INSERT_AS_TEXT if as_text else insert(_A), rows)
    if rows:
        conn.info[_HEAD] = (last_id, prev)


def raw_rows(conn: Connection, *, after_id: int = 0, limit: int | None = None) -> Iterator[Any]:
    """Audit rows as stored (times and JSON as text), in chain order, streamed."""
    stmt = (select(_A.id, cast(_A.at, Text).label("at"), _A.user, _A.action, _A.table,
                   _A.record_id, cast(_A.before, Text).label("before"),
                   cast(_A.after, Text).label("after"), _A.prev_hash, _A.hash)
            .where(_A.id > after_id).order_by(_A.id).limit(limit)
            .execution_options(yield_per=1000))
    yield from conn.execute(stmt)


def decode(raw: Any) -> dict[str, Any]:
    """A stored row as the values its hash covers; ``UndecodableEntry`` names the field."""
    entry: dict[str, Any] = {"id": raw.id, "user": raw.user, "action": raw.action,
                             "table": raw.table, "record_id": raw.record_id}
    try:
        entry["at"] = dt.datetime.fromisoformat(str(raw.at))
    except ValueError:
        raise UndecodableEntry("its time") from None
    for key in ("before", "after"):
        value = getattr(raw, key)
        try:
            entry[key] = None if value is None else json.loads(value)
        except ValueError:
            raise UndecodableEntry(f"its '{key}' values") from None
    return entry
