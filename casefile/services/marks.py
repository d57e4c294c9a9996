"""What the document viewer highlights: confirmed mentions and open proposals of a source."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m

MARK_TYPES = ("person", "group", "place", "date", "incident")

_PROPOSAL_TYPES = {"PERSON": "person", "GROUP": "group", "PLACE": "place", "DATE": "date",
                   "incident": "incident", "INCIDENT": "incident"}


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    type: str  # one of MARK_TYPES
    status: str  # "confirmed" or "proposed"
    label: str  # what the mark names: dossier name, canonical proposal, date value
    ref_kind: str  # what a click opens: "actor", "place", "incident", "proposal", ""
    ref_id: int | None
    confidence: float | None = None
    matched_alias: str | None = None

    def describe(self) -> str:
        """The hover text."""
        kind = self.type.capitalize()
        if self.status == "confirmed":
            return f"{kind} (confirmed): {self.label}"
        text = f"Proposed {self.type}: {self.label}"
        if self.confidence is not None:
            text += f" — {round(self.confidence * 100)}% sure"
        if self.matched_alias:
            text += f"; matched alias «{self.matched_alias}»"
        return text


def proposal_mark_type(kind: str) -> str | None:
    return _PROPOSAL_TYPES.get(kind)


def marks_for_source(session: Session, source_id: int) -> list[Mark]:
    """Confirmed and proposed marks, by start; a proposal already confirmed shows once."""
    marks: list[Mark] = []
    decided: set[int] = set()
    mentions = session.execute(
        select(m.Mention, m.Actor.kind, m.Actor.name, m.Place.name, m.Incident.title)
        .outerjoin(m.Actor, m.Actor.id == m.Mention.actor_id)
        .outerjoin(m.Place, m.Place.id == m.Mention.place_id)
        .outerjoin(m.Incident, m.Incident.id == m.Mention.incident_id)
        .where(m.Mention.source_id == source_id))
    for mention, actor_kind, actor_name, place_name, incident_title in mentions:
        if mention.proposal_id:
            decided.add(mention.proposal_id)
        if mention.actor_id:
            type_ = "person" if actor_kind == m.ActorKind.PERSON else "group"
            ref = ("actor", mention.actor_id, actor_name)
        elif mention.place_id:
            type_, ref = "place", ("place", mention.place_id, place_name)
        elif mention.incident_id:
            type_, ref = "incident", ("incident", mention.incident_id, incident_title)
        else:
            type_, ref = "date", ("", None, mention.text)
        marks.append(Mark(mention.start, mention.end, type_, mention.status or "proposed",
                          ref[2] or mention.text, ref[0], ref[1]))
    proposals = session.scalars(select(m.Proposal).where(m.Proposal.source_id == source_id,
                                                         m.Proposal.status == "proposed"))
    for p in proposals:
        type_ = proposal_mark_type(p.kind)
        if type_ is None or p.id in decided or p.end <= p.start:
            continue
        payload = p.payload or {}
        marks.append(Mark(p.start, p.end, type_, "proposed",
                          payload.get("canonical") or payload.get("title") or p.text,
                          "proposal", p.id, p.confidence, payload.get("matched_alias")))
    marks.sort(key=lambda k: (k.start, -k.end))
    return marks
