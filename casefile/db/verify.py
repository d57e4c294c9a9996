"""Checking a case: the database's structure, the audit log's hash chain, every original
against its SHA-256, size and insert entry, and every span against its text.

Everything is read from one snapshot (a single read transaction; REPEATABLE READ on
PostgreSQL), so an import committing meanwhile cannot look like damage. Damage is a
finding, never a crash: whatever cannot be read is reported with the reason and the
other checks go on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError

from . import chain
from . import models as m
from .case import BEGIN_IMMEDIATE, Case
from .errors import CaseBusyError, busy_message, is_locked

T = TypeVar("T")
MAX_LISTED = 20  # per check: enough to act on, not a flood


@dataclass
class VerifyReport:
    checked_sources: int = 0
    audit_entries: int = 0
    audit_head: str | None = None  # the last entry's hash: write it down to notice a cut tail
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__


def verify_case(case: Case) -> VerifyReport:
    report = VerifyReport()
    if case.backend == "sqlite":
        _check_search_index(case, report)
    with _snapshot(case) as conn:

        def guarded(what: str, check: Callable[[], T]) -> T | None:
            try:
                return check()
            except DBAPIError as exc:
                report.problems.append(f"{what}: the check could not finish: {_reason(exc)}")
                return None

        if case.backend == "sqlite":
            guarded("database integrity", lambda: _check_sqlite_structure(conn, report))
        inserted = guarded("the audit log", lambda: _check_chain(conn, report))
        guarded("the originals", lambda: _check_originals(conn, report, inserted))
        guarded("the spans", lambda: _check_spans(conn, report))
    return report


@contextmanager
def _snapshot(case: Case) -> Iterator[Connection]:
    with case.engine.connect() as conn:
        if case.backend == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ",
                                          postgresql_readonly=True)
        # SQLite: the first read begins one transaction (casefile.db.case), so every
        # check below sees the same snapshot.
        try:
            yield conn
        finally:
            conn.rollback()


def _check_search_index(case: Case, report: VerifyReport) -> None:
    """FTS5's own check is an INSERT: it needs the write lock, so it gets its own short
    transaction, waiting up to the busy timeout for another writer."""
    try:
        with case.engine.connect() as conn:
            conn = conn.execution_options(**BEGIN_IMMEDIATE)
            try:
                conn.execute(text("INSERT INTO search_fts(search_fts, rank) "
                                  "VALUES ('integrity-check', 1)"))
            finally:
                conn.rollback()
    except DBAPIError as exc:
        if is_locked(exc):
            raise CaseBusyError(busy_message()) from exc
        report.problems.append(f"search index: {_reason(exc)}")


def _check_sqlite_structure(conn: Connection, report: VerifyReport) -> None:
    found: list[str] = []
    try:
        for (row,) in conn.execute(text("PRAGMA integrity_check")):
            # One row may hold several findings, one a line, under a "*** in database" head.
            found += [line for line in str(row).splitlines()
                      if line.strip() and line != "ok" and not line.startswith("***")]
    finally:
        _listed(report, "database integrity", found)
    broken = [f"broken reference in table {row[0]} row {row[1]}"
              for row in conn.execute(text("PRAGMA foreign_key_check"))]
    report.problems.extend(broken[:MAX_LISTED])
    if len(broken) > MAX_LISTED:
        report.problems.append(f"… and {len(broken) - MAX_LISTED} more broken references")


def _listed(report: VerifyReport, what: str, findings: list[str]) -> None:
    report.problems.extend(f"{what}: {f}" for f in findings[:MAX_LISTED])
    if len(findings) > MAX_LISTED:
        report.problems.append(f"{what}: … and {len(findings) - MAX_LISTED} more")


def _check_chain(conn: Connection, report: VerifyReport) -> dict[int, tuple]:
    """Walk the chain; returns each source's (SHA-256, size) as its last insert entry says."""
    prev = chain.GENESIS
    breaks: list[str] = []
    inserted: dict[int, tuple] = {}
    last_id = 0
    try:
        for raw in chain.raw_rows(conn):
            last_id = raw.id
            report.audit_entries += 1
            try:
                entry = chain.decode(raw)
            except chain.UndecodableEntry as exc:
                breaks.append(f"entry {raw.id}: it does not decode ({exc} cannot be read)")
                prev = raw.hash or prev
                continue
            if raw.prev_hash != prev:
                breaks.append(f"entry {raw.id}: it does not follow the entry before it "
                              "(an entry was removed, inserted or rewritten there)")
            elif raw.hash != chain.entry_hash(entry, prev):
                breaks.append(f"entry {raw.id}: it was changed after it was written "
                              "(its hash does not match its contents)")
            prev = raw.hash or prev
            after = entry["after"]
            if entry["table"] == "sources" and entry["action"] == "insert" \
                    and isinstance(after, dict):
                inserted[entry["record_id"]] = (after.get("sha256"), after.get("size"))
    except DBAPIError as exc:
        breaks.append(f"the entries after {last_id}: they cannot be read ({_reason(exc)})")
    report.audit_head = prev if report.audit_entries else None
    if breaks:
        report.problems.append(f"audit log: the chain breaks first at {breaks[0]}")
        _listed(report, "audit log", breaks[1:])
    return inserted


def _check_originals(conn: Connection, report: VerifyReport,
                     inserted: dict[int, tuple] | None) -> None:
    """Bytes, SHA-256 and size agree with each other and with the source's insert entry
    (when the audit log could be read).

    One original at a time, so a huge case does not fill memory.
    """
    ids = conn.execute(select(m.Source.id).order_by(m.Source.id)).scalars().all()
    findings: list[str] = []
    for source_id in ids:
        report.checked_sources += 1
        try:
            row = conn.execute(select(m.Source.sha256, m.Source.original, m.Source.file_name,
                                      m.Source.size).where(m.Source.id == source_id)).one()
        except DBAPIError as exc:
            findings.append(f"source {source_id} cannot be read: {_reason(exc)}")
            continue
        name = f"source {source_id} ({row.file_name})"
        data = row.original or b""
        if hashlib.sha256(data).hexdigest() != row.sha256:
            findings.append(f"{name}: original does not match its SHA-256")
        elif len(data) != row.size:
            findings.append(f"{name}: original is {len(data)} bytes, its record says {row.size}")
        if inserted is None:
            continue
        logged = inserted.get(source_id)
        if logged is None:
            findings.append(f"{name}: no insert entry in the audit log")
        elif logged != (row.sha256, row.size):
            findings.append(f"{name}: SHA-256 or size differs from what the audit log "
                            "recorded when it was imported")
    report.problems.extend(findings[:MAX_LISTED])
    if len(findings) > MAX_LISTED:
        report.problems.append(f"… and {len(findings) - MAX_LISTED} more originals")


def _check_spans(conn: Connection, report: VerifyReport) -> None:
    lengths = dict(conn.execute(select(m.Source.id, func.length(m.Source.text))).all())
    findings = []
    for table in (m.Mention, m.Citation, m.Proposal):
        for row in conn.execute(select(table.id, table.source_id, table.end)):
            if row.end > (lengths.get(row.source_id) or 0):
                findings.append(f"{table.__tablename__} {row.id}: span beyond the text of "
                                f"source {row.source_id}")
    report.problems.extend(findings[:MAX_LISTED])
    if len(findings) > MAX_LISTED:
        report.problems.append(f"… and {len(findings) - MAX_LISTED} more spans")
