"""Dates and numbers in the language the analyst chose (``QLocale()`` is set by ui.core.i18n).

Incident dates keep their precision in words: «آب ٢٠٢٤» for a month, «نحو ٢٠ آب ٢٠٢٤» for an
approximate day, never a made-up day.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale


def locale() -> QLocale:
    return QLocale()


def number(value: int | float) -> str:
    return locale().toString(value)


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def day(value: dt.date) -> str:
    return locale().toString(qdate(value), "d MMMM yyyy")


def month(value: dt.date) -> str:
    return locale().toString(qdate(value), "MMMM yyyy")


def year(value: dt.date) -> str:
    return locale().toString(qdate(value), "yyyy")


def from_ordinal(day_number: int) -> dt.date:
    return dt.date.fromordinal(max(1, min(dt.date.max.toordinal(), int(day_number))))


def incident_date(start: dt.date | None, end: dt.date | None, precision: str) -> str:
    """An incident's date as precise as its source, and no more."""
    if start is None:
        return QCoreApplication.translate("Formatting", "undated")
    if precision == "year":
        text = year(start) if not end or end.year == start.year else f"{year(start)} – {year(end)}"
    elif precision == "month":
        text = (month(start) if not end or (end.year, end.month) == (start.year, start.month)
                else f"{month(start)} – {month(end)}")
    else:
        text = day(start) if not end or end == start else f"{day(start)} – {day(end)}"
    if precision == "approximate":
        return QCoreApplication.translate("Formatting", "about %1").replace("%1", text)
    return text


def period(first_day: int, after_last: int) -> str:
    """A span of day numbers, shortened to what the span covers (a month, a year...)."""
    first, last = from_ordinal(first_day), from_ordinal(after_last - 1)
    if first == last:
        return day(first)
    if (first.day, last.day) == (1, 1) or after_last - first_day > 400:
        return year(first) if first.year == last.year else f"{year(first)} – {year(last)}"
    if after_last - first_day > 45:
        return month(first) if (first.year, first.month) == (last.year, last.month) \
            else f"{month(first)} – {month(last)}"
    return f"{day(first)} – {day(last)}"
