"""Images (PNG, JPEG, TIFF, WebP; the photos of a Telegram export): text by OCR.

Each frame is a page (a multi-page TIFF scan is a document). An image that
cannot be read by OCR is still evidence: it is imported with no text and the
reason (too large, no text found, Tesseract missing); only a damaged file is
refused.
"""

from __future__ import annotations

from casefile.importing.readers.base import ReadError, ReadResult, finish
from casefile.importing.readers.ocr import OcrOptions, OcrUnavailable, check_available
from casefile.importing.readers.ocr_pages import (
    PageRecord,
    assemble,
    ocr_pages,
    ocr_record,
    ocr_summary,
)
from casefile.importing.readers.page_images import (
    PageImageError,
    frame_count,
    image_frame,
    open_image,
)

MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "MPO": "image/jpeg",
               "TIFF": "image/tiff", "WEBP": "image/webp"}  # fmt: skip
MAX_FRAMES = 500


def _named(data: bytes) -> str:
    """The format by its magic bytes, to name a file that cannot even be opened."""
    for magic, name in ((b"\x89PNG", "PNG"), (b"\xff\xd8", "JPEG"), (b"II*", "TIFF"),
                        (b"MM\x00*", "TIFF"), (b"RIFF", "WebP")):  # fmt: skip
        if data.startswith(magic):
            return name
    return "image"


def read_image(data: bytes, filename: str, ocr: OcrOptions | None = None) -> ReadResult:
    ocr = ocr or OcrOptions()
    image = None
    try:
        image = open_image(data)
        kind = image.format or _named(data)
        if kind not in MEDIA_TYPES:
            raise ReadError(f"unsupported file type: a {kind} image")
        frames = frame_count(image)
        if frames > MAX_FRAMES:
            raise ReadError(f"the {kind} has {frames} pages; the limit is {MAX_FRAMES}")
        first = image_frame(image, 0)  # a file whose first page is damaged is refused
    except PageImageError as error:
        what = image.format if image is not None and image.format else _named(data)
        message = str(error)
        if "too large" in message:
            return _without_text(MEDIA_TYPES.get(what, "image/" + what.lower()), frames_of(image),
                                 message, "no_text", ocr)  # fmt: skip
        raise ReadError(message.replace("the image", f"the {what}", 1)) from None
    media_type = MEDIA_TYPES[kind]
    size = {"width": first.width, "height": first.height}
    if not ocr.enabled:
        return _without_text(media_type, frames, "OCR is turned off for this import",
                             "no_text", ocr, size)  # fmt: skip
    try:
        check_available(ocr)
    except OcrUnavailable as error:
        return _without_text(media_type, frames, str(error), "ocr_unavailable", ocr, size)

    def load(index: int):
        if index == 0:
            return first, None
        try:
            return image_frame(image, index), None
        except PageImageError as error:
            raise ReadError(f"the {kind} is damaged at page {index + 1}: "
                            f"{str(error).removeprefix('the image is damaged: ')}") from None

    loaders = ((i + 1, lambda i=i: load(i)) for i in range(frames))
    records = [ocr_record(number, result, None)
               for number, result in ocr_pages(loaders, frames, ocr)]  # fmt: skip
    text = assemble(records)
    summary = ocr_summary(records, ocr.languages)
    status = "ok" if text else "no_text"
    if not text:
        summary["reason"] = "; ".join(sorted({r.note for r in records if r.note})) or \
            "OCR found no text"
    return finish(ReadResult(
        text=text, media_type=media_type, status=status,
        metadata={"pages": frames, **size, "ocr": summary},
        pages=sorted(records, key=lambda r: r.number),
    ))  # fmt: skip


def frames_of(image) -> int:
    return frame_count(image) if image is not None else 1


def _without_text(media_type: str, frames: int, reason: str, status: str, ocr: OcrOptions,
                  size: dict | None = None) -> ReadResult:  # fmt: skip
    """Kept as evidence with no text, saying why."""
    return finish(ReadResult(
        text="", media_type=media_type, status=status,
        metadata={"pages": frames, **(size or {}),
                  "ocr": {"languages": ocr.languages, "pages": [], "reason": reason}},
        pages=[PageRecord(n, "none", note=reason) for n in range(1, frames + 1)],
    ))  # fmt: skip
