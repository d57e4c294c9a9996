"""Errors the analyst sees: one clear sentence each."""

from __future__ import annotations

from typing import Any

# How long a SQLite case waits for another program's write lock before giving up.
BUSY_TIMEOUT_S = 5


class CaseError(Exception):
    """The case cannot be opened or created (not a case, newer schema, locked...)."""


class CaseDamagedError(CaseError):
    """The case file is damaged so badly that SQLite cannot read its structure."""


class CaseBusyError(CaseError):
    """Another program held the case's lock for longer than the busy timeout."""


def is_locked(exc: BaseException) -> bool:
    """True for SQLite's "database is locked" (SQLITE_BUSY), however it is wrapped."""
    orig = getattr(exc, "orig", exc)
    return "database is locked" in str(orig) or "database table is locked" in str(orig)


def busy_reason() -> str:
    return f"the case is busy (another program held its lock for more than {BUSY_TIMEOUT_S} s)"


def busy_message() -> str:
    return f"{busy_reason()[0].upper()}{busy_reason()[1:]}; try again."


class ConflictError(Exception):
    """A save was based on a stale version: someone else changed the record first.

    ``record`` names it; ``mine`` holds the refused values so nothing is lost.
    """

    def __init__(self, record: str, mine: dict[str, Any] | None = None,
                 theirs: dict[str, Any] | None = None) -> None:
        super().__init__(
            f"{record} was changed by someone else since you opened it; "
            "your version was not saved. Reload it to see both versions."
        )
        self.record = record
        self.mine = mine or {}
        self.theirs = theirs or {}
