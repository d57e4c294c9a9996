"""DATE candidates for the pipeline: the grammar of ``casefile.dates`` as ``Cand``s."""

from __future__ import annotations

from datetime import date

from ..dates import find_dates as _grammar
from .common import Cand
from .types import DATE


def find_dates(norm: str, report: date | None) -> list[Cand]:
    return [
        Cand(DATE, f.kind, f.start, f.end, norm[f.start : f.end], f.confidence, "date",
             date=f.value)
        for f in _grammar(norm, report)
    ]
