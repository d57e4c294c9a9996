"""The one shape of progress and cancel that long jobs take (import, extraction, export, the demo).

The window passes its operation runner's ticket, the CLI a terminal progress bar, tests and
scripts ``SILENT``. A job calls ``update`` as it goes and ``check`` between units of work (files,
pages, steps); ``check`` raises ``Cancelled`` when the user asked to stop, so a cancel never
interrupts a unit half-way.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """Raised by ``Progress.check`` when the user asked to stop."""


class Progress(Protocol):
    def update(self, done: int, total: int, label: str = "") -> None:
        """``done`` of ``total`` units finished; ``label`` says what is being worked on."""

    def check(self) -> None:
        """Raise ``Cancelled`` if the user asked to stop."""


class _Silent:
    def update(self, done: int, total: int, label: str = "") -> None:
        pass

    def check(self) -> None:
        pass


SILENT: Progress = _Silent()
