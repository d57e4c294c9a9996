"""Records a group could link to, best first, each with the name or alias that matched (why)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..services.choices import Candidate, rank_actors, rank_places
from .groups import Group


def link_candidates(session: Session, group: Group, limit: int = 10) -> list[Candidate]:
    names = [n for n in dict.fromkeys((group.name, group.matched_alias)) if n]
    best: dict[int, Candidate] = {}
    for name in names:
        if group.type == "PLACE":
            found = rank_places(session, name, limit=limit, minimum=0)
        else:
            hint = "person" if group.type == "PERSON" else None
            found = rank_actors(session, name, limit=limit, minimum=0, kind_hint=hint)
        for cand in found:
            if cand.id not in best or cand.score > best[cand.id].score:
                best[cand.id] = cand
    return sorted(best.values(), key=lambda c: (-c.score, c.label))[:limit]
