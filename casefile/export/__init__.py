"""Export: actor dossiers and incident timelines to PDF, CSV and JSON; the case to JSON.

Data (``dossier_data``, ``timeline_data``, ``case_data``) is plain dataclasses read from one
read-only session; ``html`` fills the templates in resources/templates; ``pdf`` prints them
with QtWebEngine in a child process (the only Qt in ``casefile``); ``tabular`` writes CSV and
JSON; ``service`` ties them together for the GUI and the CLI.

Names are loaded on first use (PEP 562): the PDF child process, ``python -m
casefile.export.pdf``, imports this package first and should not pay for SQLAlchemy, Jinja
and the models it never uses (over half a second of every export).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers and editors; at run time names load on first use
    from .errors import (
        ActorNotFound,
        Ambiguous,
        AmbiguousActor,
        ExportError,
        NotFound,
        OutputNotWritable,
        RenderError,
    )
    from .lookup import find_actor, find_place
    from .meta import DEFAULT_MARKING
    from .service import export_case, export_dossier, export_timeline

_WHERE = {
    "ActorNotFound": "errors", "Ambiguous": "errors", "AmbiguousActor": "errors",
    "ExportError": "errors", "NotFound": "errors", "OutputNotWritable": "errors",
    "RenderError": "errors", "find_actor": "lookup", "find_place": "lookup",
    "DEFAULT_MARKING": "meta", "export_case": "service", "export_dossier": "service",
    "export_timeline": "service",
}
__all__ = [
    "DEFAULT_MARKING", "ActorNotFound", "Ambiguous", "AmbiguousActor", "ExportError",
    "NotFound", "OutputNotWritable", "RenderError", "export_case", "export_dossier",
    "export_timeline", "find_actor", "find_place",
]
assert set(__all__) == set(_WHERE)


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
