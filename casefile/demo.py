"""The demo case: ``seeds/`` through the real import and extraction pipeline.

No hand-entered rows: the seed reports are imported like any file (extraction runs as the
post-import hook), then the high-confidence proposals are bulk-accepted the way an analyst
would (casefile.review.decisions.accept_confident). ``casefile new --from-seeds CASE``
and the application's first run both use ``build_demo_case``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .assets import seeds_dir
from .db.case import Case
from .importing.pipeline import import_paths
from .review.decisions import accept_confident
from .review.hooks import install

SEEDS = seeds_dir()


def build_demo_case(case: Case, *, seeds: Path = SEEDS, progress: Any = None) -> dict[str, Any]:
    """Import ``seeds`` into ``case`` and accept its confident proposals; returns a summary."""
    install()
    update = getattr(progress, "update", None)
    cancelled = (
        (lambda: bool(getattr(progress, "cancelled", False))) if progress is not None else None
    )
    outcomes = list(import_paths(case, [seeds], progress=update, cancelled=cancelled))
    source_ids = [
        o.source_id for o in outcomes if o.source_id is not None and o.status == "imported"
    ]
    with case.session() as session:
        accepted = accept_confident(session, source_ids)
    return {
        "imported": len(source_ids),
        "errors": [o.to_json() for o in outcomes if o.status == "error"],
        "accepted": accepted,
    }
