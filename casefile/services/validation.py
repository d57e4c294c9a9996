"""Field-level validation shared by the forms and the services that save them."""

from __future__ import annotations

import datetime as dt


class ValidationError(Exception):
    """A save refused because some fields are wrong: ``errors`` maps field → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def parse_date(text: str | None) -> dt.date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` → the first day it names; '' → None.

    Raises ValueError with a sentence the analyst can act on.
    """
    text = (text or "").strip()
    if not text:
        return None
    parts = text.split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        raise ValueError("Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).") from None
    if len(numbers) > 3 or len(parts[0]) != 4:
        raise ValueError("Write the date as YYYY-MM-DD (or YYYY-MM, or YYYY).")
    year, month, day = (numbers + [1, 1])[:3]
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"Not a real date: {exc}.") from None


def check_date(errors: dict[str, str], field: str, text: str | None) -> dt.date | None:
    try:
        return parse_date(text)
    except ValueError as exc:
        errors[field] = str(exc)
        return None


def check_range(errors: dict[str, str], start_field: str, start: str | None,
                end_field: str, end: str | None) -> tuple[dt.date | None, dt.date | None]:
    first = check_date(errors, start_field, start)
    last = check_date(errors, end_field, end)
    if first and last and last < first:
        errors[end_field] = "The end date is before the start date."
    return first, last


def date_text(value: dt.date | None, precision: str = "day") -> str:
    """The date as the analyst wrote it: a month-precise date is ``YYYY-MM``, not its 1st."""
    if not value:
        return ""
    return {"month": value.isoformat()[:7], "year": value.isoformat()[:4]}.get(
        str(precision), value.isoformat())


def required(errors: dict[str, str], field: str, text: str | None, what: str) -> None:
    if not (text or "").strip():
        errors[field] = f"{what} is required."


def tags_from_text(text: str) -> list[str]:
    """«a, b، c» → [a, b, c]: commas in either script, duplicates dropped."""
    seen: list[str] = []
    for part in text.replace("،", ",").split(","):
        tag = " ".join(part.split())
        if tag and tag not in seen:
            seen.append(tag)
    return seen
