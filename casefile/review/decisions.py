"""The analyst's decisions on extraction proposals: accept, edit, merge_into, reject.

Entity and incident decisions go through ``casefile.review.confirm`` (the thin decisions:
actor/place/alias, confirmed mention, citation) and are completed here with what
extraction knows: the Latin name as an alias, kunya/nickname alias kinds, gazetteer
coordinates, an incident's place, date range and involvements, and relations (offices with
their title, affiliations, presence, rivalry; an alias relation becomes an alias). Every write
goes through the ORM, so the audit log records it. Services take a Session and do not commit.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..normalize import key
from ..services.citations import add_citation
from ..services.validation import ValidationError
from ..vocabulary import SUBTYPES, arabic
from . import confirm

ENTITY_ORDER = ("PLACE", "GROUP", "PERSON", "DATE")
_ALIAS_KINDS = {"kunya": m.AliasKind.KUNYA, "nickname": m.AliasKind.KUNYA}
_SUBTYPES_AR = arabic(SUBTYPES)


def _proposal(session: Session, proposal_id: int) -> m.Proposal:
    p = session.get(m.Proposal, proposal_id)
    if p is None:
        raise LookupError(f"Proposal {proposal_id} no longer exists.")
    return p


def _add_alias(
    owner: m.Actor | m.Place, text: str | None, kind: str, p: m.Proposal | None = None
) -> None:
    text = " ".join((text or "").split())
    k = key(text)
    if not k or k in {key(owner.name), *(a.key for a in owner.aliases)}:
        return
    alias = m.Alias(text=text, key=k, kind=kind)
    if p is not None:
        alias.source_id, alias.start, alias.end = p.source_id, p.start, p.end
    owner.aliases.append(alias)


def _complete_entity(session: Session, p: m.Proposal, target: tuple[str, int] | None) -> None:
    payload = p.payload or {}
    if target is None:
        return
    gaz = payload.get("gazetteer") or {}
    if target[0] == "actor":
        actor = session.get(m.Actor, target[1])
        latin = payload.get("latin")
        if latin and not actor.name_latin:
            actor.name_latin = latin
        _add_alias(actor, actor.name_latin, m.AliasKind.TRANSLITERATION)
        for name in gaz.get("aliases", []):
            _add_alias(actor, name, m.AliasKind.TRANSLATION)
        kind = _ALIAS_KINDS.get(p.subkind or "")
        if kind:
            for alias in actor.aliases:
                if alias.key == key(p.text) and alias.kind == m.AliasKind.NAME:
                    alias.kind = kind
    elif target[0] == "place":
        place = session.get(m.Place, target[1])
        if place.latitude is None and gaz.get("lat") is not None:
            place.latitude, place.longitude = gaz["lat"], gaz["lon"]
        if not place.name_latin and (gaz.get("latin") or payload.get("latin")):
            place.name_latin = gaz.get("latin") or payload.get("latin")
        _add_alias(place, place.name_latin, m.AliasKind.TRANSLITERATION)
        _place_ancestors(session, place, gaz.get("parents") or [])
    session.flush()


def _place_ancestors(session: Session, place: m.Place, parents: list[dict[str, Any]]) -> None:
    """Give a gazetteer place its subdistrict, district, governorate and country (found by
    name and kind in the case, else created), so exports fill ACLED's admin columns."""
    child = place
    for info in parents:
        if child.parent_id is not None or not info.get("name"):
            return  # the analyst (or an earlier accept) already placed it
        kind = info.get("kind") if info.get("kind") in set(m.PlaceKind) else m.PlaceKind.AREA
        found = session.scalar(
            select(m.Place).where(m.Place.name == info["name"], m.Place.kind == kind).limit(1)
        )
        if found is None or found.id == child.id:
            found = m.Place(name=info["name"], kind=kind, name_latin=info.get("latin") or None,
                            latitude=info.get("lat"), longitude=info.get("lon"))
            session.add(found)
            session.flush()
        child.parent_id = found.id
        child = found


def accept(
    session: Session,
    proposal_id: int,
    *,
    name: str | None = None,
    kind: str | None = None,
    latin: str | None = None,
) -> tuple[str, int] | None:
    """Accept a proposal (with overrides: edit and accept); returns the record it became."""
    p = _proposal(session, proposal_id)
    if p.kind == "relation":
        return _accept_relation(session, p)
    if p.kind == "incident":
        return _accept_incident(session, p, title=name)
    if name is None and p.kind in ("PERSON", "GROUP", "PLACE") and p.status == "proposed":
        _link_existing(session, p)
    target = confirm.accept(session, proposal_id, name=name, kind=kind, latin=latin)
    _complete_entity(session, p, target)
    return target


def _link_existing(session: Session, p: m.Proposal) -> None:
    """Point the proposal at the record that already bears its name, so a second mention of
    «خشام» joins the first instead of making a twin (the desk's lookup reads aliases only)."""
    payload = dict(p.payload or {})
    ref = payload.get("ref")
    if isinstance(ref, list) and ref and ref[0] in ("actor", "place"):
        return
    end = {"type": p.kind, "canonical": payload.get("canonical"), "name": p.text}
    found = _resolve(session, end, accept_pending=False)
    if found is not None:
        payload["ref"] = list(found)
        p.payload = payload
        session.flush()


def edit(session: Session, proposal_id: int, **changes: Any) -> tuple[str, int] | None:
    """Accept with the analyst's corrections (name, kind, latin)."""
    return accept(session, proposal_id, **changes)


def merge_into(session: Session, proposal_id: int, actor_id: int) -> tuple[str, int]:
    """The proposed name is an existing actor: alias, confirmed mention and citation."""
    p = _proposal(session, proposal_id)
    target = confirm.merge(session, proposal_id, actor_id)
    kind = _ALIAS_KINDS.get(p.subkind or "")
    if kind:
        actor = session.get(m.Actor, actor_id)
        for alias in actor.aliases:
            if alias.key == key(p.text):
                alias.kind = kind
        session.flush()
    return target


def reject(session: Session, proposal_id: int) -> None:
    confirm.reject(session, proposal_id)


# --- relations and incidents ---------------------------------------------------------
def _resolve(
    session: Session, end: dict[str, Any] | None, *, accept_pending: bool
) -> tuple[str, int] | None:
    """The actor or place an endpoint names: its accepted proposal, a case link, or its name."""
    if not end:
        return None
    pid = end.get("proposal_id")
    if pid:
        ep = session.get(m.Proposal, pid)
        if ep is not None and ep.target_type and ep.target_id:
            return (ep.target_type, ep.target_id)
        if ep is not None and ep.status == "proposed" and accept_pending:
            return accept(session, ep.id)
        if ep is not None and ep.status == "rejected":
            return None
    ref = end.get("ref")
    if isinstance(ref, list) and len(ref) == 2 and ref[0] in ("actor", "place"):
        return (ref[0], int(ref[1]))
    is_place = end.get("type") == "PLACE"
    column = m.Alias.place_id if is_place else m.Alias.actor_id
    model = m.Place if is_place else m.Actor
    kind = "place" if is_place else "actor"
    for name in filter(None, [end.get("canonical"), end.get("name")]):
        # Indexed lookups: an alias's key, then the record's own name key (same name, other
        # spelling of hamza, ta marbuta or spaces).
        k = key(name)
        found = session.scalar(
            select(column).where(m.Alias.key == k, column.is_not(None)).limit(1)
        ) or session.scalar(select(model.id).where(model.name_key == k).order_by(model.id).limit(1))
        if found:
            return (kind, found)
    return None


def _decide(session: Session, p: m.Proposal, target: tuple[str, int] | None) -> None:
    p.status = "accepted"
    p.target_type, p.target_id = target if target else (None, None)
    p.decided_at = m.utcnow()
    p.decided_by = session.info.get("user")
    session.flush()


def _open(p: m.Proposal) -> None:
    if p.status != "proposed":
        raise ValidationError({"proposal": f"«{p.text}» was already {p.status}."})


def _accept_relation(
    session: Session, p: m.Proposal, accept_pending: bool = True
) -> tuple[str, int] | None:
    _open(p)
    payload = p.payload or {}
    subject = _resolve(session, payload.get("source"), accept_pending=accept_pending)
    obj = _resolve(session, payload.get("target"), accept_pending=accept_pending)
    if subject is None or subject[0] != "actor" or obj is None:
        raise ValidationError({"relation": "Accept or merge both names of this relation first."})
    if payload.get("type") == "alias":
        # «X الملقب بـ Y»: one actor, two names.
        actor = session.get(m.Actor, subject[1])
        target_end = payload.get("target") or {}
        _add_alias(actor, target_end.get("name"), m.AliasKind.KUNYA, p)
        session.flush()
        add_citation(session, "actor", actor.id, p.source_id, p.start, p.end)
        _decide(session, p, ("actor", actor.id))
        return ("actor", actor.id)
    rel = m.Relation(
        type=payload.get("type") or p.subkind or "affiliated_with",
        title=payload.get("title"),
        subject_id=subject[1],
    )
    if obj[0] == "actor":
        rel.object_actor_id = obj[1]
    else:
        rel.object_place_id = obj[1]
    session.add(rel)
    session.flush()
    add_citation(session, "relation", rel.id, p.source_id, p.start, p.end)
    _decide(session, p, ("relation", rel.id))
    return ("relation", rel.id)


def _set_parent(session: Session, place_id: int, within: Any, accept_pending: bool) -> None:
    """«دوما في الغوطة الشرقية»: the wider place becomes the parent of a place that has none."""
    if not isinstance(within, dict):
        return
    parent = _resolve(session, within, accept_pending=accept_pending)
    place = session.get(m.Place, place_id)
    if parent and parent[0] == "place" and parent[1] != place_id and place.parent_id is None:
        place.parent_id = parent[1]


def _date_end(value: str | None, precision: str | None) -> dt.date | None:
    if not value:
        return None
    parts = [int(x) for x in value.split("-")]
    if precision == "month" and len(parts) >= 2:
        return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    if precision == "year":
        return dt.date(parts[0], 12, 31)
    return None


def _accept_incident(
    session: Session, p: m.Proposal, title: str | None = None, accept_pending: bool = True
) -> tuple[str, int] | None:
    _open(p)
    payload = dict(p.payload or {})
    payload.setdefault("summary", p.text)
    p.payload = payload
    target = confirm.accept(session, p.id, name=title)
    if target is None:
        return None
    incident = session.get(m.Incident, target[1])
    date = payload.get("date") or {}
    if isinstance(date, dict):
        end = (dt.date.fromisoformat(date["end"]) if date.get("end")  # a season, a decade
               else _date_end(date.get("value"), date.get("precision")))
        if end and incident.date_start and end >= incident.date_start:
            incident.date_end = end
    place = _resolve(session, payload.get("place"), accept_pending=accept_pending)
    if place and place[0] == "place":
        incident.place_id = place[1]
        _set_parent(session, place[1], payload.get("within"), accept_pending)
    seen: set[tuple[int, str]] = set()
    for actor in payload.get("actors") or []:
        resolved = _resolve(session, actor, accept_pending=accept_pending)
        role = actor.get("role") or "participant"
        if not resolved or resolved[0] != "actor" or (resolved[1], role) in seen:
            continue
        seen.add((resolved[1], role))
        inv = m.Involvement(incident_id=incident.id, actor_id=resolved[1], role=role)
        session.add(inv)
        session.flush()
        add_citation(session, "involvement", inv.id, p.source_id, p.start, p.end)
    if not incident.title or incident.title == payload.get("summary", "")[:200]:
        incident.title = _title(session, incident, payload)
    session.flush()
    return target


def _title(session: Session, incident: m.Incident, payload: dict[str, Any]) -> str:
    """A short timeline title: sub-type, the first actors and the place."""
    names = [a.get("name") for a in payload.get("actors") or [] if a.get("name")]
    who = "، ".join(dict.fromkeys(names[:2]))
    where = (payload.get("place") or {}).get("canonical") if payload.get("place") else None
    code = payload.get("subtype") or incident.subtype or ""
    sub = _SUBTYPES_AR.get(code, code.replace("_", " "))  # the label exports use
    return (
        " — ".join(x for x in (sub, who, where) if x)[:200] or (payload.get("summary") or "")[:200]
    )


def accept_confident(
    session: Session,
    source_ids: Iterable[int] | None = None,
    *,
    entity_threshold: float = 0.8,
    fact_threshold: float = 0.7,
) -> dict[str, int]:
    """Bulk-accept the way an analyst would: sure names first, then facts that rest on them.

    Accepting a relation or an incident confirms the names it involves (its endpoint and actor
    proposals), as an analyst confirming «X visited Y» confirms X and Y.
    """
    stmt = select(m.Proposal).where(m.Proposal.status == "proposed")
    if source_ids is not None:
        stmt = stmt.where(m.Proposal.source_id.in_(list(source_ids)))
    props = list(
        session.scalars(stmt.order_by(m.Proposal.source_id, m.Proposal.start, m.Proposal.id))
    )
    done: dict[str, int] = {}
    order = {k: i for i, k in enumerate((*ENTITY_ORDER, "relation", "incident"))}
    for p in sorted(props, key=lambda p: (order.get(p.kind, 9), p.source_id, p.start)):
        if p.status != "proposed":
            continue  # accepted meanwhile as an endpoint of a relation or incident
        threshold = entity_threshold if p.kind in ENTITY_ORDER else fact_threshold
        if p.confidence < threshold:
            continue
        try:
            with session.begin_nested():
                accept(session, p.id)
        except (ValidationError, LookupError, ValueError):
            continue
        done[p.kind] = done.get(p.kind, 0) + 1
    return done
