"""The incident timeline: lanes by type or actor, a density strip for the whole case, and
the link to the shared selection (an actor or place scopes it, an incident is shown).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from casefile.queries import Focus, ViewFilters
from ui.core import formatting as fmt
from ui.core.changes import Change
from ui.core.context import CaseContext
from ui.core.icons import tool_button
from ui.core.selection import Ref
from ui.linked.linked_view import LinkedView
from ui.linked.timeline_canvas import HEADER_W, TimelineCanvas
from ui.linked.timeline_model import TimelineModel


class DensityStrip(QWidget):
    """Incidents per period over the whole case, with the visible range marked; click or
    drag to move there."""

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.setFixedHeight(34)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        model.data_changed.connect(self.update)
        model.view_changed.connect(self.update)

    def _span(self) -> tuple[float, float, QRectF]:
        lo, hi = self.model.overview.density_range if self.model.overview else (0, 1)
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left = 0 if rtl else HEADER_W
        return lo, hi, QRectF(left, 2, max(10, self.width() - HEADER_W), self.height() - 4)

    def _x(self, day: float) -> float:
        lo, hi, r = self._span()
        frac = (day - lo) / max(1, hi - lo)
        return r.right() - frac * r.width() if self.layoutDirection() == \
            Qt.LayoutDirection.RightToLeft else r.left() + frac * r.width()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        lo, hi, r = self._span()
        p.fillRect(r, self.palette().alternateBase())
        counts = self.model.overview.density if self.model.overview else []
        peak = max(counts, default=0)
        if peak:
            colour = QColor(self.palette().highlight().color())
            colour.setAlpha(160)
            step = (hi - lo) / len(counts)
            for i, n in enumerate(counts):
                if n:
                    x0, x1 = sorted((self._x(lo + i * step), self._x(lo + (i + 1) * step)))
                    bar = r.height() * (n / peak) ** 0.5
                    p.fillRect(QRectF(x0, r.bottom() - bar, max(1.0, x1 - x0), bar), colour)
        x0, x1 = sorted((self._x(self.model.view_start), self._x(self.model.view_end)))
        x0, x1 = max(x0, r.left()), min(x1, r.right())
        p.setPen(self.palette().text().color())
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(QRectF(x0, r.top(), max(2.0, x1 - x0), r.height() - 1))
        p.end()

    def _go(self, pos: QPointF) -> None:
        lo, hi, r = self._span()
        frac = (pos.x() - r.left()) / r.width()
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            frac = 1 - frac
        self.model.centre_on(lo + frac * (hi - lo))

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._go(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._go(event.position())


class TimelineView(LinkedView):
    # Incidents, their actors (lanes by actor, scope) and places (scope).
    watches = frozenset({Change.INCIDENTS, Change.INVOLVEMENTS, Change.ACTORS, Change.PLACES})

    def __init__(self, ctx: CaseContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        selection = ctx.selection
        self.model = TimelineModel(ctx.runner, ctx.case, self)
        self.scope: Focus | None = None  # the actor or place the timeline is limited to
        self.canvas = TimelineCanvas(self.model)
        self.canvas.latin = self.latin
        self.strip = DensityStrip(self.model)
        self._build_toolbar()
        self.lay_out(self.canvas, self.strip, spacing=2)
        self.canvas.incident_clicked.connect(lambda i: selection.select(Ref("incident", i)))
        self.canvas.actor_clicked.connect(lambda i: selection.select(Ref("actor", i)))
        self.model.data_changed.connect(self._update_status)
        self.model.loading.connect(lambda _b: self._update_status())
        self.link()
        self.model.filters = self.filters
        self.model.reload(fit=True)
        if self.tracker.focus is not None:
            self.follow(self.tracker.focus)

    def _build_toolbar(self) -> None:
        self.lane_label = QLabel()
        self.lane_by = QComboBox()
        self.lane_by.addItems(["", ""])
        self.lane_by.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.lane_by.currentIndexChanged.connect(
            lambda i: self.model.set_lane_by("actor" if i == 1 else "type"))
        self.zoom_in = tool_button("mdi6.magnify-plus-outline", lambda: self.model.zoom(2))
        self.zoom_out = tool_button("mdi6.magnify-minus-outline", lambda: self.model.zoom(0.5))
        self.fit = tool_button("mdi6.fit-to-screen-outline", self.model.fit)
        self.scope_label = QLabel()
        self.scope_clear = tool_button("mdi6.close", self.clear_scope)
        self.fill_toolbar(self.lane_label, self.lane_by, self.zoom_in, self.zoom_out, self.fit,
                          12, self.scope_label, self.scope_clear)

    def retranslate(self) -> None:
        self.lane_label.setText(self.tr("Lanes:"))
        self.lane_by.setItemText(0, self.tr("By type"))
        self.lane_by.setItemText(1, self.tr("By actor"))
        self.zoom_in.setToolTip(self.tr("Zoom in (wheel up)"))
        self.zoom_out.setToolTip(self.tr("Zoom out (wheel down)"))
        self.fit.setToolTip(self.tr("Show the whole case"))
        self.scope_clear.setToolTip(self.tr("Show all incidents"))
        self._update_scope_label()
        self._update_status()

    def reload(self) -> None:
        self.model.reload()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.strip.update()

    # --- following the selection ------------------------------------------------

    def follow(self, focus: Focus | None) -> None:
        """Actor or place: only their incidents. Incident: show it, keeping a scope it
        belongs to. Source: highlight what it reports."""
        canvas = self.canvas
        canvas.selected, canvas.highlight = None, frozenset()
        if focus is None:
            canvas.update()
            return
        if focus.kind in ("actor", "place"):
            self.scope = focus
        elif focus.kind == "incident":
            canvas.selected = focus.id
            if self.scope is not None and focus.id not in self.scope.incident_ids:
                self.scope = None
            if focus.span:
                self.model.show_span(*focus.span)
        elif focus.kind == "source":
            canvas.highlight = focus.incident_ids
            self.scope = None
        self._apply()

    def clear_scope(self) -> None:
        self.scope = None
        self._apply()

    def set_filters(self, filters: ViewFilters) -> None:
        self.filters = filters
        self._apply()

    def _apply(self) -> None:
        scope = self.scope
        filters = self.filters
        if scope is not None and scope.kind == "actor":
            filters = filters.scoped(actor_id=scope.id)
        elif scope is not None and scope.kind == "place":
            filters = filters.scoped(place_ids=scope.scope_place_ids)
        self.model.set_filters(filters, fit=scope is not None and self.canvas.selected is None)
        self._update_scope_label()
        self.canvas.update()

    @property
    def scope_ref(self) -> Ref | None:
        return Ref(self.scope.kind, self.scope.id) if self.scope else None

    def set_latin(self, on: bool) -> None:
        self.latin = on
        self.canvas.latin = on
        self._update_scope_label()
        self.canvas.update()

    def _update_scope_label(self) -> None:
        scope = self.scope
        self.scope_label.setVisible(scope is not None)
        self.scope_clear.setVisible(scope is not None)
        if scope is None:
            return
        name = (scope.label_latin or scope.label) if self.canvas.latin else scope.label
        text = (self.tr("Incidents involving %1") if scope.kind == "actor"
                else self.tr("Incidents at %1"))
        self.scope_label.setText(text.replace("%1", name))

    def _update_status(self) -> None:
        overview, window = self.model.overview, self.model.window
        if overview is None:
            self.status.setText(self.tr("Loading…"))
            return
        parts = [self.tr("%1 incidents").replace("%1", fmt.number(overview.extent.dated))]
        if overview.extent.undated:
            parts.append(self.tr("%1 undated").replace("%1", fmt.number(overview.extent.undated)))
        if window is not None and window.items is None:
            parts.append(self.tr("counts per period"))
        if self.model.busy:
            parts.append("…")
        self.status.setText(" · ".join(parts))
