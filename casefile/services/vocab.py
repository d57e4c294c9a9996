"""Choices the forms offer, with English labels (the UI translates them).

The keys and labels come from ``casefile.vocabulary``, the one table extraction, forms,
exports and the interface share.
"""

from __future__ import annotations

from .. import vocabulary as terms
from ..db.models import ActorKind, AliasKind, DatePrecision, PlaceKind

ACTOR_KINDS = {ActorKind(k): t.en for k, t in terms.ACTOR_KINDS.items()}
ALIAS_KINDS = {AliasKind(k): t.en for k, t in terms.ALIAS_KINDS.items()}
PLACE_KINDS = {PlaceKind(k): t.en for k, t in terms.PLACE_KINDS.items()}
PRECISIONS = {DatePrecision(k): t.en for k, t in terms.PRECISIONS.items()}
# Actor → actor or actor → place; "present_in" (places of activity) has its own table,
# "alias" becomes an alias row and "shared_incident" is only drawn by the graph.
PRESENT_IN = "present_in"
RELATION_TYPES = {k: t.en for k, t in terms.RELATION_TYPES.items()
                  if k not in (PRESENT_IN, "alias", "shared_incident")}
ROLES = terms.english(terms.ROLES)
# ACLED event types and sub-types, with the strategic-development sub-types the
# extraction proposes (checkpoint set up, arrest, visit or meeting, statement...).
INCIDENT_TYPES: dict[str, tuple[str, dict[str, str]]] = {
    key: (term.en, terms.english(terms.SUBTYPES_BY_TYPE[key]))
    for key, term in terms.INCIDENT_TYPES.items()
}


def subtypes_of(incident_type: str) -> dict[str, str]:
    return INCIDENT_TYPES.get(incident_type, ("", {}))[1]
