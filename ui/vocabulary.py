"""Display names and colours for the case's vocabularies (incident types, actor kinds,
relation types, date precision), translated through Qt like every other UI string.

The stored values are stable English keys; what the analyst reads comes from here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

CONTEXT = "Vocabulary"

INCIDENT_TYPES = {
    "battle": QT_TRANSLATE_NOOP("Vocabulary", "Battle"),
    "explosion_remote_violence": QT_TRANSLATE_NOOP("Vocabulary", "Explosion / remote violence"),
    "violence_against_civilians": QT_TRANSLATE_NOOP("Vocabulary", "Violence against civilians"),
    "protest": QT_TRANSLATE_NOOP("Vocabulary", "Protest"),
    "riot": QT_TRANSLATE_NOOP("Vocabulary", "Riot"),
    "strategic_development": QT_TRANSLATE_NOOP("Vocabulary", "Strategic development"),
}
SUBTYPES = {
    "checkpoint": QT_TRANSLATE_NOOP("Vocabulary", "Checkpoint set up"),
    "arrest": QT_TRANSLATE_NOOP("Vocabulary", "Arrest"),
    "visit": QT_TRANSLATE_NOOP("Vocabulary", "Visit or meeting"),
    "meeting": QT_TRANSLATE_NOOP("Vocabulary", "Meeting"),
    "statement": QT_TRANSLATE_NOOP("Vocabulary", "Statement"),
    "verbal_altercation": QT_TRANSLATE_NOOP("Vocabulary", "Verbal altercation"),
    "air_strike": QT_TRANSLATE_NOOP("Vocabulary", "Air strike"),
}
ACTOR_KINDS = {
    "person": QT_TRANSLATE_NOOP("Vocabulary", "Person"),
    "state_force": QT_TRANSLATE_NOOP("Vocabulary", "State force"),
    "militia": QT_TRANSLATE_NOOP("Vocabulary", "Militia"),
    "armed_group": QT_TRANSLATE_NOOP("Vocabulary", "Armed group"),
    "organisation": QT_TRANSLATE_NOOP("Vocabulary", "Organisation"),
    "institution": QT_TRANSLATE_NOOP("Vocabulary", "Institution"),
}
RELATION_TYPES = {
    "shared_incident": QT_TRANSLATE_NOOP("Vocabulary", "Shared incidents"),
    "member_of": QT_TRANSLATE_NOOP("Vocabulary", "Member of"),
    "commands": QT_TRANSLATE_NOOP("Vocabulary", "Commands"),
    "affiliated_with": QT_TRANSLATE_NOOP("Vocabulary", "Affiliated with"),
    "backed_by": QT_TRANSLATE_NOOP("Vocabulary", "Backed by"),
    "allied_with": QT_TRANSLATE_NOOP("Vocabulary", "Allied with"),
    "rival_of": QT_TRANSLATE_NOOP("Vocabulary", "Rival of"),
    "holds_office": QT_TRANSLATE_NOOP("Vocabulary", "Holds office"),
}
PRECISIONS = {
    "day": QT_TRANSLATE_NOOP("Vocabulary", "Day"),
    "month": QT_TRANSLATE_NOOP("Vocabulary", "Month"),
    "year": QT_TRANSLATE_NOOP("Vocabulary", "Year"),
    "approximate": QT_TRANSLATE_NOOP("Vocabulary", "Approximate"),
}
PLACE_KINDS = {
    "country": QT_TRANSLATE_NOOP("Vocabulary", "Country"),
    "governorate": QT_TRANSLATE_NOOP("Vocabulary", "Governorate"),
    "district": QT_TRANSLATE_NOOP("Vocabulary", "District"),
    "town": QT_TRANSLATE_NOOP("Vocabulary", "Town"),
    "village": QT_TRANSLATE_NOOP("Vocabulary", "Village"),
    "area": QT_TRANSLATE_NOOP("Vocabulary", "Area"),
    "facility": QT_TRANSLATE_NOOP("Vocabulary", "Facility"),
    "river": QT_TRANSLATE_NOOP("Vocabulary", "River"),
}
OTHER = QT_TRANSLATE_NOOP("Vocabulary", "Other")

# Colour-blind-safe qualitative palette (Okabe–Ito) for types and kinds.
TYPE_COLOURS = {
    "battle": "#D55E00", "explosion_remote_violence": "#CC79A7",
    "violence_against_civilians": "#E69F00", "protest": "#009E73", "riot": "#56B4E9",
    "strategic_development": "#0072B2",
}
KIND_COLOURS = {
    "person": "#0072B2", "state_force": "#D55E00", "militia": "#CC79A7",
    "armed_group": "#E69F00", "organisation": "#009E73", "institution": "#56B4E9",
}
FALLBACK = ["#999999", "#F0E442", "#7f7f7f", "#bcbd22", "#17becf", "#8c564b"]


def _label(table: dict[str, str], key: str | None) -> str:
    if not key:
        return ""
    if key in table:
        return QCoreApplication.translate(CONTEXT, table[key])
    if key == "other":
        return QCoreApplication.translate(CONTEXT, OTHER)
    return key.replace("_", " ").capitalize()  # a value typed in by an analyst


def incident_type(key: str | None) -> str:
    return _label(INCIDENT_TYPES, key)


def subtype(key: str | None) -> str:
    return _label(SUBTYPES, key)


def actor_kind(key: str | None) -> str:
    return _label(ACTOR_KINDS, key)


def relation_type(key: str | None) -> str:
    return _label(RELATION_TYPES, key)


def precision(key: str | None) -> str:
    return _label(PRECISIONS, key)


def place_kind(key: str | None) -> str:
    return _label(PLACE_KINDS, key)


def other() -> str:
    return QCoreApplication.translate(CONTEXT, OTHER)


def _colour(table: dict[str, str], key: str | None) -> QColor:
    if key in table:
        return QColor(table[key])
    return QColor(FALLBACK[sum(map(ord, key or "")) % len(FALLBACK)])


def type_colour(key: str | None) -> QColor:
    return _colour(TYPE_COLOURS, key)


def kind_colour(key: str | None) -> QColor:
    return _colour(KIND_COLOURS, key)
