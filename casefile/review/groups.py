"""Open proposals as groups: one per type, normalised name and the record they would link to.

A group is what the analyst decides once for every report that mentions the name: «تونس» in
385 reports is one row, not 385. Groups are sorted by how many reports mention them. A group
is *known* when it links to a record of the case: extraction matched a confirmed name or alias
(``payload.ref``), or the name's key is a name or alias of a record made since. Its id is a hash
of type, key and link, so it stays the same until the group itself changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..normalize import key
from ..vocabulary import SUBTYPES

GROUP_TYPES = ("PERSON", "GROUP", "PLACE", "INCIDENT")
_KIND_OF_TYPE = {"PERSON": "PERSON", "GROUP": "GROUP", "PLACE": "PLACE", "INCIDENT": "incident"}
_TYPE_OF_KIND = {v: k for k, v in _KIND_OF_TYPE.items()}


@dataclass(frozen=True)
class Linked:
    kind: str  # actor or place
    id: int
    name: str
    by_extraction: bool = True  # a confirmed alias matched at import (else: same name since)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "name": self.name}


@dataclass(frozen=True)
class Group:
    id: str
    type: str  # PERSON, GROUP, PLACE, INCIDENT
    key: str
    name: str  # the most frequent canonical form
    kind: str  # actor/place kind or incident type, the most frequent
    linked: Linked | None
    matched_alias: str  # the confirmed alias that matched, for known groups
    reports: int
    mentions: int
    confidence: tuple[float, float, float]  # min, median, max
    proposal_ids: tuple[int, ...]
    exact: bool = False  # linked, and the name as written holds the alias that matched

    @property
    def safe_to_accept(self) -> bool:
        """A known name that bulk acceptance may take: linked by a confirmed alias, exactly."""
        return self.exact and self.linked is not None and self.linked.by_extraction

    @property
    def known(self) -> bool:
        return self.linked is not None

    def to_json(self) -> dict[str, Any]:
        low, mid, high = self.confidence
        return {
            "id": self.id, "type": self.type, "name": self.name,
            "linked": self.linked.to_json() if self.linked else None,
            "reports": self.reports, "mentions": self.mentions,
            "confidence": {"min": low, "median": mid, "max": high},
        }


@dataclass
class GroupFilter:
    """What the analyst narrows the groups to; empty means everything."""

    types: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)  # actor/place kinds, incident types
    min_confidence: float = 0.0
    source_text: str = ""  # part of a source's title, file name or publisher
    date_from: dt.date | None = None  # the source's publication date
    date_to: dt.date | None = None
    known: bool | None = None  # True: linked to a record; False: new names only
    imported_since: dt.datetime | None = None  # "new this week"
    text: str = ""  # part of the group's name


def top_new_this_week(now: dt.datetime | None = None) -> GroupFilter:
    """New names (not linked to any record) in reports imported in the last seven days."""
    now = now or m.utcnow()
    return GroupFilter(known=False, imported_since=now - dt.timedelta(days=7))


def group_id(type_: str, name_key: str, linked: Linked | None) -> str:
    link = f"{linked.kind}:{linked.id}" if linked else ""
    digest = hashlib.blake2s(f"{type_}\x1f{name_key}\x1f{link}".encode(), digest_size=6)
    return digest.hexdigest()


class _RecordIndex:
    """Names and aliases of the case's actors and places, by key (for «would link to»)."""

    def __init__(self, session: Session) -> None:
        self.names: dict[tuple[str, int], str] = {}
        self.by_key: dict[tuple[str, str], tuple[str, int, str]] = {}
        for kind, model in (("actor", m.Actor), ("place", m.Place)):
            for rid, name in session.execute(select(model.id, model.name)):
                self.names[(kind, rid)] = name
                self.by_key.setdefault((kind, key(name)), (kind, rid, name))
        for actor_id, place_id, text, k in session.execute(
                select(m.Alias.actor_id, m.Alias.place_id, m.Alias.text, m.Alias.key)):
            kind, rid = ("actor", actor_id) if actor_id is not None else ("place", place_id)
            self.by_key.setdefault((kind, k), (kind, rid, text))

    def link(self, type_: str, ref_kind: str | None, ref_id: str | None,
             matched_alias: str | None, name_key: str) -> tuple[Linked | None, str]:
        kind = "place" if type_ == "PLACE" else "actor"
        if ref_kind == kind and ref_id is not None and str(ref_id).isdigit():
            name = self.names.get((kind, int(ref_id)))
            if name is not None:
                return Linked(kind, int(ref_id), name), matched_alias or ""
        found = self.by_key.get((kind, name_key))
        if found is not None:
            return Linked(kind, found[1], self.names[(kind, found[1])], False), found[2]
        return None, ""


def _rows(session: Session, flt: GroupFilter) -> Iterable[Any]:
    """One light row per open proposal: the payload's few fields are read by the database
    (decoding 90,000 JSON payloads in Python would take seconds)."""
    kinds = [_KIND_OF_TYPE[t] for t in (flt.types or GROUP_TYPES)]
    payload = m.Proposal.payload
    stmt = (select(m.Proposal.id, m.Proposal.source_id, m.Proposal.kind, m.Proposal.subkind,
                   m.Proposal.text, m.Proposal.confidence, payload["canonical"].as_string(),
                   payload["kind"].as_string(), payload["type"].as_string(),
                   payload["matched_alias"].as_string(), payload[("ref", 0)].as_string(),
                   payload[("ref", 1)].as_string())
            .where(m.Proposal.status == "proposed", m.Proposal.kind.in_(kinds)))
    if flt.date_from or flt.date_to or flt.imported_since or flt.source_text.strip():
        stmt = stmt.join(m.Source, m.Source.id == m.Proposal.source_id)
    if flt.min_confidence > 0:
        stmt = stmt.where(m.Proposal.confidence >= flt.min_confidence)
    if flt.date_from is not None:
        stmt = stmt.where(m.Source.published >= flt.date_from)
    if flt.date_to is not None:
        stmt = stmt.where(m.Source.published <= flt.date_to)
    if flt.imported_since is not None:
        stmt = stmt.where(m.Source.imported_at >= flt.imported_since)
    if flt.source_text.strip():
        like = f"%{flt.source_text.strip()}%"
        stmt = stmt.where(m.Source.title.ilike(like) | m.Source.file_name.ilike(like)
                          | m.Source.publisher.ilike(like))
    return session.connection().execute(stmt)  # Core rows: lighter than the ORM's


def _display(type_: str, name_key: str, name: str) -> str:
    if type_ == "INCIDENT":
        term = SUBTYPES.get(name_key)
        return term.ar if term else name_key.replace("_", " ")
    return name


def _most_common(values: list[str]) -> str:
    """The value seen most often, the first seen of those tied."""
    if len(values) == 1:  # most groups: a name in one report
        return values[0]
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return max(counts, key=counts.__getitem__)


class _Classifier:
    """Which group a proposal falls in, from its few fields: worked out once per distinct set
    of fields (the 4,846 open «تونس» of the ANT case share one), so grouping a case costs a
    dictionary look-up per proposal."""

    def __init__(self, session: Session) -> None:
        self.index = _RecordIndex(session)
        self.keys: dict[str, str] = {}  # name → key: a name recurs thousands of times
        self.seen: dict[tuple, tuple | None] = {}

    def __call__(self, fields: tuple) -> tuple | None:
        """(group key, name, kind shown, matched alias), None for a proposal with no name."""
        found = self.seen.get(fields, False)
        if found is False:
            found = self.seen[fields] = self._classify(*fields)
        return found

    def _classify(self, kind, subkind, text, canonical, pkind, ptype, alias, ref0, ref1):
        if kind == "incident":
            name_key = subkind or ""
            return (("INCIDENT", name_key, None), name_key, ptype or "", "") if name_key else None
        # A name extraction linked is grouped by its words as written, so a spelling that
        # matched a record only loosely («وزارة المالية» → «وزارة الداخلية») stays apart.
        name = text if ref0 in ("actor", "place") else (canonical or text)
        name_key = self.keys.get(name)
        if name_key is None:
            name_key = self.keys[name] = key(name)
        if not name_key:
            return None
        linked, alias = self.index.link(kind, ref0, ref1, alias, name_key)
        return (kind, name_key, linked), name, pkind or subkind or "", alias


def list_groups(session: Session, flt: GroupFilter | None = None,
                limit: int | None = None) -> list[Group]:
    """The open proposals as groups, most reported first (see the module docstring)."""
    flt = flt or GroupFilter()
    classify = _Classifier(session)
    members: dict[tuple[str, str, Linked | None], list[tuple]] = {}
    for (pid, sid, kind, subkind, text, conf, canonical, pkind, ptype, alias, ref0,
         ref1) in _rows(session, flt):
        found = classify((kind, subkind, text, canonical, pkind, ptype, alias, ref0, ref1))
        if found is not None:
            rows = members.get(found[0])
            if rows is None:
                members[found[0]] = [(pid, sid, conf, found)]
            else:
                rows.append((pid, sid, conf, found))
    groups = []
    wanted_text = key(flt.text) if flt.text.strip() else ""
    for (type_, name_key, linked), rows in members.items():
        kind = _most_common([r[3][2] for r in rows])
        if flt.kinds and kind not in flt.kinds:
            continue
        if flt.known is not None and (linked is not None) != flt.known:
            continue
        name = _display(type_, name_key, _most_common([r[3][1] for r in rows]))
        if wanted_text and wanted_text not in name_key and wanted_text not in key(name):
            continue
        conf = sorted(r[2] for r in rows)
        aliases = [r[3][3] for r in rows if r[3][3]]
        matched = _most_common(aliases) if aliases else ""
        groups.append(Group(
            id=group_id(type_, name_key, linked), type=type_, key=name_key, name=name,
            kind=kind, linked=linked,
            matched_alias=matched,
            exact=linked is not None and _same_name(name_key, matched, linked.name),
            reports=len({r[1] for r in rows}), mentions=len(rows),
            confidence=(conf[0], round(statistics.median(conf), 3), conf[-1]),
            proposal_ids=tuple(sorted(r[0] for r in rows))))
    groups.sort(key=lambda g: (-g.reports, -g.mentions, g.type, g.name))
    return groups[:limit] if limit else groups


def _same_name(name_key: str, matched: str, record_name: str) -> bool:
    """The words hold a confirmed name whole («ميليشيا لواء الباقر» holds «لواء الباقر»),
    not merely a name like it (fuzzy spelling matches stay for the analyst to look at)."""
    return any(k and k in name_key for k in (key(matched), key(record_name)))


def find_group(session: Session, group_id_: str) -> Group | None:
    for g in list_groups(session):
        if g.id == group_id_:
            return g
    return None


def group_members(session: Session, group: Group, limit: int = 2000) -> list[Any]:
    """The group's mentions with their sentence and source (``services.review.ProposalRow``),
    one report after another, for sample sentences and single-mention exceptions."""
    from ..services.review import proposal_rows

    return proposal_rows(session, list(group.proposal_ids[:limit]))
