"""A report's own date: from a metadata value, or from the dateline at the top of its text.

Only full dates (day, month and year) are accepted: a published date must not be guessed
from a month or a year alone. The same grammar as extraction reads them (``grammar``).
"""

from __future__ import annotations

import datetime
import re

from ..normalize import normalize
from .grammar import find_dates

_HEAD_CHARS = 600  # the dateline of a report sits in its first lines
_HEAD_LINES = 3
# «دمشق - 12 تموز 2018», «بيروت (رويترز) – …», «Damascus, July 12, 2018»: a short place
# (and agency) before a dash or a comma, then the date.
_DATELINE = re.compile(r"^[^\d\n]{0,40}?[-–—,:]\s*$")
_SHORT_LINE = 80


def _full(value: str) -> datetime.date | None:
    found = find_dates(value, None)
    for f in found:
        if f.value is not None and f.value.precision == "day" and f.value.calendar == "gregorian":
            day = datetime.date.fromisoformat(f.value.value)
            if 1900 <= day.year <= 2100:
                return day
    return None


def parse_date_text(value: str) -> datetime.date | None:
    """A full date in a metadata value (ISO with or without time, d/m/y, month names), or None."""
    value = value.strip()
    try:
        day = datetime.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        return day if 1900 <= day.year <= 2100 else None
    except ValueError:
        pass
    return _full(normalize(value))


def published_from_text(text: str) -> datetime.date | None:
    """The date of a dateline or a date line among the first lines of ``text``, or None.

    A date in the body («قتل 5 في 3 آذار 2018») is an event's date, not the report's: only a
    short line of its own, or a date right after a dateline's place, counts.
    """
    lines = [line for line in text[:_HEAD_CHARS].split("\n") if line.strip()][:_HEAD_LINES]
    for line in lines:
        norm = normalize(line)
        for f in find_dates(norm, None):
            if f.value is None or f.value.precision != "day" or f.value.calendar != "gregorian":
                continue
            if len(norm.strip()) <= _SHORT_LINE or _DATELINE.match(norm[: f.start]):
                day = datetime.date.fromisoformat(f.value.value)
                if 1900 <= day.year <= 2100:
                    return day
    return None
