"""The fonts shipped in ``resources/fonts``, registered with Qt at start-up."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from casefile.assets import resource

FONTS_DIR = resource("fonts")
ARABIC_TEXT = ["Noto Naskh Arabic", "Noto Sans"]  # reading text: Naskh, Latin falls back
ARABIC_UI = ["Noto Sans Arabic", "Noto Sans"]

_registered: list[str] = []


def register_fonts() -> list[str]:
    """Add every shipped .ttf to Qt's font database (once); returns the families."""
    if not _registered:
        for path in sorted(FONTS_DIR.glob("*.ttf")):
            font_id = QFontDatabase.addApplicationFont(str(path))
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in _registered:
                    _registered.append(family)
    return list(_registered)


def reading_font(point_size: float = 14) -> QFont:
    font = QFont()
    font.setFamilies(ARABIC_TEXT)
    font.setPointSizeF(point_size)
    return font


def ui_font(base: QFont) -> QFont:
    """The application font with Noto Sans Arabic ahead of the system's Arabic fallback."""
    font = QFont(base)
    font.setFamilies([base.family(), *ARABIC_UI])
    return font
