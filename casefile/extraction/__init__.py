"""Offline extraction: Arabic report text → proposed entities, relations and incidents.

Public API: ``extract(text, report_date=..., known=...)`` returning an ``ExtractionResult``;
``Gazetteer`` / ``shipped_gazetteer()`` / ``case_entry()`` for known names; the ``Recognizer``
protocol is the seam for an optional learned model. See README.md in this package.
"""

from importlib import import_module
from typing import Any

# The public names are loaded on first use: importing a submodule (the import hook, for every
# CLI command) must not load the gazetteers, rules and romaniser.
_PUBLIC = {
    "Entry": "gazetteer", "Gazetteer": "gazetteer", "case_entry": "gazetteer",
    "shipped_gazetteer": "gazetteer", "Recognizer": "pipeline", "extract": "pipeline",
    "DateValue": "types", "Entity": "types", "ExtractionResult": "types", "Incident": "types",
    "IncidentActor": "types", "Relation": "types",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(f".{_PUBLIC[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
