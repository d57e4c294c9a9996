"""Inserts held back and written together: one statement per table for a whole import batch.

An import writes a few rows into the same few tables for every file (the source, its search
entry, its proposals, their audit entries). Executed as they come, that is about eight
statements per file, and the statements' own cost, not SQLite's work, is what an import
waits for. Inside ``deferred_inserts(conn)`` the rows of ``insert_audited`` and of
``store_terms`` are kept in memory instead, in the order their statements were first used
(so a row is written after the rows it refers to), and ``flush`` writes each statement's rows
with one ``executemany``.

Only SQLite defers: its writer holds the database's write lock for the whole transaction,
so the ids the held rows will take are known (the next after the table's largest id) and
nobody else can take them. ``mark`` and ``rollback_to`` drop the rows of one file that
failed half-way, as a savepoint would. Reads inside do not see the held rows: the import
keeps what it needs of them (hashes, text keys) itself. Nothing else may write meanwhile
(an ORM flush raises ``HeldInsertsError``): an import holds its rows back only when its
door's step says it writes through ``insert_audited`` alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Table, func, select

_KEY = "casefile_deferred_inserts"


class HeldInsertsError(RuntimeError):
    """A write other than a held insert was tried while inserts are held: it would land
    before the rows it may refer to, and outside what ``rollback_to`` can undo."""


class DeferredInserts:
    def __init__(self) -> None:
        # (statement, row keys) → rows, in the order of first use
        self._rows: dict[tuple[Any, tuple[str, ...]], list[dict[str, Any]]] = {}
        self._next_ids: dict[str, int] = {}  # table name → its next free id

    def new_ids(self, conn: Connection, table: Table, count: int) -> list[int]:
        first = self._next_ids.get(table.name)
        if first is None:
            first = conn.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one() + 1
        self._next_ids[table.name] = first + count
        return list(range(first, first + count))

    def add(self, statement: Any, rows: list[dict[str, Any]]) -> None:
        # One executemany takes rows with the same keys: rows with other keys wait apart.
        key = (statement, tuple(rows[0])) if rows else None
        if key is not None:
            self._rows.setdefault(key, []).extend(rows)

    def update_held(self, table: Table, record_id: int, values: dict[str, Any]) -> bool:
        """Change a row still held (an import adding to its source's metadata); False when
        the row is not held here (it is in the database: update it there)."""
        for (statement, _), rows in self._rows.items():
            if getattr(statement, "table", None) is table:
                for row in rows:
                    if row.get("id") == record_id:
                        row.update(values)
                        return True
        return False

    def mark(self) -> dict[Any, int]:
        return {key: len(rows) for key, rows in self._rows.items()}

    def rollback_to(self, mark: dict[Any, int]) -> None:
        """Drop the rows held since ``mark`` (their ids are not given again: gaps are fine)."""
        for key, rows in self._rows.items():
            del rows[mark.get(key, 0):]

    def flush(self, conn: Connection) -> None:
        """Write every held row; the ids are asked afresh next time (others may insert now)."""
        rows_by_statement, self._rows = self._rows, {}
        for (statement, _), rows in rows_by_statement.items():
            if rows:
                conn.execute(statement, rows)
        self._next_ids.clear()


def held(conn: Connection) -> DeferredInserts | None:
    """The inserts being held on this connection, if any."""
    return conn.info.get(_KEY)


@contextmanager
def deferred_inserts(conn: Connection) -> Iterator[DeferredInserts | None]:
    """Hold ``conn``'s inserts until ``flush`` (None, and nothing held, on other databases
    than SQLite; the holder already there when nested). What is still held at the end is
    dropped: flush before leaving."""
    if conn.dialect.name != "sqlite" or _KEY in conn.info:
        yield conn.info.get(_KEY)
        return
    deferred = conn.info[_KEY] = DeferredInserts()
    try:
        yield deferred
    finally:
        conn.info.pop(_KEY, None)
