"""Display names and colours for the case's vocabularies (incident types, actor kinds,
relation types, date precision), translated through Qt like every other UI string.

The stored values are stable English keys; what the analyst reads comes from here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from casefile import vocabulary as terms

CONTEXT = "Vocabulary"  # ui.core.i18n translates this context from casefile.vocabulary

# key → English label; the Arabic comes from the same domain table through the translator.
INCIDENT_TYPES = terms.english(terms.INCIDENT_TYPES)
SUBTYPES = terms.english(terms.SUBTYPES)
ROLES = terms.english(terms.ROLES)
ACTOR_KINDS = terms.english(terms.ACTOR_KINDS)
ALIAS_KINDS = terms.english(terms.ALIAS_KINDS)
RELATION_TYPES = terms.english(terms.RELATION_TYPES)
PRECISIONS = terms.english(terms.PRECISIONS)
PLACE_KINDS = terms.english(terms.PLACE_KINDS)
OTHER = terms.OTHER.en

# Colour-blind-safe qualitative palette (Okabe–Ito) for types and kinds.
TYPE_COLOURS = {
    "battles": "#D55E00", "explosions_remote_violence": "#CC79A7",
    "violence_against_civilians": "#E69F00", "protests": "#009E73", "riots": "#56B4E9",
    "strategic_developments": "#0072B2",
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


def role(key: str | None) -> str:
    return _label(ROLES, key)


def alias_kind(key: str | None) -> str:
    return _label(ALIAS_KINDS, key)


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


# The codes language detection gives (casefile.importing.language).
LANGUAGES = {"ar": QT_TRANSLATE_NOOP(CONTEXT, "Arabic"),
             "en": QT_TRANSLATE_NOOP(CONTEXT, "English"),
             "other": QT_TRANSLATE_NOOP(CONTEXT, "Other")}


def language_name(code: str | None) -> str:
    """A document's language code as the analyst reads it, in the interface language."""
    return _label(LANGUAGES, code)
