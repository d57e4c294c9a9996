"""The data model of a case (BRIEF.md, "Data model").

Every editable record carries a ``version`` column used by SQLAlchemy's
optimistic locking: an UPDATE based on a stale version matches no row and is
refused (see ``casefile.db.locking``). Every change is recorded in
``AuditEntry`` by a flush hook (``casefile.db.audit``).
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    event,
    func,
)
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    declared_attr,
    deferred,
    mapped_column,
    relationship,
)

from ..normalize import key as _name_key

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Versioned:
    """Mixin for editable records: optimistic locking and timestamps."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


# --- vocabularies ----------------------------------------------------------


class ActorKind(enum.StrEnum):
    PERSON = "person"
    STATE_FORCE = "state_force"
    MILITIA = "militia"
    ARMED_GROUP = "armed_group"
    ORGANISATION = "organisation"
    INSTITUTION = "institution"


class AliasKind(enum.StrEnum):
    NAME = "name"
    KUNYA = "kunya"  # kunya or nickname
    SPELLING = "spelling"
    TRANSLITERATION = "transliteration"
    TRANSLATION = "translation"


class PlaceKind(enum.StrEnum):
    COUNTRY = "country"
    GOVERNORATE = "governorate"
    DISTRICT = "district"
    SUBDISTRICT = "subdistrict"
    TOWN = "town"
    VILLAGE = "village"
    AREA = "area"
    FACILITY = "facility"
    RIVER = "river"


class DatePrecision(enum.StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    APPROXIMATE = "approximate"


RELIABILITY = ("A", "B", "C", "D", "E", "F")  # Admiralty code: source reliability
CREDIBILITY = (1, 2, 3, 4, 5, 6)  # Admiralty code: information credibility


# --- tags -----------------------------------------------------------------

actor_tags = Table(
    "actor_tags",
    Base.metadata,
    Column("actor_id", ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)
incident_tags = Table(
    "incident_tags",
    Base.metadata,
    Column("incident_id", ForeignKey("incidents.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)
source_tags = Table(
    "source_tags",
    Base.metadata,
    Column("source_id", ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


# --- sources ---------------------------------------------------------------


class Source(Versioned, Base):
    """A report kept byte-for-byte with its hash and its extracted text."""

    __tablename__ = "sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    file_name: Mapped[str] = mapped_column(String(1000))
    media_type: Mapped[str] = mapped_column(String(200))
    size: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(String(500))
    author: Mapped[str | None] = mapped_column(String(500))
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = deferred(mapped_column(Text, default=""))
    text_key: Mapped[str | None] = mapped_column(String(64), index=True)  # hash of normalised text
    status: Mapped[str] = mapped_column(String(40), default="ok")
    reliability: Mapped[str | None] = mapped_column(String(1))
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"))
    near_duplicate_of_id: Mapped[int | None] = mapped_column(
        ForeignKey("sources.id", ondelete="SET NULL")
    )
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    imported_by: Mapped[str | None] = mapped_column(String(200))

    tags: Mapped[list[Tag]] = relationship(secondary=source_tags)
    __table_args__ = (
        CheckConstraint("reliability IS NULL OR reliability IN ('A','B','C','D','E','F')",
                        name="reliability"),
    )


class SourcePage(Base):
    """How one page of a source was read: its text layer or OCR, with OCR's word boxes.

    ``start``/``end`` are offsets of the page's text in ``Source.text``; each word is
    ``[start, end, left, top, width, height, confidence]`` with the box in pixels of
    the image OCR read (``image_width`` × ``image_height``, rendered at ``dpi`` for a
    PDF page), so the viewer can box a passage's words on the page image. Written
    once at import, never edited.
    """

    __tablename__ = "source_pages"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"),
                                           index=True)
    number: Mapped[int] = mapped_column(Integer)  # 1-based
    route: Mapped[str] = mapped_column(String(20))  # "text" | "ocr" | "none"
    confidence: Mapped[float | None] = mapped_column(Float)  # mean word confidence, 0-100
    start: Mapped[int] = mapped_column(Integer, default=0)
    end: Mapped[int] = mapped_column(Integer, default=0)
    image_width: Mapped[int | None] = mapped_column(Integer)
    image_height: Mapped[int | None] = mapped_column(Integer)
    dpi: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)  # why a page has no text, or was OCR'd
    words: Mapped[list[Any]] = mapped_column(JSON, default=list, deferred=True)
    __table_args__ = (UniqueConstraint("source_id", "number", name="page"),)


# --- actors and places -------------------------------------------------------


class Actor(Versioned, Base):
    __tablename__ = "actors"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), default=ActorKind.PERSON)
    name: Mapped[str] = mapped_column(String(500))  # primary name, Arabic
    name_key: Mapped[str] = mapped_column(String(500), index=True, default="",
                                          server_default="")  # set with name
    name_latin: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str | None] = mapped_column(Text)

    aliases: Mapped[list[Alias]] = relationship(
        back_populates="actor", cascade="all, delete-orphan", order_by="Alias.id"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=actor_tags)
    involvements: Mapped[list[Involvement]] = relationship(
        back_populates="actor", cascade="all, delete-orphan"
    )


class Place(Versioned, Base):
    __tablename__ = "places"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    name_key: Mapped[str] = mapped_column(String(500), index=True, default="",
                                          server_default="")  # set with name
    name_latin: Mapped[str | None] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(40), default=PlaceKind.VILLAGE)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="SET NULL"))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    notes: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Place | None] = relationship(remote_side="Place.id")
    aliases: Mapped[list[Alias]] = relationship(
        back_populates="place", cascade="all, delete-orphan", order_by="Alias.id"
    )
    __table_args__ = (
        CheckConstraint("latitude IS NULL OR (latitude BETWEEN -90 AND 90)", name="latitude"),
        CheckConstraint("longitude IS NULL OR (longitude BETWEEN -180 AND 180)", name="longitude"),
    )


@event.listens_for(Actor.name, "set")
@event.listens_for(Place.name, "set")
def _keep_name_key(target: Actor | Place, value: str | None, _old: Any, _initiator: Any) -> None:
    # The indexed key accepting and merging look names up by (casefile.normalize.key).
    target.name_key = _name_key(value or "")


class Alias(Versioned, Base):
    """Another name of an actor or a place, with where it was seen."""

    __tablename__ = "aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"),
                                                 index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"),
                                                 index=True)
    text: Mapped[str] = mapped_column(String(500))
    key: Mapped[str] = mapped_column(String(500), index=True)  # casefile.normalize.key(text)
    kind: Mapped[str] = mapped_column(String(40), default=AliasKind.NAME)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="SET NULL"))
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)

    actor: Mapped[Actor | None] = relationship(back_populates="aliases")
    place: Mapped[Place | None] = relationship(back_populates="aliases")
    __table_args__ = (
        CheckConstraint("(actor_id IS NULL) != (place_id IS NULL)", name="one_owner"),
    )


# --- incidents -------------------------------------------------------------


class Incident(Versioned, Base):
    __tablename__ = "incidents"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(1000))
    type: Mapped[str] = mapped_column(String(80))
    subtype: Mapped[str | None] = mapped_column(String(80))
    date_start: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(20), default=DatePrecision.DAY)
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("places.id", ondelete="SET NULL"), index=True
    )
    summary: Mapped[str | None] = mapped_column(Text)
    credibility: Mapped[int | None] = mapped_column(Integer)

    place: Mapped[Place | None] = relationship()
    involvements: Mapped[list[Involvement]] = relationship(
        back_populates="incident", cascade="all, delete-orphan"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=incident_tags)
    __table_args__ = (
        CheckConstraint("credibility IS NULL OR credibility BETWEEN 1 AND 6", name="credibility"),
        CheckConstraint("date_end IS NULL OR date_start IS NULL OR date_end >= date_start",
                        name="date_order"),
    )


class Involvement(Versioned, Base):
    __tablename__ = "involvements"
    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"),
                                             index=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(40), default="participant")

    incident: Mapped[Incident] = relationship(back_populates="involvements")
    actor: Mapped[Actor] = relationship(back_populates="involvements")
    __table_args__ = (UniqueConstraint("incident_id", "actor_id", "role", name="once"),)


class Relation(Versioned, Base):
    """Actor → actor (member of, backed by, rival of...) or actor → place (offices, presence)."""

    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(String(200))  # office title, e.g. «مختار»
    subject_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"),
                                            index=True)
    object_actor_id: Mapped[int | None] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), index=True
    )
    object_place_id: Mapped[int | None] = mapped_column(
        ForeignKey("places.id", ondelete="CASCADE"), index=True
    )
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    precision: Mapped[str | None] = mapped_column(String(20))
    notes: Mapped[str | None] = mapped_column(Text)

    subject: Mapped[Actor] = relationship(foreign_keys=[subject_id])
    object_actor: Mapped[Actor | None] = relationship(foreign_keys=[object_actor_id])
    object_place: Mapped[Place | None] = relationship(foreign_keys=[object_place_id])
    __table_args__ = (
        CheckConstraint("object_actor_id IS NOT NULL OR object_place_id IS NOT NULL",
                        name="has_object"),
    )


# --- provenance --------------------------------------------------------------


class Proposal(Versioned, Base):
    """Something extraction proposes from a source span, awaiting the analyst.

    ``kind`` is PERSON, GROUP, PLACE, DATE, relation or incident; ``payload``
    holds what extraction said (canonical name, Latin name, matched alias,
    date value, roles...). ``status`` is proposed, accepted, merged, rejected
    or edited; ``target_type``/``target_id`` name the record it became.
    """

    __tablename__ = "proposals"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"),
                                           index=True)
    kind: Mapped[str] = mapped_column(String(20))
    subkind: Mapped[str | None] = mapped_column(String(80))
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    status: Mapped[str] = mapped_column(String(20), default="proposed", index=True)
    target_type: Mapped[str | None] = mapped_column(String(20))
    target_id: Mapped[int | None] = mapped_column(Integer)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str | None] = mapped_column(String(200))

    source: Mapped[Source] = relationship()


class Mention(Versioned, Base):
    """A span of a source's text pointing at an actor, place, date or incident."""

    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"),
                                           index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    target_type: Mapped[str] = mapped_column(String(20))  # actor, place, date, incident
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"),
                                                 index=True)
    place_id: Mapped[int | None] = mapped_column(ForeignKey("places.id", ondelete="CASCADE"),
                                                 index=True)
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposals.id", ondelete="SET NULL")
    )
    status: Mapped[str] = mapped_column(String(20), default="proposed")  # or confirmed
    __table_args__ = (CheckConstraint('"end" > start', name="span"),)


class Citation(Versioned, Base):
    """A fact (actor, alias, relation, incident, involvement, place) supported by a span."""

    __tablename__ = "citations"
    id: Mapped[int] = mapped_column(primary_key=True)
    fact_type: Mapped[str] = mapped_column(String(20))
    fact_id: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"),
                                           index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    reliability: Mapped[str | None] = mapped_column(String(1))
    credibility: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)

    source: Mapped[Source] = relationship()
    __table_args__ = (
        Index("ix_citations_fact", "fact_type", "fact_id"),
        CheckConstraint("reliability IS NULL OR reliability IN ('A','B','C','D','E','F')",
                        name="reliability"),
        CheckConstraint("credibility IS NULL OR credibility BETWEEN 1 AND 6", name="credibility"),
        CheckConstraint('"end" > start', name="span"),
    )


class Note(Versioned, Base):
    __tablename__ = "notes"
    id: Mapped[int] = mapped_column(primary_key=True)
    target_type: Mapped[str] = mapped_column(String(20))
    target_id: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(200))
    __table_args__ = (Index("ix_notes_target", "target_type", "target_id"),)


class StopName(Versioned, Base):
    """A name the analyst said is not an entity (per type): extraction no longer proposes it."""

    __tablename__ = "stop_names"
    id: Mapped[int] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(20))  # PERSON, GROUP, PLACE
    key: Mapped[str] = mapped_column(String(500))  # casefile.normalize.key(text)
    name: Mapped[str] = mapped_column(String(500))  # as the analyst saw it
    added_by: Mapped[str | None] = mapped_column(String(200))
    __table_args__ = (UniqueConstraint("type", "key", name="uq_stop_names_type_key"),)


class AuditEntry(Base):
    """Append-only: who changed what, when, with the values before and after.

    Hash-chained (``casefile.db.chain``): ``prev_hash`` is the previous entry's
    ``hash``; ids are given by the application, each the last one plus one.
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, server_default=func.now())
    user: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(20))  # insert, update, delete
    table: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Nullable only because SQLite cannot add a NOT NULL column; a trigger refuses NULL.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))
    __table_args__ = (Index("ix_audit_record", "table", "record_id"),)


class CaseInfo(Base):
    """Key/value facts about the case itself (name, created, created by)."""

    __tablename__ = "case_info"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


VERSIONED_MODELS: tuple[type[Versioned], ...] = (
    Source, Actor, Place, Alias, Incident, Involvement, Relation,
    Proposal, Mention, Citation, Note, StopName,
)
