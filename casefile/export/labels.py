"""Words and dates as an Arabic reader of an export expects them.

Codes in the case (``strategic_developments``, ``visitor``, ``office``) are the
vocabulary of extraction and review (``casefile.vocabulary``); exports show them in Arabic, and the CSV
shows ACLED's English names (``acled.py``) so other tools can read it. Unknown codes are shown
as they are rather than hidden.
"""

from __future__ import annotations

import datetime as dt

from .. import vocabulary as terms
from ..vocabulary import arabic

# Levantine / Egyptian pairs, as Syrian reports write them («آب/أغسطس 2024»).
MONTHS_AR = (
    "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
    "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
)

ACTOR_KINDS = arabic(terms.ACTOR_KINDS)
ALIAS_KINDS = arabic(terms.ALIAS_KINDS)
PLACE_KINDS = arabic(terms.PLACE_KINDS)
RELATION_TYPES = arabic(terms.RELATION_TYPES)
ROLES = arabic(terms.ROLES)
EVENT_TYPES = arabic(terms.INCIDENT_TYPES)
SUB_EVENT_TYPES = arabic(terms.SUBTYPES)

def label(table: dict[str, str], code: str | None) -> str:
    """The Arabic word for a code, or the code itself made readable."""
    if not code:
        return ""
    return table.get(code, code.replace("_", " "))


def format_date(day: dt.date | None, precision: str | None = "day") -> str:
    """One date at the precision the source gave: a month is not its first day."""
    if day is None:
        return ""
    month = MONTHS_AR[day.month - 1]
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{month} {day.year}"
    text = f"{day.day} {month} {day.year}"
    return f"نحو {text}" if precision == "approximate" else text


def format_span(start: dt.date | None, end: dt.date | None, precision: str | None) -> str:
    """A date or a range («3 – 5 آب/أغسطس 2024» is left to read as two full dates)."""
    if start is None and end is None:
        return "تاريخ غير معروف"
    if start is None:
        return f"حتى {format_date(end, precision)}"
    first = format_date(start, precision)
    if end is None or end == start:
        return first
    last = format_date(end, precision)
    return first if last == first else f"{first} – {last}"


def format_period(start: dt.date | None, end: dt.date | None, precision: str | None) -> str:
    """A time range of an office or affiliation; open ends say so."""
    if start is None and end is None:
        return "المدة غير محددة"
    if end is None:
        return f"منذ {format_date(start, precision)}"
    if start is None:
        return f"حتى {format_date(end, precision)}"
    return format_span(start, end, precision)


def iso_date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
