"""``casefile import --case CASE PATH...``: one JSON line per file on stdout.

Progress goes to stderr so stdout stays machine-readable. Exit 0 when every
file was processed (per-file errors included, they are in the JSON lines),
1 when the case cannot be opened, 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from ..db.case import open_case
from ..importing.pipeline import DEFAULT_SIZE_LIMIT, import_paths
from ..importing.readers.ocr import DEFAULT_LANGUAGES, DEFAULT_PAGE_SECONDS, OcrOptions
from . import EXIT_OK, add_case_argument


def _megabytes(value: str) -> int:
    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of megabytes") from None
    if megabytes <= 0:
        raise argparse.ArgumentTypeError("the size limit must be more than 0 MB")
    return int(megabytes * 1024 * 1024)


def _languages(value: str) -> str:
    parts = value.split("+")
    if not all(part and part.replace("_", "").isalnum() for part in parts):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a list of Tesseract languages such as ara+eng"
        )
    return value


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of seconds") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError("the time limit must be more than 0 s")
    return seconds


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "import",
        help="import files and folders into a case",
        description="Import report files (text, HTML, MHTML, DOCX, ODT, PDF, e-mail, "
        "Telegram export, images); folders are read recursively. Scanned PDF pages and "
        "images are read by OCR (Tesseract). Prints one JSON line per file.",
    )
    add_case_argument(p)
    p.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
    p.add_argument(
        "--size-limit",
        type=_megabytes,
        default=DEFAULT_SIZE_LIMIT,
        metavar="MB",
        help=f"refuse files larger than this (default {DEFAULT_SIZE_LIMIT // (1024 * 1024)} MB)",
    )
    p.add_argument("--user", help="who imports, recorded with each source (default: login name)")
    p.add_argument(
        "--ocr-languages",
        default=DEFAULT_LANGUAGES,
        type=_languages,
        metavar="LANGS",
        help=f"Tesseract models for scans and images, joined by + (default {DEFAULT_LANGUAGES})",
    )
    p.add_argument("--no-ocr", action="store_true", help="do not read scans and images by OCR")
    p.add_argument(
        "--ocr-page-timeout",
        type=_seconds,
        default=DEFAULT_PAGE_SECONDS,
        metavar="SECONDS",
        help=f"time limit for OCR of one page (default {DEFAULT_PAGE_SECONDS:g} s)",
    )
    p.set_defaults(handler=cmd_import)


def _utf8_streams() -> None:
    # Arabic paths must print on any console; JSON consumers expect UTF-8.
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors=errors)


def cmd_import(args: argparse.Namespace) -> int:
    _utf8_streams()
    case = open_case(args.case)
    started = time.monotonic()

    def progress(done: int, total: int, path: str) -> None:
        rate = done / max(time.monotonic() - started, 1e-6)
        if path:
            print(f"[{done + 1}/{total}] {rate:.1f} files/s  {path}", file=sys.stderr, flush=True)

    def page_progress(done: int, total: int) -> None:
        print(f"    OCR page {done}/{total}", file=sys.stderr, flush=True)

    ocr = OcrOptions(
        languages=args.ocr_languages,
        enabled=not args.no_ocr,
        page_seconds=args.ocr_page_timeout,
        progress=page_progress,
    )
    counts: dict[str, int] = {}
    try:
        for outcome in import_paths(
            case, args.paths, user=args.user, size_limit=args.size_limit, progress=progress,
            ocr=ocr,
        ):
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            print(json.dumps(outcome.to_json(), ensure_ascii=False), flush=True)
    finally:
        case.close()
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no files"
    print(f"done in {time.monotonic() - started:.1f} s: {summary}", file=sys.stderr)
    return EXIT_OK
