"""Finding the actor (or place) an analyst means: by id, by any name or alias, normalised.

Order of tries, each stopping at the first answer: the id («12» or «#12»); a name, Latin
name or alias with the same matching key (hamza, ta marbuta, tashkeel, «ال» spacing
folded, Latin case ignored); a name that contains the words typed («أبو رقية» finds
«أبو رقية الأحوازي»). Nothing found lists the closest names (rapidfuzz); several found
lists them all. Only columns are read, so no ORM object leaves this module.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..normalize import key, normalize
from .errors import (
    ActorNotFound,
    Ambiguous,
    AmbiguousActor,
    AmbiguousPlace,
    Choice,
    NotFound,
    PlaceNotFound,
)

_ID = re.compile(r"#?(\d+)")
CLOSEST = 5
MIN_SCORE = 60


def _choice(row: Any, matched: str) -> Choice:
    return Choice(id=row.id, name=row.name, name_latin=row.name_latin, kind=row.kind,
                  matched=matched)


def _unique(ref: str, records: dict, hits: list[tuple[int, str]],
            ambiguous: type[Ambiguous]) -> Choice | None:
    """One record among ``hits`` → it; several → ``ambiguous``; none → None."""
    first: dict[int, str] = {}
    for record_id, text in hits:
        first.setdefault(record_id, text)
    if not first:
        return None
    if len(first) > 1:
        raise ambiguous(ref, [_choice(records[i], t) for i, t in sorted(first.items())])
    ((record_id, text),) = first.items()
    return _choice(records[record_id], text)


def _find(session: Session, ref: str | int, model: type, alias_owner: Any,
          not_found: type[NotFound], ambiguous: type[Ambiguous]) -> Choice:
    ref = str(ref).strip()
    columns = (model.id, model.name, model.name_latin, model.kind)
    id_match = _ID.fullmatch(ref)
    if id_match:
        row = session.execute(select(*columns).where(model.id == int(id_match.group(1)))).first()
        if row is None:
            raise not_found(ref, [])
        return _choice(row, row.name)
    if not ref:
        raise not_found(ref, [])

    records = {r.id: r for r in session.execute(select(*columns))}
    names: list[tuple[int, str]] = []
    for r in records.values():
        names += [(r.id, r.name)] + ([(r.id, r.name_latin)] if r.name_latin else [])
    names += [(owner, text) for owner, text in session.execute(
        select(alias_owner, m.Alias.text).where(alias_owner.is_not(None))) if owner in records]

    wanted = key(ref)
    found = _unique(ref, records, [(i, t) for i, t in names if key(t) == wanted], ambiguous)
    if found:
        return found
    words = f" {normalize(ref)} "
    found = _unique(ref, records, [(i, t) for i, t in names if words in f" {normalize(t)} "],
                    ambiguous)
    if found:
        return found
    raise not_found(ref, _closest(ref, records, names))


def _closest(ref: str, records: dict, names: list[tuple[int, str]]) -> list[Choice]:
    """Up to CLOSEST records whose names look most like ``ref`` (one line per record)."""
    if not names:
        return []
    scored = process.extract(normalize(ref), [normalize(t) for _, t in names],
                             scorer=fuzz.WRatio, limit=CLOSEST * 4)
    out: dict[int, Choice] = {}
    for rank, (_text, score, index) in enumerate(scored):
        if score < MIN_SCORE and rank >= 3:
            break  # past the first three, only names that really look alike
        record_id, text = names[index]
        out.setdefault(record_id, _choice(records[record_id], text))
        if len(out) == CLOSEST:
            break
    return list(out.values())


def find_actor(session: Session, name_or_id: str | int) -> Choice:
    """The actor ``name_or_id`` names, or ActorNotFound / AmbiguousActor saying why not."""
    return _find(session, name_or_id, m.Actor, m.Alias.actor_id, ActorNotFound, AmbiguousActor)


def find_place(session: Session, name_or_id: str | int) -> Choice:
    """The place ``name_or_id`` names, or PlaceNotFound / AmbiguousPlace."""
    return _find(session, name_or_id, m.Place, m.Alias.place_id, PlaceNotFound, AmbiguousPlace)
