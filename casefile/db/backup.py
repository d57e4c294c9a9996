"""A consistent copy of a case while it is in use.

SQLite: the online backup API copies pages under a read transaction, so the
copy is a case file like the original. PostgreSQL: a portable export into a
new SQLite case file (same schema), which Casefile opens anywhere.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import insert, select

from ..search.index import reindex_all
from . import models as m
from .case import Case, create_empty_case
from .errors import CaseError


def backup_case(case: Case, out: Path) -> None:
    if out.exists():
        raise CaseError(f"{out} already exists; choose a new file for the backup.")
    if not out.parent.exists():
        raise CaseError(f"The folder {out.parent} does not exist.")
    if case.backend == "sqlite":
        src = sqlite3.connect(f"file:{case.path}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(out)
            with dst:
                src.backup(dst)
            dst.close()
        finally:
            src.close()
        return
    copy = create_empty_case(out, name=case.name)
    try:
        with case.engine.connect() as src, copy.engine.begin() as dst:
            for table in m.Base.metadata.sorted_tables:
                rows = [dict(r._mapping) for r in src.execute(select(table))]
                if rows:
                    dst.execute(insert(table), rows)
        with copy.session() as session:
            session.info["no_audit"] = True
            reindex_all(session)
    finally:
        copy.close()
