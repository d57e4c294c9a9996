"""The settings of OCR for one import: plain values, so they cross to the reader process.

Kept apart from ``ocr`` (which imports pytesseract and Pillow) so the import
pipeline, the CLI and the UI name them without loading the OCR stack; only the
reader worker does. Progress and cancel are not settings: the worker reports
pages through ``page_progress`` and the parent cancels by stopping the worker.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass

DEFAULT_LANGUAGES = "ara+eng"
DEFAULT_PAGE_SECONDS = 180.0


@dataclass(frozen=True)
class OcrOptions:
    """How one import runs OCR."""

    languages: str = DEFAULT_LANGUAGES
    enabled: bool = True
    page_seconds: float = DEFAULT_PAGE_SECONDS
    workers: int = 0  # 0: one per core
    tesseract: str | None = None  # command or path; default $CASEFILE_TESSERACT or "tesseract"

    def command(self) -> str:
        return self.tesseract or os.environ.get("CASEFILE_TESSERACT") or "tesseract"

    def worker_count(self) -> int:
        return self.workers or max(1, min(os.cpu_count() or 1, 4))


# Told (0, pages total) as OCR starts on the file being read, then (pages done, pages
# total) as it finishes each page; the reader worker sets it to send a progress message
# to the parent.
page_progress: ContextVar[Callable[[int, int], None] | None] = ContextVar(
    "page_progress", default=None
)
