"""Puts the linked views into a main window as docks, with their window-wide actions.

``install_linked_views(main_window, ctx)`` makes the
timeline, graph, map and filter-bar docks, the Ctrl+K search palette and the
back/forward/preferences actions, and returns the docks by name. The actions
are on ``main_window.linked_views.actions`` for the window's menus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from ui.core.context import CaseContext
from ui.dialogs.preferences_dialog import PreferencesDialog
from ui.linked.filter_bar import FilterBar
from ui.linked.graph_view import GraphView
from ui.linked.map_view import MapView
from ui.linked.search_palette import SearchPalette
from ui.linked.timeline_view import TimelineView

CONTEXT = "LinkedViews"
TITLES = {
    "filters": QT_TRANSLATE_NOOP("LinkedViews", "Filters"),
    "timeline": QT_TRANSLATE_NOOP("LinkedViews", "Timeline"),
    "graph": QT_TRANSLATE_NOOP("LinkedViews", "Network"),
    "map": QT_TRANSLATE_NOOP("LinkedViews", "Map"),
}
ACTION_TEXTS = {
    "search": QT_TRANSLATE_NOOP("LinkedViews", "Search the case…"),
    "preferences": QT_TRANSLATE_NOOP("LinkedViews", "Preferences…"),
}


class LinkedDock(QDockWidget):
    """A dock whose title follows the interface language."""

    def __init__(self, key: str, widget: QWidget, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"dock-{key}")  # for saveState/restoreState
        self.setWidget(widget)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(QCoreApplication.translate(CONTEXT, TITLES[self.key]))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


@dataclass
class LinkedViews:
    timeline: TimelineView
    graph: GraphView
    map: MapView
    filter_bar: FilterBar
    palette: SearchPalette
    docks: dict[str, QDockWidget]
    actions: dict[str, QAction] = field(default_factory=dict)

    def retranslate(self) -> None:
        for key, text in ACTION_TEXTS.items():
            self.actions[key].setText(QCoreApplication.translate(CONTEXT, text))


class _Retranslator(QWidget):
    """Invisible child of the window: relays LanguageChange to the plain actions."""

    def __init__(self, views: LinkedViews, parent: QWidget) -> None:
        super().__init__(parent)
        self.views = views
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.views.retranslate()
        super().changeEvent(event)


def install_linked_views(main_window: QMainWindow, ctx: CaseContext) -> dict[str, QDockWidget]:
    timeline = TimelineView(ctx)
    graph = GraphView(ctx)
    map_ = MapView(ctx)
    bar = FilterBar(ctx)
    palette = SearchPalette(ctx, main_window)
    docks = {key: LinkedDock(key, widget, main_window)
             for key, widget in (("filters", bar), ("timeline", timeline), ("graph", graph),
                                 ("map", map_))}
    docks["filters"].setTitleBarWidget(QWidget())  # a bar, not a panel
    docks["filters"].setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
    main_window.addDockWidget(Qt.DockWidgetArea.TopDockWidgetArea, docks["filters"])
    main_window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, docks["timeline"])
    main_window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks["graph"])
    main_window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, docks["map"])
    main_window.tabifyDockWidget(docks["graph"], docks["map"])
    docks["graph"].raise_()
    main_window.resizeDocks([docks["timeline"]], [320], Qt.Orientation.Vertical)
    main_window.resizeDocks([docks["graph"]], [620], Qt.Orientation.Horizontal)

    views = LinkedViews(timeline, graph, map_, bar, palette, docks)
    search = QAction(main_window)
    search.setShortcut(QKeySequence("Ctrl+K"))
    search.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    search.triggered.connect(palette.open)
    preferences = QAction(main_window)
    preferences.setShortcut(QKeySequence.StandardKey.Preferences)
    preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    preferences.triggered.connect(lambda: PreferencesDialog(main_window).exec())
    views.actions = {"search": search, "preferences": preferences,
                     "back": bar.back_action, "forward": bar.forward_action}
    for action in views.actions.values():
        main_window.addAction(action)  # shortcuts work even with the filter bar hidden
    views.retranslate()
    _Retranslator(views, main_window)
    main_window.linked_views = views
    return docks
