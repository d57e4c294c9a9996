"""``casefile export``: dossiers and timelines to PDF, CSV, JSON or HTML; the case to JSON.

Exit codes: 0 written; 1 the case cannot be opened; 2 usage error, unknown or ambiguous
actor or place, or an output path that cannot be written; 4 the PDF renderer failed.
The case is opened without schema upgrade and only read: an export changes nothing.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import sys
from pathlib import Path

from . import EXIT_CASE, EXIT_OK, EXIT_USAGE, add_case_argument

EXIT_RENDER = 4
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def period_bound(text: str, *, end: bool) -> dt.date:
    """«2024», «2024-08» or «2024-08-15»; a month or year as --to means its last day."""
    match = _DATE.fullmatch(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
        if day is None:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, last if end else 1)
        return dt.date(year, month, day)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a valid date: {exc}") from exc


def _common(p: argparse.ArgumentParser, formats: list[str]) -> None:
    add_case_argument(p)
    p.add_argument("--out", "-o", required=True, type=Path, metavar="FILE",
                   help="the file to write (its suffix gives the format when --format is not given)")
    p.add_argument("--format", choices=formats, help="output format (default: from --out)")
    p.add_argument("--page-size", choices=["A4", "Letter"], default="A4")
    p.add_argument("--marking", help="marking printed on every page (default: «سري / CONFIDENTIAL»)")


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help="dossier or timeline to PDF, CSV or JSON")
    sub = export.add_subparsers(dest="export_what", metavar="WHAT", required=True)

    p = sub.add_parser("dossier", help="an actor's dossier (PDF or JSON)")
    p.add_argument("--actor", required=True, metavar="NAME_OR_ID",
                   help="the actor's id, or any of its names or aliases")
    _common(p, ["pdf", "json", "html"])
    p.set_defaults(handler=cmd_dossier)

    p = sub.add_parser("timeline", help="the incidents of the case, or of a part of it")
    p.add_argument("--actor", metavar="NAME_OR_ID", help="only this actor's incidents")
    p.add_argument("--place", metavar="NAME_OR_ID", help="only incidents in this place or within it")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   type=lambda s: period_bound(s, end=False), help="YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   type=lambda s: period_bound(s, end=True), help="YYYY, YYYY-MM or YYYY-MM-DD")
    p.add_argument("--type", dest="types", action="append", default=[], metavar="TYPE",
                   help="event type or sub-event type code, e.g. strategic_developments or "
                        "visit_meeting (repeatable)")
    _common(p, ["pdf", "csv", "json", "html"])
    p.set_defaults(handler=cmd_timeline)

    p = sub.add_parser("case", help="the whole case as JSON (docs/export-json-schema.json)")
    add_case_argument(p)
    p.add_argument("--out", "-o", required=True, type=Path, metavar="FILE.json")
    p.add_argument("--format", choices=["json"], default="json")
    p.set_defaults(handler=cmd_case)


def _format(args: argparse.Namespace, allowed: tuple[str, ...]) -> str | None:
    if args.format:
        return args.format
    suffix = args.out.suffix.lower().lstrip(".")
    return suffix if suffix in allowed else None


def _run(args: argparse.Namespace, allowed: tuple[str, ...], export) -> int:
    from ..cases import open_case
    from ..export import ExportError, NotFound, RenderError

    fmt = _format(args, allowed)
    if fmt is None:
        print(f"casefile: give --format ({'|'.join(allowed)}); {args.out.name} does not say",
              file=sys.stderr)
        return EXIT_USAGE
    case = open_case(args.case, upgrade=False)  # CaseError → exit 1 in casefile.cli.main
    try:
        path = export(case, fmt)
    except NotFound as exc:
        print(f"casefile: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RenderError as exc:
        print(f"casefile: {exc}", file=sys.stderr)
        return EXIT_RENDER
    except ExportError as exc:
        print(f"casefile: {exc}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        case.close()
    print(path)
    return EXIT_OK


def cmd_dossier(args: argparse.Namespace) -> int:
    from ..export import export_dossier
    from ..export.service import DOSSIER_FORMATS

    return _run(args, DOSSIER_FORMATS, lambda case, fmt: export_dossier(
        case, args.actor, args.out, fmt=fmt, page_size=args.page_size, marking=args.marking))


def cmd_timeline(args: argparse.Namespace) -> int:
    from ..export import export_timeline
    from ..export.service import TIMELINE_FORMATS

    return _run(args, TIMELINE_FORMATS, lambda case, fmt: export_timeline(
        case, args.out, fmt=fmt, actor=args.actor, place=args.place,
        date_from=args.date_from, date_to=args.date_to, types=tuple(args.types),
        page_size=args.page_size, marking=args.marking))




def cmd_case(args: argparse.Namespace) -> int:
    from ..export import export_case

    return _run(args, ("json",), lambda case, fmt: export_case(case, args.out))


__all__ = ["EXIT_CASE", "register"]
