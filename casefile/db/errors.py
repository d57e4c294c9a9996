"""Errors the analyst sees: one clear sentence each."""

from __future__ import annotations

from typing import Any


class CaseError(Exception):
    """The case cannot be opened or created (not a case, newer schema, locked...)."""


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
