"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a
method returning void; the interpreter aborts after a few thousand calls.
From Python 3.12 None is immortal (PEP 683): its count never moves, so the
bug cannot be seen, nor can it crash the interpreter there.
"""

import sys

import pytest
from PySide6.QtGui import QColor


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive():
    colour = QColor(1, 2, 3)
    before = sys.getrefcount(None)
    for _ in range(200):
        colour.setAlpha(5)
    assert sys.getrefcount(None) >= before - 5
