"""Opening and creating a case with everything its writes keep in step.

``casefile.db.case`` opens the database, and its sessions audit every write; the search index
(``casefile.search.index.attach``) and the review's stop list (``casefile.review.stoplist.attach``)
register their own listeners on the case here. Everything that opens a case for work (the CLI,
the window, the demo, scripts and tests) calls these two functions.
"""

from __future__ import annotations

import os

from .db.case import Case, create_database, open_database
from .review import stoplist
from .search import index


def attach_listeners(case: Case) -> Case:
    """Register the search index's and the stop list's listeners on ``case``'s sessions."""
    index.attach(case)
    stoplist.attach(case)
    return case


def create_case(case: str | os.PathLike[str], *, name: str | None = None) -> Case:
    """Create a new, empty case through the migrations and open it."""
    return attach_listeners(create_database(case, name=name))


def open_case(case: str | os.PathLike[str], *, upgrade: bool = True) -> Case:
    """Open an existing case, upgrading an older schema; never damages a non-case."""
    return attach_listeners(open_database(case, upgrade=upgrade))
