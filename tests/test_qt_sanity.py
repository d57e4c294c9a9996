"""Guards against a Qt binding that corrupts Python's reference counts.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a
method returning void; the interpreter aborts after a few thousand calls.
"""

import sys

from PySide6.QtGui import QColor


def test_void_qt_calls_keep_none_alive():
    colour = QColor(1, 2, 3)
    before = sys.getrefcount(None)
    for _ in range(200):
        colour.setAlpha(5)
    assert sys.getrefcount(None) >= before - 5
