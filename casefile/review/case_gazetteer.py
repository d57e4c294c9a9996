"""The case's own dossiers as a gazetteer: every confirmed actor, place and alias.

Confirmed names improve the next extraction: an alias accepted once («الركاض») is then found
anywhere, linked to its actor, without a pattern. The case's names are a layer of their own
over the shipped gazetteer (``LayeredGazetteer``), kept in memory per case: before each use one
query tells whether actors, places or aliases changed (counts, highest id, latest update); when
they did, only the changed records are read again and only the case layer is rebuilt. A
deletion (counts that do not add up) reloads the case layer whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from ..db import models as m
from ..extraction.gazetteer import Entry, Gazetteer, Hit, case_entry, shipped_gazetteer
from ..extraction.types import GROUP, PERSON, PLACE
from ..normalize import key as name_key

_MODELS = {"actor": m.Actor, "place": m.Place, "alias": m.Alias}


class LayeredGazetteer:
    """The shipped gazetteer with the case's entries on top (they outrank shipped ones)."""

    def __init__(self, shipped: Gazetteer, case: Gazetteer) -> None:
        self.shipped, self.case = shipped, case
        self.by_id = {**shipped.by_id, **case.by_id}

    @property
    def entries(self) -> list[Entry]:
        return [*self.shipped.entries, *self.case.entries]

    def scan(self, norm: str, *, context_ok: Any = None) -> Iterator[Hit]:
        yield from self.shipped.scan(norm, context_ok=context_ok)
        yield from self.case.scan(norm, context_ok=context_ok)

    def lookup(self, name: str, type_: str | None = None, cutoff: float = 86.0) -> Hit | None:
        """As ``Gazetteer.lookup`` over both layers: an exact key first (the case's before the
        shipped one), else the closer spelling variant."""
        hits = [h for h in (self.case.lookup(name, type_, cutoff),
                            self.shipped.lookup(name, type_, cutoff)) if h is not None]
        wanted = name_key(name)
        exact = [h for h in hits if name_key(h.alias) == wanted]
        if exact:
            return exact[0]
        return max(hits, key=lambda h: h.score, default=None)  # max keeps the case's on ties


@dataclass
class _CaseLayer:
    fingerprint: dict[str, tuple[int, int, Any]]
    entries: dict[tuple[str, int], Entry] = field(default_factory=dict)
    gazetteer: LayeredGazetteer | None = None


_layers: dict[str, _CaseLayer] = {}


@cache
def _fingerprint_statement() -> Any:
    # Built once: it runs before every file of an import.
    return union_all(*(
        select(literal(name).label("t"), func.count(model.id), func.coalesce(func.max(model.id), 0),
               func.max(model.updated_at))
        for name, model in _MODELS.items()
    ))


def _fingerprint(session: Session) -> dict[str, tuple[int, int, Any]]:
    """(count, highest id, latest update) of actors, places and aliases, in one query."""
    return {row[0]: (row[1], row[2], row[3])
            for row in session.execute(_fingerprint_statement())}


def _entries_for(session: Session, kind: str, ids: Iterable[int] | None) -> list[Entry]:
    """Entries of the given actors or places (all of them when ``ids`` is None)."""
    model = m.Actor if kind == "actor" else m.Place
    owner = m.Alias.actor_id if kind == "actor" else m.Alias.place_id
    alias_stmt = select(owner, m.Alias.text).where(owner.is_not(None)).order_by(m.Alias.id)
    cols = [model.id, model.kind, model.name, model.name_latin]
    if kind == "place":
        cols += [m.Place.latitude, m.Place.longitude]
    stmt = select(*cols)
    if ids is not None:
        ids = list(ids)
        if not ids:
            return []
        alias_stmt = alias_stmt.where(owner.in_(ids))
        stmt = stmt.where(model.id.in_(ids))
    names: dict[int, list[str]] = {}
    for owner_id, text in session.execute(alias_stmt):
        names.setdefault(owner_id, []).append(text)
    out = []
    for row in session.execute(stmt):
        if kind == "actor":
            type_ = PERSON if row.kind == m.ActorKind.PERSON else GROUP
            out.append(case_entry(row.id, type_, row.kind, row.name, names.get(row.id, []),
                                  latin=row.name_latin or ""))
        else:
            out.append(case_entry(row.id, PLACE, row.kind, row.name, names.get(row.id, []),
                                  latin=row.name_latin or "", ref_kind="place",
                                  lat=row.latitude, lon=row.longitude))
    return out


def case_entries(session: Session) -> list[Entry]:
    """Gazetteer entries for the case's actors and places, with all their aliases."""
    return [*_entries_for(session, "actor", None), *_entries_for(session, "place", None)]


def _changed(session: Session, old: dict, new: dict) -> dict[str, set[int]] | None:
    """Actors and places to read again since ``old``; None when something was deleted."""
    changed: dict[str, set[int]] = {"actor": set(), "place": set()}
    for name, model in _MODELS.items():
        count, max_id, latest = old[name]
        if new[name] == old[name]:
            continue
        since = [model.id > max_id]
        if latest is not None:
            since.append(model.updated_at > latest)
        cols = [model.id] if name != "alias" else [m.Alias.id, m.Alias.actor_id, m.Alias.place_id]
        rows = session.execute(select(*cols).where(or_(*since))).all()
        if new[name][0] != count + sum(1 for r in rows if r[0] > max_id):
            return None  # a row went away
        for r in rows:
            if name == "alias":
                if r[1] is not None:
                    changed["actor"].add(r[1])
                if r[2] is not None:
                    changed["place"].add(r[2])
            else:
                changed[name].add(r[0])
    return changed


def _current_layer(session: Session) -> _CaseLayer:
    """The case's layer, brought up to date (see the module docstring)."""
    url = str(session.get_bind().url)
    fp = _fingerprint(session)
    layer = _layers.get(url)
    if layer is not None and layer.fingerprint == fp:
        return layer
    changed = _changed(session, layer.fingerprint, fp) if layer is not None else None
    if changed is None:
        layer = _CaseLayer(fp, {e.ref: e for e in case_entries(session)})
    else:
        layer.fingerprint = fp
        layer.gazetteer = None
        for kind, ids in changed.items():
            for ref_id in ids:
                layer.entries.pop((kind, ref_id), None)
            for e in _entries_for(session, kind, ids):
                layer.entries[e.ref] = e
    if url not in _layers and len(_layers) >= 8:
        _layers.clear()
    _layers[url] = layer
    return layer


def _ordered(layer: _CaseLayer) -> list[Entry]:
    return sorted(layer.entries.values(), key=lambda e: (e.ref[0], e.ref[1]))


def case_gazetteer(session: Session) -> LayeredGazetteer:
    """Shipped gazetteers plus this case's dossiers, kept up to date (see the module docstring)."""
    layer = _current_layer(session)
    if layer.gazetteer is None:
        layer.gazetteer = LayeredGazetteer(shipped_gazetteer(), Gazetteer(_ordered(layer)))
    return layer.gazetteer


def case_snapshot(session: Session) -> tuple[Any, list[Entry]]:
    """The case's layer as plain entries, with the fingerprint it was made from: what an
    import sends its workers (which build the same ``LayeredGazetteer`` from it)."""
    layer = _current_layer(session)
    return layer.fingerprint, _ordered(layer)


__all__ = ["LayeredGazetteer", "case_entries", "case_gazetteer", "case_snapshot"]
