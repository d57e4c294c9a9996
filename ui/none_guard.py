"""Guard against a PySide6 6.12 bug on Python 3.11: every call of a Qt method that returns
``void`` (``setPen``, ``drawRect``, ``setAlpha``...) drops a reference to ``None`` it never
took. Python ≥ 3.12 does not care (``None`` is immortal); on 3.11 ``None``'s count, about
5,000 at start, reaches zero after that many calls and the interpreter aborts
("none_dealloc: deallocating None"). One timeline paint makes thousands of such calls.

PySide6 6.11.3 does not have the bug; pinning PySide6 below 6.12 on Python 3.11 (or moving
to Python ≥ 3.12) is the real fix. Until then we raise ``None``'s count (it is never freed
anyway) before heavy painting and on a timer. The check costs one ``sys.getrefcount``.
When the bug is absent this module does nothing.
"""

from __future__ import annotations

import ctypes
import sys

import shiboken6
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QColor

LOW = 1_000_000
TARGET = 100_000_000


def _leaks() -> bool:
    if sys.version_info >= (3, 12):
        return False
    colour = QColor(0, 0, 0)
    before = sys.getrefcount(None)
    for _ in range(10):
        colour.setAlpha(1)
    return sys.getrefcount(None) < before - 5


LEAKS = _leaks()


def top_up() -> None:
    """Make sure ``None`` has references to spare before a burst of Qt calls."""
    if LEAKS:
        count = sys.getrefcount(None)
        if count < LOW:  # ob_refcnt is the first field of every CPython object
            ctypes.c_ssize_t.from_address(id(None)).value += TARGET - count


_timer: QTimer | None = None


def ensure_timer(interval_ms: int = 500) -> None:
    """Top up regularly, for code that is not ours (other views, Qt's own callbacks)."""
    global _timer
    app = QCoreApplication.instance()
    if not LEAKS or app is None or (_timer is not None and shiboken6.isValid(_timer)):
        return
    _timer = QTimer(app)
    _timer.timeout.connect(top_up)
    _timer.start(interval_ms)


top_up()
