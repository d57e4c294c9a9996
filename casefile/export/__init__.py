"""Export: actor dossiers and incident timelines to PDF, CSV and JSON.

Data (``dossier_data``, ``timeline_data``) is plain dataclasses read from one read-only
session; ``html`` fills the templates in resources/templates; ``pdf`` prints them with
QtWebEngine in a child process (the only Qt in ``casefile``); ``tabular`` writes CSV and
JSON; ``service`` ties them together for the GUI and the CLI.
"""

from __future__ import annotations

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

__all__ = [
    "DEFAULT_MARKING", "ActorNotFound", "Ambiguous", "AmbiguousActor", "ExportError",
    "NotFound", "OutputNotWritable", "RenderError", "export_case", "export_dossier", "export_timeline",
    "find_actor", "find_place",
]
