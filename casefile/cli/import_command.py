"""``casefile import --case CASE PATH...``: one JSON line per file on stdout.

Progress and the summary go to stderr so stdout stays machine-readable. Paths left out get a
line too: "error" with the reason (a pipe, an unreadable folder...) or "skipped" with a
"reason" (hidden files, system clutter). Exit 0 when every file was processed (per-file errors
included, they are in the JSON lines), 1 when the case cannot be opened, 2 for usage errors,
130 when interrupted: Ctrl+C stops between files (the file being written is finished and
committed, a file still being read, such as a scan's OCR pages, is left out; a second Ctrl+C
abandons the file being written, rolled back), and running the same command again imports
the rest.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections import Counter

from ..cases import open_case
from ..importing.pipeline import DEFAULT_SIZE_LIMIT, ReadBudget, import_paths
from ..importing.reader_process import DEFAULT_BUDGET
from ..importing.readers import OcrOptions
from ..importing.readers.ocr_options import DEFAULT_LANGUAGES, DEFAULT_PAGE_SECONDS
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


def _positive(unit: str):
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a number of {unit}") from None
        if number <= 0:
            raise argparse.ArgumentTypeError(f"the limit must be more than 0 {unit}")
        return number

    return parse


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
    p.add_argument(
        "--time-limit",
        type=_positive("seconds"),
        default=DEFAULT_BUDGET.seconds,
        metavar="SECONDS",
        help="refuse a file whose reading takes longer than this "
        f"(default {DEFAULT_BUDGET.seconds:g} s)",
    )
    p.add_argument(
        "--memory-limit",
        type=_positive("MB"),
        default=DEFAULT_BUDGET.memory_mb,
        metavar="MB",
        help="refuse a file whose reading needs more memory than this "
        f"(default {DEFAULT_BUDGET.memory_mb} MB; enforced on Linux)",
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
        type=_positive("seconds"),
        default=DEFAULT_PAGE_SECONDS,
        metavar="SECONDS",
        help=f"time limit for OCR of one page (default {DEFAULT_PAGE_SECONDS:g} s)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    p.set_defaults(handler=cmd_import)


def _utf8_streams() -> None:
    # Arabic paths must print on any console; JSON consumers expect UTF-8.
    for stream, errors in ((sys.stdout, "strict"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors=errors)


class _StopBetweenFiles:
    """The first Ctrl+C asks the import to stop after the current file; a second one
    interrupts it at once (the file's transaction is rolled back)."""

    def __init__(self) -> None:
        self.requested = False
        self._previous = signal.signal(signal.SIGINT, self._handle)

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True

    def restore(self) -> None:
        signal.signal(signal.SIGINT, self._previous)


def cmd_import(args: argparse.Namespace) -> int:
    from .import_progress import ImportProgress, summary

    _utf8_streams()
    case = open_case(args.case)
    started = time.monotonic()
    stop = _StopBetweenFiles()
    progress = ImportProgress(sys.stderr, quiet=args.quiet, stopping=lambda: stop.requested)
    counts: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    interrupted = False
    ocr = OcrOptions(
        languages=args.ocr_languages,
        enabled=not args.no_ocr,
        page_seconds=args.ocr_page_timeout,
    )
    from ..review.proposals import propose_for_new_source  # extraction: loaded when used

    try:
        budget = ReadBudget(seconds=args.time_limit, memory_mb=int(args.memory_limit))
        for outcome in import_paths(
            case,
            args.paths,
            user=args.user,
            size_limit=args.size_limit,
            budget=budget,
            progress=progress,
            ocr=ocr,
            page_progress=progress.page,
            on_new_source=propose_for_new_source,
        ):
            counts[outcome.status] += 1
            if outcome.error:
                errors[outcome.error] += 1
            print(json.dumps(outcome.to_json(), ensure_ascii=False), flush=True)
    except KeyboardInterrupt:
        interrupted = True
    finally:
        stop.restore()
        progress.close()
        case.close()
    interrupted = interrupted or stop.requested
    if interrupted:
        print("casefile: interrupted; the files listed are in the case, the same command "
              "imports the rest", file=sys.stderr)
    print(summary(counts, errors, time.monotonic() - started), file=sys.stderr, flush=True)
    return 130 if interrupted else EXIT_OK
