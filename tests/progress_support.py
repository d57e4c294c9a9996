"""A ``casefile.progress.Progress`` for tests: records updates, stops when asked."""

from __future__ import annotations

from collections.abc import Callable

from casefile.progress import Cancelled


class Recorder:
    def __init__(self, stop: Callable[[], bool] = lambda: False) -> None:
        self.stop = stop
        self.updates: list[tuple[int, int, str]] = []

    def update(self, done: int, total: int, label: str = "") -> None:
        self.updates.append((done, total, label))

    def check(self) -> None:
        if self.stop():
            raise Cancelled
