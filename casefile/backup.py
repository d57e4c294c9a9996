"""A consistent copy of a case while it is in use.

SQLite: the online backup API copies pages under a read transaction, so the
copy is a case file like the original. PostgreSQL: a portable export into a
new SQLite case file (same schema), which Casefile opens anywhere. Either way
the copy is written beside ``out`` and renamed when complete
(``casefile.db.staging``): a backup cut short leaves no file named ``out``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import insert, select, text

from .db import models as m
from .db.case import Case, create_empty_database
from .db.staging import staged_case_file
from .search.index import reindex_all

_ROWS_PER_INSERT = 5000


def backup_case(case: Case, out: Path) -> None:
    with staged_case_file(out) as partial:
        if case.backend == "sqlite":
            _copy_sqlite(case, partial)
        else:
            _export_postgresql(case, partial)


def _copy_sqlite(case: Case, partial: Path) -> None:
    src = sqlite3.connect(f"file:{case.path}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _export_postgresql(case: Case, partial: Path) -> None:
    copy = create_empty_database(partial, name=case.name)
    try:
        with case.engine.connect() as src, copy.engine.begin() as dst:
            # One snapshot of the whole case, like SQLite's backup.
            src = src.execution_options(isolation_level="REPEATABLE READ",
                                        postgresql_readonly=True)
            # The audit log is copied as it is, even a broken chain (verify finds it):
            # its insert guard is set aside for the copy and put back.
            guard = dst.execute(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name = 'audit_log_chained'")).scalar_one()
            dst.execute(text("DROP TRIGGER audit_log_chained"))
            for table in m.Base.metadata.sorted_tables:
                result = src.execute(select(table).order_by(*table.primary_key.columns))
                for rows in result.mappings().partitions(_ROWS_PER_INSERT):
                    dst.execute(insert(table), [dict(r) for r in rows])
            dst.execute(text(guard))
        with copy.session() as session:
            session.info["no_audit"] = True
            reindex_all(session)
    finally:
        copy.close()
