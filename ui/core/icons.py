"""qtawesome icons by purpose, so the same thing looks the same everywhere."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QToolButton

_NAMES = {
    "new": "fa5s.file-medical", "open": "fa5s.folder-open", "import": "fa5s.file-import",
    "export": "fa5s.file-export", "quit": "fa5s.power-off", "undo": "fa5s.undo",
    "redo": "fa5s.redo", "find": "fa5s.search", "back": "fa5s.arrow-left",
    "forward": "fa5s.arrow-right", "about": "fa5s.info-circle", "save": "fa5s.save",
    "revert": "fa5s.history", "delete": "fa5s.trash-alt", "add": "fa5s.plus",
    "remove": "fa5s.minus", "accept": "fa5s.check", "reject": "fa5s.times",
    "merge": "fa5s.object-group", "edit": "fa5s.pen", "original": "fa5s.external-link-alt",
    "zoom_in": "fa5s.search-plus", "zoom_out": "fa5s.search-minus", "actor": "fa5s.user",
    "group": "fa5s.users", "place": "fa5s.map-marker-alt", "incident": "fa5s.bolt",
    "source": "fa5s.file-alt", "date": "fa5s.calendar-alt", "cancel": "fa5s.stop-circle",
    "review": "fa5s.tasks", "warning": "fa5s.exclamation-triangle", "citation": "fa5s.quote-right",
}


def icon(purpose: str, color: str | None = None) -> QIcon:
    options = {"color": color} if color else {}
    return qta.icon(_NAMES.get(purpose, "fa5s.circle"), **options)


def tool_button(qta_name: str, slot: Callable[[], object]) -> QToolButton:
    """A flat icon button of a view's toolbar (qtawesome name, e.g. "mdi6.fit-to-screen-outline")."""
    button = QToolButton()
    button.setIcon(qta.icon(qta_name))
    button.setAutoRaise(True)
    button.clicked.connect(slot)
    return button
