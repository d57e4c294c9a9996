"""A report's own date, read from its first lines when its metadata has none.

Only full dates (day, month and year) are accepted: a published date must not be
guessed from a month or a year alone. Month names of the three Arabic families
(Levantine, Egyptian, Maghrebi) and English are understood.
"""

from __future__ import annotations

import datetime
import re

from casefile.normalize import normalize

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    [
        "كانون الثاني|يناير|جانفي|january|jan",
        "شباط|فبراير|فيفري|february|feb",
        "آذار|مارس|march|mar",
        "نيسان|أبريل|إبريل|ابريل|أفريل|april|apr",
        "أيار|مايو|ماي|may",
        "حزيران|يونيو|يونية|جوان|june|jun",
        "تموز|يوليو|يولية|جويلية|july|jul",
        "آب|أغسطس|اغسطس|أوت|august|aug",
        "أيلول|سبتمبر|september|sep|sept",
        "تشرين الأول|أكتوبر|اكتوبر|october|oct",
        "تشرين الثاني|نوفمبر|november|nov",
        "كانون الأول|ديسمبر|december|dec",
    ],
    start=1,
):
    for _name in _names.split("|"):
        _MONTHS[normalize(_name)] = _number

_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({_MONTH})\.?(?:\s*[/-]\s*(?:{_MONTH})\.?)?\s*,?\s*(\d{{4}})(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")

_HEAD_CHARS = 600  # the dateline of a report sits in its first lines


def _make(year: int, month: int, day: int) -> datetime.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def parse_date_text(value: str) -> datetime.date | None:
    """A date in ``value`` (ISO, d/m/y or with a month name), or None."""
    text = normalize(value)
    candidates: list[tuple[int, datetime.date | None]] = []
    for m in _ISO.finditer(text):
        candidates.append((m.start(), _make(int(m[1]), int(m[2]), int(m[3]))))
    for m in _NUMERIC.finditer(text):
        first, second = int(m[1]), int(m[2])
        # Day first, as written in the Arab world and Europe, unless impossible.
        day, month = (second, first) if second > 12 >= first else (first, second)
        candidates.append((m.start(), _make(int(m[3]), month, day)))
    for m in _DAY_MONTH_YEAR.finditer(text):
        candidates.append((m.start(), _make(int(m[3]), _MONTHS[m[2]], int(m[1]))))
    for m in _MONTH_DAY_YEAR.finditer(text):
        candidates.append((m.start(), _make(int(m[3]), _MONTHS[m[1]], int(m[2]))))
    found = sorted((pos, d) for pos, d in candidates if d is not None)
    return found[0][1] if found else None


def published_from_text(text: str) -> datetime.date | None:
    """The first full date in the opening lines of ``text``, or None."""
    return parse_date_text(text[:_HEAD_CHARS])
