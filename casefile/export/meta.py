"""What every export says about itself: case, analyst, date, marking, page size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .labels import format_date

DEFAULT_MARKING = "سري / CONFIDENTIAL"
PAGE_SIZES = ("A4", "Letter")


@dataclass(frozen=True)
class ExportMeta:
    case_name: str
    analyst: str
    marking: str = DEFAULT_MARKING
    page_size: str = "A4"
    exported_at: dt.datetime = field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))

    @property
    def exported_on(self) -> str:
        return format_date(self.exported_at.date(), "day")
