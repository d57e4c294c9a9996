"""How marks look: one colour per type; confirmed filled, proposed dashed-underlined."""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat

from casefile.services.marks import Mark

TYPE_COLOURS = {
    "person": "#1565c0", "group": "#c62828", "place": "#2e7d32", "date": "#6a1b9a",
    "incident": "#ef6c00",
}
TYPE_LABELS = {"person": "Person", "group": "Group", "place": "Place", "date": "Date",
               "incident": "Incident"}
FIND_COLOUR = "#ffd54f"
FLASH_COLOUR = "#ffeb3b"


def colour(type_: str, alpha: int = 255) -> QColor:
    c = QColor(TYPE_COLOURS.get(type_, "#607d8b"))
    c.setAlpha(alpha)
    return c


def mark_format(mark: Mark) -> QTextCharFormat:
    fmt = QTextCharFormat()
    # Incidents span whole clauses: a lighter hand, so the names inside stay readable.
    fill, tint = (24, 0) if mark.type == "incident" else (70, 18)
    if mark.status == "confirmed":
        fmt.setBackground(colour(mark.type, fill))  # solid fill
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    else:
        if tint:
            fmt.setBackground(colour(mark.type, tint))  # a faint tint; the dashes say "proposed"
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(colour(mark.type))
    return fmt


def css_rgba(type_: str, alpha: int) -> str:
    """A CSS colour for style sheets and rich text (Qt reads #RRGGBBAA as #AARRGGBB)."""
    c = colour(type_)
    return f"rgba({c.red()}, {c.green()}, {c.blue()}, {alpha})"
