"""The actor picker lists Arabic names with their score in reading order."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextLayout, QTextOption

from casefile.services.choices import Candidate


def _x(text: str, index: int, font) -> float:
    """Where the character at ``index`` is drawn on a left-to-right line."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10000)
    layout.endLayout()
    return line.cursorToX(index)[0]


def test_candidate_score_prints_after_an_arabic_name(desk, qtbot):
    from ui.dialogs.actor_picker import ActorPickerDialog

    window, _ = desk
    name = "مركز المصالحة الروسي"
    picker = ActorPickerDialog(window.handle, "Add as alias", "Add «الروس» as another name of:",
                               lambda _s: [Candidate(7, name, "", 0.44, name)], window)
    qtbot.waitUntil(lambda: picker.list.count() == 1, timeout=10000)
    text = picker.list.item(0).text()
    font = picker.list.font()
    digits, percent = text.index("44"), text.index("%")
    name_right_edge = _x(text, text.index(name), font)  # an RTL run starts at its right
    assert _x(text, digits, font) > name_right_edge  # «name · 44%», not «44 · name%»
    assert _x(text, percent, font) > _x(text, digits, font)
    assert picker.candidate_ids() == [7]
    picker.reject()
