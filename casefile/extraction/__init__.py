"""Offline extraction: Arabic report text → proposed entities, relations and incidents.

Public API: ``extract(text, report_date=..., known=...)`` returning an ``ExtractionResult``;
``Gazetteer`` / ``shipped_gazetteer()`` / ``case_entry()`` for known names; the ``Recognizer``
protocol is the seam for an optional learned model. See README.md in this package.
"""

from .gazetteer import Entry, Gazetteer, case_entry, shipped_gazetteer
from .pipeline import Recognizer, extract
from .types import DateValue, Entity, ExtractionResult, Incident, IncidentActor, Relation

__all__ = [
    "DateValue",
    "Entity",
    "Entry",
    "ExtractionResult",
    "Gazetteer",
    "Incident",
    "IncidentActor",
    "Recognizer",
    "Relation",
    "case_entry",
    "extract",
    "shipped_gazetteer",
]
