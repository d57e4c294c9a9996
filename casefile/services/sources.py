"""Sources for the documents panel, the viewer's header and the source form."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, func, or_, select, true
from sqlalchemy.orm import Session, undefer

from ..db import models as m
from ..db.locking import apply_edit
from ..search import matching_ids
from . import records
from .validation import ValidationError, check_date, date_text

LANGUAGES = ("ar", "en", "fr", "fa", "tr", "ku", "und")


@dataclass(frozen=True)
class SourceRow:
    """One line of the documents panel."""

    id: int
    title: str
    publisher: str
    published: dt.date | None
    language: str
    status: str
    open_proposals: int
    confirmed: int
    file_name: str
    imported_at: dt.datetime | None


def _open_proposals():
    return (select(func.count()).select_from(m.Proposal)
            .where(m.Proposal.source_id == m.Source.id, m.Proposal.status == "proposed")
            .correlate(m.Source).scalar_subquery())


def _confirmed():
    return (select(func.count()).select_from(m.Mention)
            .where(m.Mention.source_id == m.Source.id, m.Mention.status == "confirmed")
            .correlate(m.Source).scalar_subquery())


SORT_KEYS: dict[str, Any] = {
    "title": lambda: func.coalesce(m.Source.title, m.Source.file_name),
    "publisher": lambda: m.Source.publisher,
    "published": lambda: m.Source.published,
    "language": lambda: m.Source.language,
    "status": lambda: m.Source.status,
    "open_proposals": _open_proposals,
    "confirmed": _confirmed,
    "imported_at": lambda: m.Source.imported_at,
}


@dataclass(frozen=True)
class SourceFilter:
    text: str = ""  # title, publisher, file name, or words of the text (Arabic-normalised)
    language: str = ""
    with_open_proposals: bool = False


def source_ids(session: Session, flt: SourceFilter = SourceFilter(), *,
               sort: str = "imported_at", descending: bool = False) -> list[int]:
    """Ids of the sources that pass ``flt``, in order: the documents panel loads rows lazily."""
    text = flt.text.strip()
    like = f"%{text}%"
    named = or_(m.Source.title.ilike(like), m.Source.publisher.ilike(like),
                m.Source.file_name.ilike(like)) if text else true()
    stmt: Select = select(m.Source.id, named.label("named"))
    if flt.language:
        stmt = stmt.where(m.Source.language == flt.language)
    if flt.with_open_proposals:
        stmt = stmt.where(_open_proposals() > 0)
    key = SORT_KEYS.get(sort, SORT_KEYS["imported_at"])()
    order = key.desc() if descending else key.asc()
    tie = m.Source.id.desc() if descending else m.Source.id.asc()
    rows = session.execute(stmt.order_by(order.nulls_last(), tie))
    if not text:
        return [r.id for r in rows]
    # Words of the text, Arabic-normalised, through the search index; matched in Python so
    # that a word found in 100,000 reports never becomes 100,000 SQL parameters.
    in_text = _sources_with_words(session, text)
    return [r.id for r in rows if r.named or r.id in in_text]


def _sources_with_words(session: Session, text: str) -> set[int]:
    """Ids of the sources whose text has the words of ``text`` (ids only, unranked)."""
    return matching_ids(session, text, "source")


def source_rows(session: Session, ids: list[int]) -> dict[int, SourceRow]:
    if not ids:
        return {}
    rows = session.execute(
        select(m.Source.id, m.Source.title, m.Source.publisher, m.Source.published,
               m.Source.language, m.Source.status, m.Source.file_name, m.Source.imported_at,
               _open_proposals().label("open_proposals"), _confirmed().label("confirmed"))
        .where(m.Source.id.in_(ids)))
    return {r.id: SourceRow(id=r.id, title=r.title or r.file_name, publisher=r.publisher or "",
                            published=r.published, language=r.language or "",
                            status=r.status or "", open_proposals=r.open_proposals or 0,
                            confirmed=r.confirmed or 0, file_name=r.file_name,
                            imported_at=r.imported_at)
            for r in rows}


@dataclass
class SourceData:
    """The source form and the viewer's header: metadata, integrity, and the text."""

    id: int
    version: int
    title: str = ""
    publisher: str = ""
    author: str = ""
    url: str = ""
    published: str = ""  # YYYY-MM-DD as typed
    language: str = ""
    reliability: str = ""
    file_name: str = ""
    media_type: str = ""
    size: int = 0
    sha256: str = ""
    status: str = ""
    imported_at: dt.datetime | None = None
    imported_by: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    text: str = ""

    EDITABLE = ("title", "publisher", "author", "url", "published", "language", "reliability")

    def edits(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.EDITABLE}


def load_source(session: Session, source_id: int, *, with_text: bool = True) -> SourceData:
    src = session.get(m.Source, source_id)
    if src is None:
        raise LookupError(f"Source {source_id} no longer exists.")
    return SourceData(
        id=src.id, version=src.version, title=src.title or "", publisher=src.publisher or "",
        author=src.author or "", url=src.url or "", published=date_text(src.published),
        language=src.language or "", reliability=src.reliability or "",
        file_name=src.file_name, media_type=src.media_type, size=src.size, sha256=src.sha256,
        status=src.status, imported_at=src.imported_at, imported_by=src.imported_by or "",
        meta=dict(src.meta or {}), text=(src.text or "") if with_text else "",
    )


def source_original(session: Session, source_id: int) -> tuple[str, bytes]:
    """The file name and the bytes exactly as imported."""
    row = session.execute(select(m.Source.file_name, m.Source.original)
                          .where(m.Source.id == source_id)).first()
    if row is None:
        raise LookupError(f"Source {source_id} no longer exists.")
    return row.file_name, row.original


def source_text(session: Session, source_id: int) -> str:
    return session.scalar(select(m.Source.text).where(m.Source.id == source_id)) or ""


def validate_source(data: SourceData) -> dict[str, str]:
    errors: dict[str, str] = {}
    check_date(errors, "published", data.published)
    if data.reliability and data.reliability not in m.RELIABILITY:
        errors["reliability"] = "Reliability is a letter from A (reliable) to F (cannot be judged)."
    url = data.url.strip()
    if url and "://" not in url:
        errors["url"] = "A URL starts with its scheme, e.g. https://"
    if data.language and data.language not in LANGUAGES:
        errors["language"] = f"Choose one of: {', '.join(LANGUAGES)}."
    return errors


def save_source(session: Session, data: SourceData) -> int:
    """Save the editable metadata if nobody changed the source since ``data.version``."""
    errors = validate_source(data)
    if errors:
        raise ValidationError(errors)
    errors = {}
    published = check_date(errors, "published", data.published)
    changes = {"title": data.title.strip() or None, "publisher": data.publisher.strip() or None,
               "author": data.author.strip() or None, "url": data.url.strip() or None,
               "published": published, "language": data.language or None,
               "reliability": data.reliability or None}
    apply_edit(session, m.Source, data.id, data.version, changes)
    session.flush()
    return data.id


def delete_source(session: Session, source_id: int) -> None:
    """Delete a source; its proposals, mentions and citations go with it (audited)."""
    # Undo re-inserts the row from what was loaded: load the bytes and text too.
    src = session.get(m.Source, source_id,
                      options=[undefer(m.Source.original), undefer(m.Source.text)])
    if src is None:
        return
    hanging = (obj for model in (m.Citation, m.Mention, m.Proposal)
               for obj in session.scalars(select(model).where(model.source_id == source_id)))
    records.delete_with(session, src, hanging)


def case_counts(session: Session) -> dict[str, int]:
    """What the status bar shows."""
    def count(model, *where) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    return {"sources": count(m.Source), "actors": count(m.Actor), "places": count(m.Place),
            "incidents": count(m.Incident),
            "proposals": count(m.Proposal, m.Proposal.status == "proposed")}
