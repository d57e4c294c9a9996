"""Records made from a passage the analyst selected in the document viewer.

Each one also marks the passage as a confirmed mention and cites it, so the
new record starts with its evidence.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..normalize import key
from .citations import add_citation
from .validation import ValidationError

TITLE_LIMIT = 200


def _passage(session: Session, source_id: int, start: int, end: int) -> str:
    text = session.scalar(select(m.Source.text).where(m.Source.id == source_id))
    if text is None:
        raise LookupError(f"Source {source_id} no longer exists.")
    if not (0 <= start < end <= len(text)):
        raise ValidationError({"selection": "Select some text of the document first."})
    passage = " ".join(text[start:end].split())
    if not passage:
        raise ValidationError({"selection": "The selection holds only spaces."})
    return passage


def _mention(session: Session, source_id: int, start: int, end: int, text: str,
             **target: int) -> None:
    target_type = next(k[:-3] for k in target)  # actor_id → actor
    session.add(m.Mention(source_id=source_id, start=start, end=end, text=text,
                          target_type=target_type, status="confirmed", **target))


def actor_from_span(session: Session, source_id: int, start: int, end: int,
                    kind: str = m.ActorKind.PERSON) -> int:
    name = _passage(session, source_id, start, end)
    actor = m.Actor(name=name, kind=kind)
    actor.aliases.append(m.Alias(text=name, key=key(name), kind=m.AliasKind.NAME,
                                 source_id=source_id, start=start, end=end))
    session.add(actor)
    session.flush()
    _mention(session, source_id, start, end, name, actor_id=actor.id)
    add_citation(session, "actor", actor.id, source_id, start, end)
    return actor.id


def actors_with_same_name(session: Session, actor_id: int) -> list[tuple[int, str]]:
    """Other actors whose name or an alias reads like this actor's name (normalised).

    Two people may share a name, so a new actor is still made; the analyst is told,
    and can merge or make it an alias instead.
    """
    actor = session.get(m.Actor, actor_id)
    if actor is None:
        return []
    wanted = key(actor.name)
    by_alias = select(m.Alias.actor_id).where(m.Alias.key == wanted,
                                              m.Alias.actor_id != actor_id)
    found = {aid for aid in session.scalars(by_alias) if aid}
    found |= {a.id for a in session.execute(select(m.Actor.id, m.Actor.name)
                                            .where(m.Actor.id != actor_id))
              if key(a.name) == wanted}
    return [(a.id, a.name) for a in session.scalars(
        select(m.Actor).where(m.Actor.id.in_(found)).order_by(m.Actor.id))]


def place_from_span(session: Session, source_id: int, start: int, end: int,
                    kind: str = m.PlaceKind.VILLAGE) -> int:
    name = _passage(session, source_id, start, end)
    place = m.Place(name=name, kind=kind)
    session.add(place)
    session.flush()
    _mention(session, source_id, start, end, name, place_id=place.id)
    add_citation(session, "place", place.id, source_id, start, end)
    return place.id


def incident_from_span(session: Session, source_id: int, start: int, end: int) -> int:
    passage = _passage(session, source_id, start, end)
    title = passage if len(passage) <= TITLE_LIMIT else passage[:TITLE_LIMIT - 1] + "…"
    published = session.scalar(select(m.Source.published).where(m.Source.id == source_id))
    incident = m.Incident(title=title, type="strategic_developments", subtype="other",
                          summary=passage, date_start=published,
                          precision=m.DatePrecision.DAY if published else
                          m.DatePrecision.APPROXIMATE)
    session.add(incident)
    session.flush()
    _mention(session, source_id, start, end, passage, incident_id=incident.id)
    add_citation(session, "incident", incident.id, source_id, start, end)
    return incident.id


CITABLE = {"actor": m.Actor, "place": m.Place, "incident": m.Incident}


def cite(session: Session, kind: str, record_id: int, source_id: int, start: int,
         end: int) -> int:
    """Cite the passage for a record (actor, place or incident)."""
    model = CITABLE.get(kind)
    if model is None or session.get(model, record_id) is None:
        raise ValidationError({"record": "Open an actor, place or incident to cite this for."})
    _passage(session, source_id, start, end)
    return add_citation(session, kind, record_id, source_id, start, end)
