"""Keeping the search index in step with the case.

One row per searchable record, ``(kind, ref_id, title, body)`` of index terms,
in ``search_fts`` (FTS5) on SQLite and ``search_index`` (tsvector + GIN) on
PostgreSQL; both tables are made by the migrations.

Sources are indexed when they are imported (``index_source``). Actors, places and
incidents follow every flush of a case's sessions (``attach``): the entries a flush made
stale are refreshed in the same transaction, so a record and its entry commit together.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from ..db import deferred
from ..db import models as m
from ..db.case import Case
from .terms import index_terms

KINDS = ("source", "actor", "place", "incident")


def _is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


# FTS5 finds rows fast only by rowid: a DELETE on (kind, ref_id) scans the whole
# table. Each entry's rowid is therefore derived from its kind and id.
_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}


def fts_rowid(kind: str, ref_id: int) -> int:
    return ref_id * len(KINDS) + _KIND_CODE[kind]


def remove_record(conn: Connection, kind: str, ref_id: int) -> None:
    if _is_sqlite(conn):
        conn.execute(text("DELETE FROM search_fts WHERE rowid = :id"),
                     {"id": fts_rowid(kind, ref_id)})
    else:
        conn.execute(text("DELETE FROM search_index WHERE kind = :k AND ref_id = :r"),
                     {"k": kind, "r": ref_id})


def index_record(conn: Connection, kind: str, ref_id: int, title: str, body: str) -> None:
    """Insert or replace the index entry of one record."""
    store_terms(conn, kind, ref_id, index_terms(title), index_terms(body))


def store_terms(conn: Connection, kind: str, ref_id: int, title_terms: str,
                body_terms: str, *, new: bool = False) -> None:
    """``index_record`` with the terms already made (an import makes them in its workers);
    ``new``: the record was just inserted, so it has no entry to replace."""
    if not new:
        remove_record(conn, kind, ref_id)
    params = {"k": kind, "r": ref_id, "t": title_terms, "b": body_terms}
    holding = deferred.held(conn)
    if holding is not None and new:  # written with the rest of an import's batch
        holding.add(_INSERT_FTS, [{**params, "id": fts_rowid(kind, ref_id)}])
    elif _is_sqlite(conn):
        conn.execute(_INSERT_FTS, {**params, "id": fts_rowid(kind, ref_id)})
    else:
        conn.execute(_INSERT_INDEX, params)


_INSERT_FTS = text("INSERT INTO search_fts (rowid, kind, ref_id, title, body) "
                   "VALUES (:id, :k, :r, :t, :b)")
_INSERT_INDEX = text("INSERT INTO search_index (kind, ref_id, title, body) "
                     "VALUES (:k, :r, :t, :b)")


def index_source(session: Session, source: m.Source) -> None:
    title = " ".join(filter(None, [source.title, source.file_name, source.publisher]))
    index_record(session.connection(), "source", source.id, title, source.text or "")


def _named_texts(conn: Connection, model: type[m.Actor] | type[m.Place], alias_owner,
                 ref_id: int) -> tuple[str, str] | None:
    """An actor or place: every name and alias as the title, its notes as the body."""
    row = conn.execute(select(model.name, model.name_latin, model.notes)
                       .where(model.id == ref_id)).first()
    if row is None:
        return None
    aliases = conn.execute(select(m.Alias.text).where(alias_owner == ref_id)).scalars()
    return " ".join(filter(None, [row.name, row.name_latin, *aliases])), row.notes or ""


def _actor_texts(conn: Connection, actor_id: int) -> tuple[str, str] | None:
    return _named_texts(conn, m.Actor, m.Alias.actor_id, actor_id)


def _place_texts(conn: Connection, place_id: int) -> tuple[str, str] | None:
    return _named_texts(conn, m.Place, m.Alias.place_id, place_id)


def _incident_texts(conn: Connection, incident_id: int) -> tuple[str, str] | None:
    row = conn.execute(select(m.Incident.title, m.Incident.summary, m.Incident.type,
                              m.Incident.subtype).where(m.Incident.id == incident_id)).first()
    if row is None:
        return None
    return row.title, " ".join(filter(None, [row.summary, row.type, row.subtype]))


_TEXTS = {"actor": _actor_texts, "place": _place_texts, "incident": _incident_texts}


def refresh_entries(conn: Connection, keys: Iterable[tuple[str, int]]) -> None:
    """Re-index (or drop, when gone) the given actor/place/incident entries."""
    for kind, ref_id in keys:
        texts = _TEXTS[kind](conn, ref_id)
        if texts is None:
            remove_record(conn, kind, ref_id)
        else:
            index_record(conn, kind, ref_id, *texts)


def reindex_all(session: Session) -> int:
    """Rebuild the whole index; returns the number of entries."""
    conn = session.connection()
    conn.execute(text("DELETE FROM search_fts" if _is_sqlite(conn) else "DELETE FROM search_index"))
    count = 0
    for src in session.execute(select(m.Source.id, m.Source.title, m.Source.file_name,
                                      m.Source.publisher, m.Source.text)):
        title = " ".join(filter(None, [src.title, src.file_name, src.publisher]))
        index_record(conn, "source", src.id, title, src.text or "")
        count += 1
    for kind, model in (("actor", m.Actor), ("place", m.Place), ("incident", m.Incident)):
        ids = list(session.execute(select(model.id)).scalars())
        refresh_entries(conn, ((kind, i) for i in ids))
        count += len(ids)
    return count


def attach(case: Case) -> None:
    """Keep the entries of ``case``'s actors, places and incidents in step with its writes."""
    case.listen("after_flush", _collect_stale)
    case.listen("after_flush_postexec", _refresh_stale)


def _stale_keys(obj: Any) -> set[tuple[str, int]]:
    """The entries a change to ``obj`` makes stale: (kind, id)."""
    if isinstance(obj, m.Actor | m.Place | m.Incident):
        return {(obj.__tablename__[:-1], obj.id)}
    if isinstance(obj, m.Alias):
        if obj.actor_id:
            return {("actor", obj.actor_id)}
        if obj.place_id:
            return {("place", obj.place_id)}
    return set()


def _collect_stale(session: Session, _ctx: Any) -> None:
    # After the flush the rows have ids, and the lists still say what the flush wrote.
    stale = session.info.setdefault("stale_index", set())
    changed = [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    for obj in [*session.new, *changed, *session.deleted]:
        stale.update(_stale_keys(obj))


def _refresh_stale(session: Session, _ctx: Any) -> None:
    keys = session.info.pop("stale_index", None)
    if keys:
        refresh_entries(session.connection(), sorted(keys))
