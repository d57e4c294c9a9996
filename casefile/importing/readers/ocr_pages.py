"""Pages read by OCR, in parallel, and how each page's words land in the source's text.

``ocr_pages`` runs one Tesseract per core over a document's pages; ``ocr_record``
turns a page into its text with each word's offsets; ``assemble`` joins the pages
into the source's text and moves the offsets there (stored as ``SourcePage``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from PIL import Image

from casefile.importing.readers.base import clean_text
from casefile.importing.readers.ocr import OcrOptions, PageOcr, ocr_image
from casefile.importing.readers.ocr_options import page_progress


def ocr_pages(
    pages: Iterable[tuple[int, Callable[[], tuple[Image.Image, int | None]]]],
    total: int,
    options: OcrOptions,
) -> Iterator[tuple[int, PageOcr]]:
    """OCR pages in parallel, yielding ``(number, result)`` as each finishes.

    Each page is loaded (``load() -> (image or a reason it cannot be, dpi)``) in the
    calling thread, because
    PDFium must not be used from two threads; at most one page per worker waits in
    memory. Each finished page is told to ``page_progress`` (the reader worker passes
    it on to the import, which may cancel by stopping the worker).
    """
    done = 0
    progress = page_progress.get()
    if progress is not None:
        progress(0, total)  # OCR starts: from here the time limit is per page
    workers = options.worker_count()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        running: dict[Future, int] = {}

        def finished(block: bool) -> Iterator[tuple[int, PageOcr]]:
            nonlocal done
            ready, _ = wait(list(running), timeout=None if block else 0,
                            return_when=FIRST_COMPLETED)  # fmt: skip
            for future in ready:
                number = running.pop(future)
                done += 1
                if progress is not None:
                    progress(done, total)
                yield number, future.result()

        try:
            for number, load in pages:
                image, dpi = load()
                if isinstance(image, str):  # the page could not be loaded: the reason
                    done += 1
                    yield number, PageOcr([], 0, 0, None, image)
                    continue
                running[pool.submit(ocr_image, image, options, dpi)] = number
                del image
                while len(running) >= workers:
                    yield from finished(block=True)
            while running:
                yield from finished(block=True)
        except BaseException:
            for future in running:
                future.cancel()
            raise


@dataclass
class PageRecord:
    """How one page of a source was read (stored as a ``SourcePage``)."""

    number: int
    route: str  # "text" | "ocr" | "none"
    text: str = ""
    confidence: float | None = None
    image_width: int | None = None
    image_height: int | None = None
    dpi: int | None = None
    note: str | None = None
    start: int = 0
    end: int = 0
    # [start, end, left, top, width, height, confidence], offsets in this page's text
    # until ``assemble`` moves them into the source's text.
    words: list[list] = field(default_factory=list)


def ocr_record(number: int, page: PageOcr, dpi: int | None) -> PageRecord:
    """A page record with the page's text and each word's offsets in it."""
    parts: list[str] = []
    words: list[list] = []
    length = 0
    for paragraph in page.paragraphs:
        if parts:
            parts.append("\n")
            length += 1
        for k, word in enumerate(paragraph):
            if k:
                parts.append(" ")
                length += 1
            words.append([length, length + len(word.text), word.left, word.top, word.width,
                          word.height, round(word.confidence, 1)])  # fmt: skip
            parts.append(word.text)
            length += len(word.text)
    return PageRecord(
        number, "ocr" if page.has_text else "none", "".join(parts), page.confidence,
        page.width, page.height, dpi, page.note, words=words,
    )  # fmt: skip


def assemble(records: list[PageRecord]) -> str:
    """The source's text (pages with text, a blank line between them); sets each
    record's span and moves its word offsets into that text."""
    parts: list[str] = []
    offset = 0
    for record in sorted(records, key=lambda r: r.number):
        text = clean_text(record.text).strip()
        if text != record.text:
            record.words = []  # offsets would not match; a text layer has none anyway
        if not text:
            record.start = record.end = offset
            continue
        if parts:
            parts.append("\n\n")
            offset += 2
        record.start, record.end = offset, offset + len(text)
        for word in record.words:
            word[0] += offset
            word[1] += offset
        parts.append(text)
        offset += len(text)
    return "".join(parts)


def ocr_summary(records: list[PageRecord], languages: str) -> dict:
    """What a source says about its OCR (kept in ``Source.meta["ocr"]``)."""
    read = [r for r in records if r.route == "ocr"]
    weight = sum(r.end - r.start for r in read)
    confidence = (
        round(sum((r.confidence or 0) * (r.end - r.start) for r in read) / weight, 1)
        if weight
        else None
    )
    return {
        "languages": languages,
        "pages": [r.number for r in read],
        "confidence": confidence,
        "notes": {str(r.number): r.note for r in records if r.note},
    }
