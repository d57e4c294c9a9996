"""The painted timeline: lane headers, time axis, and incidents or counts per lane.

Painted directly rather than as QGraphicsItems so its cost follows the screen:
a window holds at most ``ITEM_LIMIT`` incidents, otherwise a bar per couple of
pixels. Time runs in the reading direction: right to left in Arabic.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QLinearGradient,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from casefile.queries import Lane, TimelineItem
from ui.core import formatting as fmt
from ui.core import vocabulary as vocab
from ui.linked.timeline_axis import ticks
from ui.linked.timeline_model import TimelineModel

HEADER_W = 190
AXIS_H = 30
MIN_LANE_H = 18
MAX_LANE_H = 72
MAX_ROWS = 3
MIN_BAR_PX = 5


@dataclass
class Hit:
    rect: QRectF
    kind: str  # "item", "bin", "lane"
    item: TimelineItem | None = None
    lane: Lane | None = None
    count: int = 0
    first: int = 0
    after: int = 0


def lane_colour(lane: Lane) -> QColor:
    if lane.actor_kind:
        return vocab.kind_colour(lane.actor_kind)
    if lane.key.startswith("type:"):
        return vocab.type_colour(lane.key[5:])
    return QColor("#888888")


def lane_label(lane: Lane, latin: bool = False) -> str:
    if lane.key == "other":
        return vocab.other()
    if lane.key.startswith("type:"):
        return vocab.incident_type(lane.key[5:])
    return (lane.label_latin or lane.label) if latin else lane.label


class TimelineCanvas(QWidget):
    incident_clicked = Signal(int)
    actor_clicked = Signal(int)

    def __init__(self, model: TimelineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.selected: int | None = None
        self.highlight: frozenset[int] = frozenset()
        self.latin = False
        self._hits: list[Hit] = []
        self._press: QPointF | None = None
        self._press_start = 0.0
        self._dragged = False
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(AXIS_H + 3 * MIN_LANE_H)
        model.data_changed.connect(self.update)
        model.view_changed.connect(self.update)

    # --- geometry -------------------------------------------------------------

    @property
    def rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def plot_rect(self) -> QRectF:
        w, h = self.width(), self.height()
        left = 0 if self.rtl else HEADER_W
        return QRectF(left, AXIS_H, max(10, w - HEADER_W), h - AXIS_H)

    def mapping(self) -> tuple[float, float]:
        """x = origin + (day - view_start) * scale, with scale < 0 right to left."""
        plot = self.plot_rect()
        if self.rtl:
            return plot.right(), -1.0 / self.model.days_per_px
        return plot.left(), 1.0 / self.model.days_per_px

    def x_of(self, day: float) -> float:
        origin, scale = self.mapping()
        return origin + (day - self.model.view_start) * scale

    def day_at(self, x: float) -> float:
        plot = self.plot_rect()
        offset = plot.right() - x if self.rtl else x - plot.left()
        return self.model.view_start + offset * self.model.days_per_px

    def lane_height(self) -> float:
        n = max(1, len(self.model.lanes))
        return max(MIN_LANE_H, min(MAX_LANE_H, (self.height() - AXIS_H) / n))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.model.set_width(int(self.plot_rect().width()))
        super().resizeEvent(event)

    # --- painting -------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        self._hits = []
        plot = self.plot_rect()
        if not self.model.lanes and not self.model.busy:
            self._paint_empty(p)  # no axis: an empty case has no dates to draw one from
            p.end()
            return
        self._paint_axis(p, plot)
        lane_h = self.lane_height()
        window = self.model.window
        for i, lane in enumerate(self.model.lanes):
            top = AXIS_H + i * lane_h
            if i % 2:
                p.fillRect(QRectF(0, top, self.width(), lane_h), self.palette().alternateBase())
            self._paint_header(p, lane, top, lane_h)
            p.save()
            p.setClipRect(QRectF(plot.left(), top, plot.width(), lane_h))
            if window is not None and window.items is not None:
                self._paint_items(p, lane, top, lane_h, window.items)
            elif window is not None and window.bins is not None:
                self._paint_bins(p, lane, top, lane_h, window.bins.get(lane.key, {}),
                                 window.start, window.bin_days)
            p.restore()
        p.end()

    def _paint_empty(self, p: QPainter) -> None:
        overview = self.model.overview
        if overview is not None and overview.extent.dated == 0 and not overview.extent.undated:
            text = self.tr("Nothing on the timeline yet.\nIncidents appear here by date once "
                           "you accept them: review the proposed incidents (Review queue, or "
                           "Review by name → Incidents), or select a passage of a document "
                           "and create an incident from it.")
        else:
            text = self.tr("No dated incidents here.\nClear the filters or the actor or place "
                           "the timeline follows, or give the undated incidents a date.")
        p.setPen(self.palette().placeholderText().color())
        box = self.rect().adjusted(40, 20, -40, -20)
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), text)

    def _paint_axis(self, p: QPainter, plot: QRectF) -> None:
        grid = QColor(self.palette().mid().color())
        grid.setAlpha(70)
        p.setPen(self.palette().text().color())
        for tick in ticks(self.model.view_start, self.model.view_end, self.model.days_per_px):
            x = self.x_of(tick.day)
            if not plot.left() <= x <= plot.right():
                continue
            p.setPen(QPen(grid, 1.5 if tick.major else 1))
            p.drawLine(QPointF(x, AXIS_H - 6), QPointF(x, self.height()))
            p.setPen(self.palette().text().color())
            align = Qt.AlignmentFlag.AlignRight if self.rtl else Qt.AlignmentFlag.AlignLeft
            box = QRectF(x - 200, 2, 197, AXIS_H - 8) if self.rtl else QRectF(x + 3, 2, 200,
                                                                                  AXIS_H - 8)
            p.drawText(box, align | Qt.AlignmentFlag.AlignVCenter, tick.label)

    def _paint_header(self, p: QPainter, lane: Lane, top: float, h: float) -> None:
        x = self.width() - HEADER_W if self.rtl else 0
        rect = QRectF(x + 8, top, HEADER_W - 14, h)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(lane_colour(lane))
        mark_x = rect.right() - 8 if self.rtl else rect.left()
        p.drawRoundedRect(QRectF(mark_x, top + h / 2 - 4, 8, 8), 2, 2)
        text_rect = rect.adjusted(0 if self.rtl else 14, 0, -14 if self.rtl else 0, 0)
        p.setPen(self.palette().text().color())
        label = QFontMetrics(self.font()).elidedText(lane_label(lane, self.latin),
                                                     Qt.TextElideMode.ElideRight,
                                                     int(text_rect.width()))
        draw_text(p, text_rect, label, leading=not self.rtl)
        self._hits.append(Hit(QRectF(x, top, HEADER_W, h), "lane", lane=lane))

    def _paint_items(self, p: QPainter, lane: Lane, top: float, h: float,
                     items: list[TimelineItem]) -> None:
        mine = [it for it in items if lane.key in it.lanes]
        row_ends: list[float] = []
        placed: list[tuple[int, TimelineItem, float, float, bool]] = []
        origin, scale = self.mapping()
        vs = self.model.view_start
        for it in mine:  # greedy rows so overlapping incidents stay apart
            a, b = origin + (it.start - vs) * scale, origin + (it.end - vs) * scale
            x0, x1 = (a, b) if a <= b else (b, a)
            if x1 - x0 < MIN_BAR_PX:
                mid = (x0 + x1) / 2
                x0, x1 = mid - MIN_BAR_PX / 2, mid + MIN_BAR_PX / 2
            row = next((r for r, end in enumerate(row_ends) if end + 1 < x0), None)
            labelled = True
            if row is None:
                row = len(row_ends) if len(row_ends) < MAX_ROWS else len(row_ends) - 1
                if row == len(row_ends):
                    row_ends.append(x1)
                else:  # rows full: drawn over another bar, its title would garble that one's
                    labelled = False
            row_ends[row] = max(row_ends[row], x1)
            placed.append((row, it, x0, x1, labelled))
        rows = max(1, len(row_ends))
        row_h = (h - 6) / rows
        dim = bool(self.highlight) or self.selected is not None
        metrics = QFontMetrics(self.font())
        for row, it, x0, x1, labelled in placed:
            rect = QRectF(x0, top + 3 + row * row_h, x1 - x0, row_h - 2)
            self._paint_item(p, it, rect, dim, metrics, labelled)
            self._hits.append(Hit(rect, "item", item=it, lane=lane))

    def _paint_item(self, p: QPainter, it: TimelineItem, rect: QRectF, dim: bool,
                    metrics: QFontMetrics, labelled: bool = True) -> None:
        colour = vocab.type_colour(it.type)
        chosen = it.id == self.selected or it.id in self.highlight
        alpha = 255 if chosen or not dim else 70
        fill = QColor(colour)
        if it.precision == "approximate":  # fades out at both ends: the date is not exact
            grad = QLinearGradient(rect.left(), 0, rect.right(), 0)
            edge = QColor(colour)
            edge.setAlpha(0)
            fill.setAlpha(int(alpha * 0.8))
            grad.setColorAt(0, edge)
            grad.setColorAt(0.5, fill)
            grad.setColorAt(1, edge)
            p.setBrush(grad)
            pen = QPen(colour, 1, Qt.PenStyle.DashLine)
        elif it.precision in ("month", "year"):  # lighter: somewhere within the period
            fill.setAlpha(int(alpha * 0.45))
            p.setBrush(fill)
            border = QColor(colour)
            border.setAlpha(alpha)
            pen = QPen(border, 1)
        else:
            fill.setAlpha(alpha)
            p.setBrush(fill)
            pen = QPen(Qt.PenStyle.NoPen)
        if chosen:
            pen = QPen(self.palette().text().color(), 2)
        p.setPen(pen)
        p.drawRoundedRect(rect, 3, 3)
        if labelled and rect.width() > 70 and rect.height() >= 14:
            p.setPen(self.palette().text().color() if it.precision != "day"
                     else QColor("white"))
            inner = rect.adjusted(4, 0, -4, 0)
            text = metrics.elidedText(it.title, Qt.TextElideMode.ElideRight, int(inner.width()))
            draw_text(p, inner, text)

    def _paint_bins(self, p: QPainter, lane: Lane, top: float, h: float, bins: dict[int, int],
                    start: int, bin_days: float) -> None:
        if not bins:
            return
        # One drawRects call per lane, no per-bin objects beyond the rectangles: this is
        # the path that must stay fast at 100,000 incidents. Hits are computed on demand.
        origin, scale = self.mapping()
        plot = self.plot_rect()
        lo, hi = plot.left(), plot.right()
        vs = self.model.view_start
        width = abs(bin_days * scale)
        bar_w = max(1.0, width - 0.3)
        peak = max(bins.values())
        usable = h - 6
        base = top + h - 3
        rects = []
        for b, n in bins.items():
            x0 = origin + (start + b * bin_days - vs) * scale
            if scale < 0:
                x0 -= width
            if x0 + width < lo or x0 > hi:
                continue
            bar_h = max(2.0, usable * (n / peak) ** 0.5)  # sqrt: quiet periods stay visible
            rects.append(QRectF(x0, base - bar_h, bar_w, bar_h))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(lane_colour(lane))
        p.drawRects(rects)

    def _bin_hit(self, pos: QPointF) -> Hit | None:
        window = self.model.window
        if window is None or window.bins is None or not self.plot_rect().contains(pos):
            return None
        lane_h = self.lane_height()
        index = int((pos.y() - AXIS_H) // lane_h)
        if not 0 <= index < len(self.model.lanes):
            return None
        lane = self.model.lanes[index]
        b = int((self.day_at(pos.x()) - window.start) // window.bin_days)
        for near in (b, b - 1, b + 1):  # a bar is at least a pixel wide: forgive a pixel
            count = window.bins.get(lane.key, {}).get(near)
            if count:
                first = window.start + near * window.bin_days
                rect = QRectF(pos.x() - 1, AXIS_H + index * lane_h, 2, lane_h)
                return Hit(rect, "bin", lane=lane, count=count, first=int(first),
                           after=int(first + window.bin_days) + 1)
        return None

    # --- interaction ------------------------------------------------------------

    def hit_at(self, pos: QPointF) -> Hit | None:
        for hit in reversed(self._hits):  # topmost (last painted) first
            if hit.rect.contains(pos):
                return hit
        return self._bin_hit(pos)

    def item_rect(self, incident_id: int) -> QRectF | None:
        """Where an incident is drawn (for tests and for scrolling to it)."""
        for hit in self._hits:
            if hit.kind == "item" and hit.item and hit.item.id == incident_id:
                return hit.rect
        return None

    def tooltip_html(self, hit: Hit) -> str:
        if hit.kind == "item" and hit.item:
            it = hit.item
            parts = [f"<b>{_esc(it.title)}</b>",
                     _esc(fmt.incident_date(it.date_start, it.date_end, it.precision)),
                     _esc(" · ".join(filter(None, [vocab.incident_type(it.type),
                                                   vocab.subtype(it.subtype)])))]
            if it.place:
                parts.append(_esc(it.place))
            if it.precision != "day":
                parts.append(_esc(self.tr("Date precision: %1").replace(
                    "%1", vocab.precision(it.precision))))
            return "<br>".join(parts)
        if hit.kind == "bin" and hit.lane:
            return (f"<b>{_esc(lane_label(hit.lane, self.latin))}</b><br>"
                    + _esc(self.tr("%1 incidents").replace("%1", fmt.number(hit.count)))
                    + "<br>" + _esc(fmt.period(hit.first, hit.after)))
        if hit.kind == "lane" and hit.lane:
            return f"<b>{_esc(lane_label(hit.lane, self.latin))}</b>"
        return ""

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        pos = event.position()
        if self._press is not None:
            dx = pos.x() - self._press.x()
            if abs(dx) > 3:
                self._dragged = True
            if self._dragged:
                sign = 1 if self.rtl else -1
                self.model.set_view(self._press_start + sign * dx * self.model.days_per_px,
                                    self.model.days_per_px)
            return
        hit = self.hit_at(pos)
        if hit is None:
            QToolTip.hideText()
            self.setCursor(Qt.CursorShape.ArrowCursor)
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        QToolTip.showText(event.globalPosition().toPoint(), self.tooltip_html(hit), self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_start = self.model.view_start
            self._dragged = False
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        dragged, self._press = self._dragged, None
        self.setCursor(Qt.CursorShape.ArrowCursor)
        if dragged:
            return
        hit = self.hit_at(event.position())
        if hit is None:
            return
        if hit.kind == "item" and hit.item:
            self.incident_clicked.emit(hit.item.id)
        elif hit.kind == "bin":  # a count: look closer
            self.model.set_view((hit.first + hit.after) / 2 - self.model.width
                                * self.model.days_per_px / 8, self.model.days_per_px / 4)
        elif hit.kind == "lane" and hit.lane and hit.lane.actor_id is not None:
            self.actor_clicked.emit(hit.lane.actor_id)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        delta = event.angleDelta()
        if delta.y() and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            factor = 1.25 ** (delta.y() / 120)
            self.model.zoom(factor, self.day_at(event.position().x()))
        else:
            steps = (delta.x() or delta.y()) / 120
            self.model.pan_days(-steps * 60 * self.model.days_per_px)
        event.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        key = event.key()
        step = 80 * self.model.days_per_px * (-1 if self.rtl else 1)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.model.zoom(1.5)
        elif key == Qt.Key.Key_Minus:
            self.model.zoom(1 / 1.5)
        elif key == Qt.Key.Key_Left:
            self.model.pan_days(-step)
        elif key == Qt.Key.Key_Right:
            self.model.pan_days(step)
        elif key == Qt.Key.Key_Home:
            self.model.fit()
        else:
            super().keyPressEvent(event)


def is_rtl(text: str) -> bool:
    """Direction of a title by its first strong character, as the bidi algorithm would."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def draw_text(p: QPainter, rect: QRectF, text: str, leading: bool | None = None) -> None:
    """Text in its own direction («حادثة رقم 12» keeps its number at the end) whatever
    the interface's, vertically centred; it starts where its script starts (right for
    Arabic) unless ``leading`` pins it to the left (True) or right (False) of ``rect``."""
    if leading is None:
        side = Qt.AlignmentFlag.AlignLeft
    else:
        side = Qt.AlignmentFlag.AlignAbsolute | (
            Qt.AlignmentFlag.AlignLeft if leading else Qt.AlignmentFlag.AlignRight)
    option = QTextOption(Qt.AlignmentFlag.AlignVCenter | side)
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if is_rtl(text)
                            else Qt.LayoutDirection.LeftToRight)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    p.drawText(rect, text, option)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
