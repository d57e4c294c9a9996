"""Citations: the source passages behind each fact, for the forms and the viewer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from ..db import models as m

QUOTE_LIMIT = 2000


@dataclass(frozen=True)
class CitationRow:
    id: int
    fact_type: str
    fact_id: int
    fact_label: str  # which fact of the record it supports («alias حطلة», «the actor»)
    source_id: int
    source_title: str
    start: int
    end: int
    quote: str


def citations_for(session: Session, facts: Iterable[tuple[str, int, str]]) -> list[CitationRow]:
    """Citations of the given facts: (fact_type, fact_id, label shown in the list)."""
    facts = list(facts)
    if not facts:
        return []
    labels = {(t, i): label for t, i, label in facts}
    cond = or_(*(and_(m.Citation.fact_type == t, m.Citation.fact_id == i) for t, i, _ in facts))
    rows = session.execute(
        select(m.Citation, m.Source.title, m.Source.file_name)
        .join(m.Source, m.Source.id == m.Citation.source_id).where(cond)
        .order_by(m.Citation.source_id, m.Citation.start))
    return [CitationRow(c.id, c.fact_type, c.fact_id, labels[(c.fact_type, c.fact_id)],
                        c.source_id, title or file_name, c.start, c.end, c.quote)
            for c, title, file_name in rows]


def add_citation(session: Session, fact_type: str, fact_id: int, source_id: int,
                 start: int, end: int, note: str | None = None) -> int:
    """Cite ``source[start:end]`` for a fact; the quote is taken from the source's text."""
    text = session.scalar(select(m.Source.text).where(m.Source.id == source_id))
    if text is None:
        raise LookupError(f"Source {source_id} no longer exists.")
    if not (0 <= start < end <= len(text)):
        raise ValueError("The passage is outside the document's text.")
    reliability = session.scalar(select(m.Source.reliability).where(m.Source.id == source_id))
    citation = m.Citation(fact_type=fact_type, fact_id=fact_id, source_id=source_id,
                          start=start, end=end, quote=text[start:end][:QUOTE_LIMIT],
                          reliability=reliability, note=note)
    session.add(citation)
    session.flush()
    return citation.id


def delete_citations(session: Session, facts: Iterable[tuple[str, int]]) -> None:
    """Delete the citations of facts being deleted, through the ORM (audited, undoable)."""
    facts = list(facts)
    if not facts:
        return
    cond = or_(*(and_(m.Citation.fact_type == t, m.Citation.fact_id == i) for t, i in facts))
    for citation in session.scalars(select(m.Citation).where(cond)):
        session.delete(citation)


def delete_citation(session: Session, citation_id: int) -> None:
    citation = session.get(m.Citation, citation_id)
    if citation is not None:
        session.delete(citation)
        session.flush()
