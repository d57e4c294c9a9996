"""Ranked search with highlighted snippets taken from the original text."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from ..db import models as m
from .snippets import snippet
from .terms import fts5_query, query_groups, tsquery

CANDIDATES = 200  # PostgreSQL: matches ranked in full (see _ranked_ids)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: int
    title: str
    snippet: str
    score: float

    def to_json(self) -> dict:
        return asdict(self)


def _ranked_ids(conn: Connection, alternatives: list[list[list[str]]], kinds: tuple[str, ...],
                limit: int) -> list[tuple[str, int, float]]:
    params = {"limit": limit, **{f"k{i}": k for i, k in enumerate(kinds)}}
    kind_list = ", ".join(f":k{i}" for i in range(len(kinds)))
    if conn.dialect.name == "sqlite":
        sql = (
            "SELECT kind, ref_id, -bm25(search_fts, 0, 0, 5.0, 1.0) AS score FROM search_fts "
            f"WHERE search_fts MATCH :q AND kind IN ({kind_list}) "
            "ORDER BY bm25(search_fts, 0, 0, 5.0, 1.0), ref_id LIMIT :limit"
        )
        params["q"] = fts5_query(alternatives)
    else:
        # Large tsvectors live out of line: reading all of them for a common word takes
        # a second. So the GIN index finds the matches, the small title vector picks
        # the best candidates, and only those are ranked on the full vector.
        conn.execute(text("SET LOCAL enable_seqscan = off"))
        sql = (
            "SELECT kind, ref_id, ts_rank(tsv, q) AS score FROM ("
            "SELECT kind, ref_id, tsv, q FROM search_index, to_tsquery('simple', :q) q "
            f"WHERE tsv @@ q AND kind IN ({kind_list}) "
            "ORDER BY ts_rank(title_tsv, q) DESC, ref_id DESC LIMIT :candidates) c "
            "ORDER BY score DESC, ref_id LIMIT :limit"
        )
        params["candidates"] = max(CANDIDATES, limit)
        params["q"] = tsquery(alternatives)
    return [(r.kind, int(r.ref_id), float(r.score)) for r in conn.execute(text(sql), params)]


def matching_ids(session: Session, query: str, kind: str) -> set[int]:
    """Ids of every record of ``kind`` matching ``query``: no ranking, no snippets.

    For filters over a whole case, where ranking 100,000 hits would be wasted work.
    """
    alternatives = query_groups(query)
    if not alternatives:
        return set()
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        sql = "SELECT ref_id FROM search_fts WHERE search_fts MATCH :q AND kind = :k"
        q = fts5_query(alternatives)
    else:
        conn.execute(text("SET LOCAL enable_seqscan = off"))  # see _ranked_ids
        sql = ("SELECT ref_id FROM search_index WHERE tsv @@ to_tsquery('simple', :q) "
               "AND kind = :k")
        q = tsquery(alternatives)
    return {int(r) for r in conn.execute(text(sql), {"q": q, "k": kind}).scalars()}


def _names(*names: str | None) -> str:
    """A record's names for its snippet, each once (a Latin name is often an alias too)."""
    return " · ".join(dict.fromkeys(n for n in names if n))


def _titles_and_texts(session: Session, kind: str, ids: list[int]) -> dict[int, tuple[str, str]]:
    if kind == "source":
        rows = session.execute(select(m.Source.id, m.Source.title, m.Source.file_name,
                                      m.Source.text).where(m.Source.id.in_(ids)))
        return {r.id: (r.title or r.file_name, r.text or "") for r in rows}
    if kind == "actor":
        rows = session.execute(select(m.Actor.id, m.Actor.name, m.Actor.name_latin)
                               .where(m.Actor.id.in_(ids)))
        aliases: dict[int, list[str]] = {}
        for a in session.execute(select(m.Alias.actor_id, m.Alias.text)
                                 .where(m.Alias.actor_id.in_(ids))):
            aliases.setdefault(a.actor_id, []).append(a.text)
        return {r.id: (r.name, _names(r.name, r.name_latin, *aliases.get(r.id, [])))
                for r in rows}
    if kind == "place":
        rows = session.execute(select(m.Place.id, m.Place.name, m.Place.name_latin)
                               .where(m.Place.id.in_(ids)))
        return {r.id: (r.name, _names(r.name, r.name_latin)) for r in rows}
    rows = session.execute(select(m.Incident.id, m.Incident.title, m.Incident.summary)
                           .where(m.Incident.id.in_(ids)))
    return {r.id: (r.title, r.summary or r.title) for r in rows}


def search(session: Session, query: str, *, kinds: tuple[str, ...] | None = None,
           limit: int = 50) -> list[SearchHit]:
    """Ranked hits for ``query`` across the case; same hits on SQLite and PostgreSQL."""
    alternatives = query_groups(query)
    if not alternatives:
        return []
    kinds = kinds or ("source", "actor", "place", "incident")
    ranked = _ranked_ids(session.connection(), alternatives, kinds, limit)
    by_kind: dict[str, list[int]] = {}
    for kind, ref_id, _ in ranked:
        by_kind.setdefault(kind, []).append(ref_id)
    details = {k: _titles_and_texts(session, k, ids) for k, ids in by_kind.items()}
    hits = []
    for kind, ref_id, score in ranked:
        title, body = details[kind].get(ref_id, ("", ""))
        hits.append(SearchHit(kind, ref_id, title, snippet(body, alternatives), round(score, 6)))
    return hits
