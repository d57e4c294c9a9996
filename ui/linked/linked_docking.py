"""The linked views (timeline, graph, map, filter bar, search palette) in the main window.

``ui.linked.linked_views.install_linked_views`` makes their docks for one case; they come and go
with the case, and their window-wide keys belong to the window's own Edit menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.desk.main_window import MainWindow


def install(window: MainWindow, *, first: bool) -> None:
    from ui.linked.linked_views import install_linked_views

    window.linked_docks = install_linked_views(window, window.context)
    views = window.linked_views
    if views is not None:
        # Two actions with one shortcut would make Qt ignore both: Ctrl+K, Preferences,
        # Back and Forward are the Edit menu's, which calls the same things.
        for action in views.actions.values():
            action.setShortcut(QKeySequence())
    if first:  # the timeline beside the review queue, graph and map beside the record
        docks, linked = window.docks, window.linked_docks
        window.tabifyDockWidget(docks["review"], docks["names"])  # review by name
        if "timeline" in linked:
            window.tabifyDockWidget(docks["review"], linked["timeline"])
        for name in ("graph", "map"):
            if name in linked:
                window.tabifyDockWidget(docks["record"], linked[name])
        docks["review"].raise_()
        docks["record"].raise_()


def remove(window: MainWindow) -> list[QWidget]:
    """Take the linked views' docks out; returns them, to be freed with their case."""
    gone: list[QWidget] = []
    for dock in window.linked_docks.values():
        window.removeDockWidget(dock)
        gone.append(dock)
    window.linked_docks = {}
    views = window.linked_views
    if views is not None:
        for action in views.actions.values():
            window.removeAction(action)
        gone.append(views.palette)
        window.linked_views = None
    return gone
