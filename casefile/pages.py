"""Pages of a source for the viewer: how each was read, its word boxes, its image (rendered
again by the readers' page renderer, as OCR saw it)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, undefer

from .db import models as m
from .importing.readers.page_images import (
    PageImageError,
    image_frame,
    open_image,
    page_png,
    render_pdf_page,
)


@dataclass(frozen=True)
class PageData:
    number: int
    route: str  # "text" | "ocr" | "none"
    confidence: float | None
    start: int
    end: int
    image_width: int | None
    image_height: int | None
    note: str
    words: list[list] = field(default_factory=list)  # [start, end, left, top, width, height, conf]

    def boxes(self, start: int, end: int) -> list[tuple[int, int, int, int]]:
        """Boxes (left, top, width, height) of the words that overlap [start, end)."""
        starts = [w[0] for w in self.words]
        first = max(bisect.bisect_right(starts, start) - 1, 0)
        out = []
        for word in self.words[first:]:
            if word[0] >= end:
                break
            if word[1] > start:
                out.append((word[2], word[3], word[4], word[5]))
        return out


def source_pages(session: Session, source_id: int) -> list[PageData]:
    rows = session.scalars(
        select(m.SourcePage).where(m.SourcePage.source_id == source_id)
        .options(undefer(m.SourcePage.words)).order_by(m.SourcePage.number)
    ).all()  # fmt: skip
    return [
        PageData(r.number, r.route, r.confidence, r.start, r.end, r.image_width,
                 r.image_height, r.note or "", sorted(r.words or [], key=lambda w: w[0]))
        for r in rows
    ]  # fmt: skip


def page_at(pages: list[PageData], index: int) -> PageData | None:
    """The page whose text holds character ``index``; between pages, the next one."""
    for page in pages:
        if index < page.end or (page.start == page.end and index <= page.start):
            return page
    return pages[-1] if pages else None


def page_image(session: Session, source_id: int, number: int, max_width: int = 1400) -> bytes:
    """Page ``number`` of a source as PNG, at most ``max_width`` pixels wide: the PDF page
    rendered again from the original, or the image file's frame."""
    source = session.get(m.Source, source_id)
    if source is None:
        raise LookupError(f"Source {source_id} no longer exists.")
    data = source.original
    try:
        if source.media_type == "application/pdf":
            image, _ = render_pdf_page(data, number, dpi=150)
        else:
            image = image_frame(open_image(data), number - 1)
    except PageImageError as error:
        raise LookupError(f"Page {number} cannot be shown: {error}") from None
    return page_png(image, max_width)
