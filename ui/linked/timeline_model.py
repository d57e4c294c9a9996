"""The timeline's state: what is asked for (filters, scope, lanes, the visible days) and
what came back (extent, lanes, density, the window of items or counts).

Zooming and panning only change the visible range; a new window is fetched
when the view leaves the fetched one (a screen's width is fetched on each
side) or when the zoom changes enough that the bins no longer match pixels.
Until it arrives, the old window is drawn at the new scale, so the view never
waits on the database to move.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session

from casefile.db.case import Case
from casefile.queries import (
    Extent,
    Lane,
    TimelineWindow,
    ViewFilters,
    density,
    timeline_extent,
    timeline_lanes,
    timeline_window,
)
from ui.core.operations import OperationRunner
from ui.core.view_query import LatestQuery

BIN_PX = 2  # one aggregated bar per two pixel columns
ITEM_LIMIT = 1500  # above this many incidents in a window, draw counts
DENSITY_BINS = 400
MIN_DAYS_PER_PX = 1 / 80  # a day 80 px wide
MAX_SPAN_DAYS = 365.25 * 120  # a screen shows at most a bit more than a century
MAX_LANES = 12


@dataclass(frozen=True)
class Overview:
    extent: Extent
    lanes: list[Lane]
    density: list[int]
    density_range: tuple[int, int]


class TimelineModel(QObject):
    data_changed = Signal()  # window, lanes or density arrived
    view_changed = Signal()  # visible range moved
    loading = Signal(bool)

    def __init__(self, runner: OperationRunner, case: Case, parent: QObject | None = None):
        super().__init__(parent)
        self.filters = ViewFilters()
        self.lane_by = "type"
        self.overview: Overview | None = None
        self.window: TimelineWindow | None = None
        self.view_start = 0.0  # day number at the leading edge of the plot
        self.days_per_px = 1.0
        self.width = 800  # plot width in pixels
        self._fit_pending = True
        self._overview_query = LatestQuery(runner, case, "timeline overview", self)
        self._window_query = LatestQuery(runner, case, "timeline window", self)
        for q in (self._overview_query, self._window_query):
            q.busy.connect(lambda _b: self.loading.emit(self.busy))
        self._debounce = QTimer(self, singleShot=True, interval=40)
        self._debounce.timeout.connect(self._fetch_window)

    # --- asking ---------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._overview_query.pending or self._window_query.pending

    @property
    def lanes(self) -> list[Lane]:
        return self.overview.lanes if self.overview else []

    @property
    def view_end(self) -> float:
        return self.view_start + self.width * self.days_per_px

    def set_filters(self, filters: ViewFilters, *, fit: bool = False) -> None:
        if filters != self.filters:
            self.filters = filters
            self.reload(fit=fit)

    def set_lane_by(self, lane_by: str) -> None:
        if lane_by != self.lane_by:
            self.lane_by = lane_by
            self.reload()

    def reload(self, *, fit: bool = False) -> None:
        """Ask again for everything (filters, scope, lanes, or the case changed)."""
        self._fit_pending = self._fit_pending or fit
        filters, lane_by = self.filters, self.lane_by

        def work(session: Session) -> Overview:
            extent = timeline_extent(session, filters)
            lanes = timeline_lanes(session, filters, lane_by, MAX_LANES)
            lo, hi = _padded(extent)
            return Overview(extent, lanes, density(session, filters, lo, hi, DENSITY_BINS),
                            (lo, hi))

        self._overview_query.ask(work, self._overview_arrived)

    def _overview_arrived(self, overview: Overview) -> None:
        self.overview = overview
        if self._fit_pending:
            self._fit_pending = False
            self.fit()
        self.window = None
        self._fetch_window()
        self.data_changed.emit()

    def _fetch_window(self) -> None:
        if self.overview is None:
            return
        span = self.view_end - self.view_start
        start = int(self.view_start - span)
        end = int(self.view_end + span) + 1
        bin_days = self.days_per_px * BIN_PX
        filters, lanes, lane_by = self.filters, self.overview.lanes, self.lane_by

        def work(session: Session) -> TimelineWindow:
            return timeline_window(session, filters, lanes, lane_by, max(1, start), end,
                                   bin_days, ITEM_LIMIT)

        self._window_query.ask(work, self._window_arrived)

    def _window_arrived(self, window: TimelineWindow) -> None:
        self.window = window
        self.data_changed.emit()

    def _window_fits(self) -> bool:
        w = self.window
        if w is None or w.start > self.view_start or w.end < self.view_end:
            return False
        if w.items is not None:
            return True
        return 0.6 < w.bin_days / (self.days_per_px * BIN_PX) < 1.6

    # --- moving ---------------------------------------------------------------

    def set_width(self, width: int) -> None:
        width = max(50, width)
        if width != self.width:
            centre = (self.view_start + self.view_end) / 2
            self.width = width
            self.view_start = centre - width * self.days_per_px / 2
            self._moved()

    def set_view(self, start: float, days_per_px: float) -> None:
        days_per_px = min(max(days_per_px, MIN_DAYS_PER_PX), MAX_SPAN_DAYS / self.width)
        self.view_start = max(1.0, start)
        self.days_per_px = days_per_px
        self._moved()

    def zoom(self, factor: float, anchor_day: float | None = None) -> None:
        """Zoom by ``factor`` (> 1 zooms in) keeping ``anchor_day`` under the cursor."""
        anchor = (self.view_start + self.view_end) / 2 if anchor_day is None else anchor_day
        frac = (anchor - self.view_start) / (self.view_end - self.view_start)
        dpp = min(max(self.days_per_px / factor, MIN_DAYS_PER_PX), MAX_SPAN_DAYS / self.width)
        self.set_view(anchor - frac * self.width * dpp, dpp)

    def pan_days(self, days: float) -> None:
        self.set_view(self.view_start + days, self.days_per_px)

    def centre_on(self, day: float) -> None:
        self.set_view(day - self.width * self.days_per_px / 2, self.days_per_px)

    def show_span(self, first: int, after: int) -> None:
        """Make a span visible: centre on it, zooming in when it cannot be told apart
        (the view shows counts, or the span would be a few pixels wide)."""
        visible = self.view_start <= first and after <= self.view_end
        span = max(after - first, 30)
        aggregated = self.window is not None and self.window.items is None
        if aggregated or self.days_per_px * 8 > span:
            self.set_view((first + after) / 2 - span * 1.5, span * 3 / self.width)
        elif not visible:
            self.centre_on((first + after) / 2)

    def fit(self) -> None:
        if self.overview is None or self.overview.extent.first is None:
            return
        lo, hi = _padded(self.overview.extent)
        self.set_view(lo, (hi - lo) / self.width)

    def _moved(self) -> None:
        self.view_changed.emit()
        if not self._window_fits():
            self._debounce.start()


def _padded(extent: Extent) -> tuple[int, int]:
    """The case's days with a margin, at least a month wide."""
    if extent.first is None or extent.last is None:
        today = dt.date.today().toordinal()
        return today - 365, today + 30
    span = max(extent.last - extent.first, 30)
    return max(1, int(extent.first - span * 0.03) - 1), int(extent.last + span * 0.03) + 2
