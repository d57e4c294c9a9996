"""The demo case: ``seeds/`` through the real import and extraction pipeline.

No hand-entered rows: the seed reports are imported like any file (extraction runs as the
``on_new_source`` step), then the high-confidence proposals are bulk-accepted the way an analyst
would (casefile.review.decisions.accept_confident). ``casefile new --from-seeds CASE``
and the application's first run both use ``create_demo_case``, which builds the case in a
hidden file beside its target and renames it when complete: a build cut short leaves no
half-built demo case behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .assets import seeds_dir
from .cases import create_case, open_case
from .db.case import Case
from .db.staging import staged_case_file
from .importing.pipeline import import_paths
from .progress import SILENT, Progress
from .review.decisions import accept_confident
from .review.proposals import propose_for_new_source

SEEDS = seeds_dir()


def build_demo_case(case: Case, *, seeds: Path = SEEDS,
                    progress: Progress = SILENT) -> dict[str, Any]:
    """Import ``seeds`` into ``case`` and accept its confident proposals; returns a summary."""
    outcomes = list(import_paths(case, [seeds], progress=progress,
                                 on_new_source=propose_for_new_source))
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


def create_demo_case(path: Path, *, name: str | None = None,
                     progress: Progress = SILENT) -> tuple[Case, dict[str, Any]]:
    """Build the demo case at ``path`` (a new file), whole or not at all; returns it open,
    with the summary of ``build_demo_case``. A cancel (``progress.check()``) keeps nothing."""
    with staged_case_file(path) as partial:
        case = create_case(partial, name=name or path.stem)
        try:
            summary = build_demo_case(case, progress=progress)
            progress.check()
        finally:
            case.close()
    return open_case(path), summary
