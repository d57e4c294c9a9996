"""Citations of the facts in an export, numbered as endnotes in order of first use.

A dossier cites hundreds of facts; citations are loaded in a few batched queries
(with only the source columns an endnote shows, never the original bytes or text) and
then numbered as the document refers to them, so note 1 is the first one the reader meets.
One passage supporting several facts (extraction files one citation per fact, so an incident
and each of its actors often cite the same sentence) keeps one number and lists the facts.
Sources get short labels («م1») in
the same way: an endnote names its source's title, date and label, and the source list
gives each source's publisher, URL and SHA-256 once (a thousand endnotes citing three
reports would otherwise print the same hashes a thousand times, and Chromium's printing
time grows with the amount of text).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from .labels import format_date, iso_date

# fact_type spellings seen in cases: the table's singular, or its plural.
_FACT_TYPES = {
    "actor": "actor", "actors": "actor", "alias": "alias", "aliases": "alias",
    "place": "place", "places": "place", "incident": "incident", "incidents": "incident",
    "involvement": "involvement", "involvements": "involvement",
    "relation": "relation", "relations": "relation",
}
_BATCH = 500  # ids per IN (...): well under SQLite's and PostgreSQL's limits


@dataclass
class Endnote:
    number: int
    citation_id: int
    fact: str  # what the reader is told this passage supports
    quote: str
    source_id: int
    source_title: str
    publisher: str | None
    published: str | None  # as an Arabic date
    published_iso: str | None
    url: str | None
    sha256: str
    file_name: str
    start: int
    end: int
    reliability: str | None
    credibility: int | None
    note: str | None = None
    source_label: str = ""
    also_supports: list[str] = field(default_factory=list)

    @property
    def rating(self) -> str:
        """Admiralty code, e.g. «B2»; «B—» when only one half was rated."""
        if not self.reliability and not self.credibility:
            return "غير مقيم"
        return f"{self.reliability or '—'}{self.credibility or '—'}"


@dataclass
class _Row:
    id: int
    start: int
    end: int
    quote: str
    reliability: str | None
    credibility: int | None
    note: str | None
    source_id: int
    title: str | None
    file_name: str
    publisher: str | None
    published: dt.date | None
    url: str | None
    sha256: str
    source_reliability: str | None


@dataclass
class SourceItem:
    label: str  # «م1», «م2»… in order of first citation
    id: int
    title: str
    file_name: str
    publisher: str | None
    published: str | None
    url: str | None
    sha256: str
    reliability: str | None
    citations: int = 0


class Endnotes:
    """Loads the citations of a set of facts and numbers them as they are cited."""

    def __init__(self, session: Session, facts: dict[str, Iterable[int]]) -> None:
        self._by_fact: dict[tuple[str, int], list[_Row]] = defaultdict(list)
        self.notes: list[Endnote] = []
        self.sources: list[SourceItem] = []
        self._number: dict[tuple, int] = {}  # (source, start, end, rating) → endnote number
        self._source: dict[int, SourceItem] = {}
        spellings: dict[str, list[str]] = defaultdict(list)
        for spelling, canonical in _FACT_TYPES.items():
            spellings[canonical].append(spelling)
        for fact_type, ids in facts.items():
            ids = sorted(set(ids))
            for i in range(0, len(ids), _BATCH):
                self._load(session, fact_type, spellings[fact_type], ids[i:i + _BATCH])

    def _load(self, session: Session, fact_type: str, spellings: list[str],
              ids: list[int]) -> None:
        c, s = m.Citation, m.Source
        rows = session.execute(
            select(c.id, c.fact_id, c.start, c.end, c.quote, c.reliability, c.credibility,
                   c.note, s.id.label("source_id"), s.title, s.file_name, s.publisher,
                   s.published, s.url, s.sha256, s.reliability.label("source_reliability"))
            .join(s, s.id == c.source_id)
            .where(c.fact_type.in_(spellings), c.fact_id.in_(ids))
            .order_by(s.published.is_(None), s.published, c.id)
        ).all()
        for r in rows:
            fields = r._asdict()
            fact_id = fields.pop("fact_id")
            self._by_fact[(fact_type, fact_id)].append(_Row(**fields))

    def count(self, fact_type: str, fact_id: int) -> int:
        return len(self._by_fact.get((fact_type, fact_id), ()))

    def cite(self, fact_type: str, fact_id: int, fact: str) -> list[int]:
        """Endnote numbers for a fact, numbering its citations on first use."""
        numbers = []
        for row in self._by_fact.get((fact_type, fact_id), ()):
            passage = (row.source_id, row.start, row.end, row.reliability, row.credibility)
            number = self._number.get(passage)
            if number is None:
                number = len(self.notes) + 1
                self._number[passage] = number
                note = _endnote(number, row, fact)
                note.source_label = self._source_item(row).label
                self.notes.append(note)
            elif fact not in self.notes[number - 1].also_supports and \
                    fact != self.notes[number - 1].fact:
                self.notes[number - 1].also_supports.append(fact)
            if number not in numbers:
                numbers.append(number)
        return numbers


    def _source_item(self, row: _Row) -> SourceItem:
        item = self._source.get(row.source_id)
        if item is None:
            item = SourceItem(
                label=f"م{len(self.sources) + 1}", id=row.source_id,
                title=row.title or row.file_name, file_name=row.file_name,
                publisher=row.publisher, published=format_date(row.published, "day") or None,
                url=row.url, sha256=row.sha256, reliability=row.source_reliability)
            self._source[row.source_id] = item
            self.sources.append(item)
        item.citations += 1
        return item


def _endnote(number: int, row: _Row, fact: str) -> Endnote:
    return Endnote(
        number=number, citation_id=row.id, fact=fact, quote=row.quote,
        source_id=row.source_id, source_title=row.title or row.file_name,
        publisher=row.publisher, published=format_date(row.published, "day") or None,
        published_iso=iso_date(row.published), url=row.url, sha256=row.sha256,
        file_name=row.file_name, start=row.start, end=row.end,
        reliability=row.reliability or row.source_reliability, credibility=row.credibility,
        note=row.note,
    )
