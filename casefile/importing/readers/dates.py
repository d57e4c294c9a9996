"""The readers' way to a report's own date (the grammar lives in ``casefile.dates``)."""

from casefile.dates import parse_date_text, published_from_text

__all__ = ["parse_date_text", "published_from_text"]
