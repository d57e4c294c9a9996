"""Tick marks for the time axis: days, months or years, whichever fits the zoom."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ui.core import formatting as fmt

# (unit, step, approximate length in days), finest first
STEPS = [("day", 1, 1), ("day", 2, 2), ("day", 7, 7), ("month", 1, 30.44),
         ("month", 3, 91.3), ("month", 6, 182.6), ("year", 1, 365.25), ("year", 2, 730.5),
         ("year", 5, 1826), ("year", 10, 3652), ("year", 20, 7305), ("year", 50, 18262),
         ("year", 100, 36525)]


@dataclass(frozen=True)
class Tick:
    day: int
    label: str
    major: bool


def choose_step(days_per_px: float, min_px: float = 90) -> tuple[str, int]:
    for unit, step, days in STEPS:
        if days / days_per_px >= min_px:
            return unit, step
    return STEPS[-1][0], STEPS[-1][1]


def ticks(start: float, end: float, days_per_px: float, min_px: float = 90) -> list[Tick]:
    unit, step = choose_step(days_per_px, min_px)
    first = fmt.from_ordinal(int(start))
    last = fmt.from_ordinal(int(end) + 1)
    out: list[Tick] = []
    if unit == "day":
        d = first.toordinal() - first.toordinal() % step
        while d <= last.toordinal():
            date = dt.date.fromordinal(max(1, d))
            show_month = not out or date.day <= step
            label = fmt.locale().toString(fmt.qdate(date), "d MMM" if show_month else "d")
            out.append(Tick(d, label, date.day <= step))
            d += step
    elif unit == "month":
        y, mo = first.year, first.month
        while (y, mo) <= (last.year, last.month):
            if (mo - 1) % step == 0:
                date = dt.date(y, mo, 1)
                fmt_ = "MMM yyyy" if mo == 1 or not out else "MMM"
                out.append(Tick(date.toordinal(), fmt.locale().toString(fmt.qdate(date), fmt_),
                                mo == 1))
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    else:
        y = first.year - first.year % step
        while y <= last.year:
            if 1 <= y <= 9999:
                date = dt.date(y, 1, 1)
                out.append(Tick(date.toordinal(), fmt.year(date), y % (step * 5) == 0))
            y += step
    return out
