"""What the timeline, the network and the map share: the case's context, the shared
filters and focus, Latin or Arabic labels, a toolbar with a status at its end, and a
reload when a change touches what the view ``watches`` (deferred while it is hidden).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from casefile.queries import Focus, ViewFilters
from ui.core.changes import NOTHING, ChangeSet, ChangeWatcher
from ui.core.context import CaseContext
from ui.core.view_query import LatestQuery
from ui.dialogs.preferences_dialog import latin_labels, view_preferences


class PanZoomView(QGraphicsView):
    """The graph's and the map's canvas: the wheel zooms around the cursor (within
    ``scales``), dragging the background pans."""

    zoomed = Signal(float)  # the new scale
    wheel_step = 1.2  # zoom factor per wheel notch
    scales = (0.05, 8.0)

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        self.zoom_by(self.wheel_step ** (event.angleDelta().y() / 120))
        event.accept()

    def zoom_by(self, factor: float) -> None:
        scale = self.transform().m11() * factor
        low, high = self.scales
        if low < scale < high:
            self.scale(factor, factor)
            self.zoomed.emit(scale)


class LinkedView(QWidget):
    watches: ClassVar[ChangeSet] = NOTHING  # what, changed, reloads the view

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selection = ctx.selection
        self.tracker = ctx.focus
        self.filters: ViewFilters = ctx.selection.filters
        self.latin = latin_labels()
        self.status = QLabel()
        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(4, 2, 4, 0)
        self.watcher = ChangeWatcher(self, ctx.changed, self.watches, self.reload)

    def query(self, label: str) -> LatestQuery:
        """A read of this view's that only delivers its newest answer."""
        return LatestQuery(self.ctx.runner, self.ctx.case, label, self)

    def fill_toolbar(self, *tools: QWidget | int) -> None:
        """The tools in order (a number is a gap in pixels), then the status at the end."""
        for tool in tools:
            if isinstance(tool, int):
                self.toolbar.addSpacing(tool)
            else:
                self.toolbar.addWidget(tool)
        self.toolbar.addStretch(1)
        self.toolbar.addWidget(self.status)

    def lay_out(self, main: QWidget, *below: QWidget, spacing: int | None = None) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if spacing is not None:
            layout.setSpacing(spacing)
        layout.addLayout(self.toolbar)
        layout.addWidget(main, 1)
        for widget in below:
            layout.addWidget(widget)

    def link(self) -> None:
        """Follow the shared filters, focus and label language (end of a subclass's init)."""
        self.selection.filters_changed.connect(self.set_filters)
        self.tracker.focus_changed.connect(self.follow)
        view_preferences().latin_labels_changed.connect(self.set_latin)
        self.retranslate()

    def set_filters(self, filters: ViewFilters) -> None:
        self.filters = filters
        self.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.set_latin(latin_labels())
        super().changeEvent(event)

    # --- what each view provides -------------------------------------------------------

    def reload(self) -> None:
        raise NotImplementedError

    def follow(self, focus: Focus | None) -> None:
        raise NotImplementedError

    def set_latin(self, on: bool) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError
