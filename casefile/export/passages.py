"""Every passage of the case that names an actor by one of its confirmed names or aliases.

The dossier's facts cite some passages; a reader also needs the others («الهدف من زيارة المدعو
"أبو رقية الأحوازي" طمأنة الأهالي…» names him and says what he did even if no fact cites it).
Candidate sources come from the search index (the same Arabic normaliser), then each name is
found in the normalised text as a whole word, a proclitic (و ف ب ل ك ال) allowed before it,
and mapped back to the original characters. One passage per sentence, sources by date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..normalize import normalize, normalize_with_map
from ..search import matching_ids
from ..services.review import sentence_around
from .labels import format_date, iso_date

MAX_PASSAGES = 2000  # a dossier stays printable for an actor named in thousands of reports
_PROCLITIC = "(?:[وف]?(?:[بلك]|ال|لل|بال|كال)?)"


@dataclass
class Passage:
    start: int
    end: int
    name: str  # the name as written in the source
    sentence: str
    credibility: int | None  # from a citation of this actor at that span, if any


@dataclass
class PassageSource:
    source_id: int
    title: str
    published: str | None
    published_iso: str | None
    reliability: str | None
    passages: list[Passage] = field(default_factory=list)


def _pattern(names: list[str]) -> re.Pattern[str] | None:
    forms = sorted({normalize(n).strip() for n in names if normalize(n).strip()}, key=len,
                   reverse=True)
    if not forms:
        return None
    alternatives = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<!\w){_PROCLITIC}({alternatives})(?!\w)")


def actor_names(session: Session, actor_id: int) -> list[str]:
    actor = session.get(m.Actor, actor_id)
    if actor is None:
        return []
    names = [actor.name, *(a.text for a in actor.aliases)]
    return [n for n in dict.fromkeys(names) if n and len(normalize(n)) >= 2]


def _source_ids(session: Session, actor_id: int, names: list[str]) -> set[int]:
    ids = set(session.scalars(select(m.Mention.source_id).where(m.Mention.actor_id == actor_id)))
    ids |= set(session.scalars(select(m.Citation.source_id).where(
        m.Citation.fact_type == "actor", m.Citation.fact_id == actor_id)))
    for name in names:
        ids |= matching_ids(session, name, "source")
    return ids


def actor_passages(session: Session, actor_id: int) -> list[PassageSource]:
    """The passages naming the actor, grouped by source (oldest first, undated last)."""
    names = actor_names(session, actor_id)
    pattern = _pattern(names)
    if pattern is None:
        return []
    ids = _source_ids(session, actor_id, names)
    rated = {(c.source_id, c.start, c.end): c.credibility for c in session.execute(
        select(m.Citation.source_id, m.Citation.start, m.Citation.end, m.Citation.credibility)
        .where(m.Citation.fact_type == "actor", m.Citation.fact_id == actor_id))}
    out: list[PassageSource] = []
    total = 0
    rows = session.execute(
        select(m.Source.id, m.Source.title, m.Source.file_name, m.Source.published,
               m.Source.reliability, m.Source.text)
        .where(m.Source.id.in_(ids))
        .order_by(m.Source.published.is_(None), m.Source.published, m.Source.id)) if ids else []
    for r in rows:
        text = r.text or ""
        folded, where = normalize_with_map(text)
        item = PassageSource(r.id, r.title or r.file_name, format_date(r.published, "day") or None,
                             iso_date(r.published), r.reliability)
        sentences: set[int] = set()
        for hit in pattern.finditer(folded):
            a, b = hit.span(1)
            start, end = where[a], where[b - 1] + 1
            left, sentence = sentence_around(text, start, end)
            if left in sentences:
                continue
            sentences.add(left)
            item.passages.append(Passage(start, end, text[start:end], sentence,
                                         rated.get((r.id, start, end))))
        if item.passages:
            out.append(item)
            total += len(item.passages)
            if total >= MAX_PASSAGES:
                break
    return out


def passages_json(sources: list[PassageSource]) -> list[dict]:
    return [{"source_id": s.source_id, "title": s.title, "published": s.published_iso,
             "reliability": s.reliability,
             "passages": [{"start": p.start, "end": p.end, "name": p.name, "text": p.sentence,
                           "credibility": p.credibility} for p in s.passages]}
            for s in sources]
