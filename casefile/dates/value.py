"""A normalised date as a proposal carries it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DateValue:
    """``value`` is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the start); ``end`` is the last day
    (``YYYY-MM-DD``) of a period the words name («صيف 2016», «الستينيات»), else None."""

    value: str
    precision: str  # "day" | "month" | "year" | "approximate"
    calendar: str = "gregorian"  # the calendar the text used ("hijri" when converted)
    end: str | None = None
