"""Checking a case: database integrity and every original against its SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from . import models as m
from .case import Case


@dataclass
class VerifyReport:
    checked_sources: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_case(case: Case) -> VerifyReport:
    report = VerifyReport()
    with case.engine.connect() as conn:
        if case.backend == "sqlite":
            for (row,) in conn.execute(text("PRAGMA integrity_check")):
                if row != "ok":
                    report.problems.append(f"database integrity: {row}")
            for row in conn.execute(text("PRAGMA foreign_key_check")):
                report.problems.append(f"broken reference in table {row[0]} row {row[1]}")
            try:
                conn.execute(text("INSERT INTO search_fts(search_fts, rank) "
                                  "VALUES ('integrity-check', 1)"))
            except Exception as exc:  # noqa: BLE001 - any failure is a finding
                report.problems.append(f"search index: {exc}")
            conn.rollback()
        # Originals: stream one at a time so huge cases do not fill memory.
        ids = conn.execute(select(m.Source.id).order_by(m.Source.id)).scalars().all()
        for source_id in ids:
            row = conn.execute(select(m.Source.sha256, m.Source.original, m.Source.file_name,
                                      m.Source.size).where(m.Source.id == source_id)).one()
            report.checked_sources += 1
            data = row.original or b""
            if hashlib.sha256(data).hexdigest() != row.sha256:
                report.problems.append(
                    f"source {source_id} ({row.file_name}): original does not match its SHA-256"
                )
            elif len(data) != row.size:
                report.problems.append(f"source {source_id} ({row.file_name}): size differs")
        lengths = dict(conn.execute(select(m.Source.id, func.length(m.Source.text))).all())
        for table in (m.Mention, m.Citation, m.Proposal):
            rows = conn.execute(select(table.id, table.source_id, table.end))
            for row in rows:
                if row.end > (lengths.get(row.source_id) or 0):
                    report.problems.append(
                        f"{table.__tablename__} {row.id}: span beyond the text of "
                        f"source {row.source_id}"
                    )
    return report
