"""The dockable panels of the desk, built for each open case.

Each entry names the dock (its objectName is what QSettings remembers), its
title, where it docks first, and how to build its widget from the case's ``CaseContext``.
The linked views (timeline, graph, map, filter bar, search palette) come
from ``ui.linked.linked_views.install_linked_views``, which makes their own docks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QWidget

from ui.core.context import CaseContext

Left = Qt.DockWidgetArea.LeftDockWidgetArea
Right = Qt.DockWidgetArea.RightDockWidgetArea
Bottom = Qt.DockWidgetArea.BottomDockWidgetArea


@dataclass(frozen=True)
class Panel:
    name: str
    title: str
    area: Qt.DockWidgetArea
    shortcut: str
    build: Callable[[CaseContext], QWidget]


def _documents(ctx):
    from ui.desk.documents_view import DocumentsView
    return DocumentsView(ctx)


def _records(ctx):
    from ui.desk.records_view import RecordsView
    return RecordsView(ctx)


def _review(ctx):
    from ui.desk.review_view import ReviewView
    return ReviewView(ctx)


def _names(ctx):
    from ui.desk.group_review_view import GroupReviewView
    return GroupReviewView(ctx)


def _record(ctx):
    from ui.desk.record_panel import RecordPanel
    return RecordPanel(ctx)


PANELS = [
    Panel("documents", QT_TRANSLATE_NOOP("MainWindow", "Documents"), Left, "Ctrl+1", _documents),
    Panel("records", QT_TRANSLATE_NOOP("MainWindow", "Actors, places, incidents"), Left, "Ctrl+2", _records),
    Panel("review", QT_TRANSLATE_NOOP("MainWindow", "Review queue"), Bottom, "Ctrl+3", _review),
    Panel("record", QT_TRANSLATE_NOOP("MainWindow", "Record"), Right, "Ctrl+4", _record),
    Panel("names", QT_TRANSLATE_NOOP("MainWindow", "Review by name"), Bottom, "Ctrl+5", _names),
]
