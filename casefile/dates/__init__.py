"""Dates as Arabic (and English) reports write them: one month table (``months``), one grammar
(``grammar.find_dates``) for extraction, and the report's own date for the readers
(``report.parse_date_text``, ``report.published_from_text``)."""

from .grammar import FoundDate, find_dates
from .report import parse_date_text, published_from_text
from .value import DateValue

__all__ = ["DateValue", "FoundDate", "find_dates", "parse_date_text", "published_from_text"]
