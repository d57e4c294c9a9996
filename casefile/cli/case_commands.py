"""Case commands: new, info, search, verify, backup."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import func, select

from ..backup import backup_case
from ..cases import create_case, open_case
from ..db import models as m
from ..db.case import head_revision, schema_revision
from ..db.errors import CaseDamagedError
from ..db.verify import VerifyReport, verify_case
from ..search import search
from . import EXIT_OK, EXIT_VERIFY, add_case_argument, read_case

COUNTED = {
    "sources": m.Source, "actors": m.Actor, "aliases": m.Alias, "places": m.Place,
    "incidents": m.Incident, "involvements": m.Involvement, "relations": m.Relation,
    "mentions": m.Mention, "citations": m.Citation, "proposals": m.Proposal,
    "notes": m.Note, "tags": m.Tag, "audit_entries": m.AuditEntry,
}


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("new", help="create an empty case")
    p.add_argument("case", metavar="CASE", help="new case file path or database URL")
    p.add_argument("--name", help="the case's name (default: the file name)")
    p.add_argument("--from-seeds", action="store_true",
                   help="build the demo case from seeds/ through import and extraction")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_new)

    p = subparsers.add_parser("info", help="schema version and record counts")
    add_case_argument(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_info)

    p = subparsers.add_parser("search", help="Arabic-aware search across the case")
    add_case_argument(p)
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--kind", action="append", choices=["source", "actor", "place", "incident"],
                   help="limit to these kinds (repeatable)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_search)

    p = subparsers.add_parser(
        "verify", help="check the database, the audit log's hash chain and every original; "
        "exit 3 lists the damage")
    add_case_argument(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_verify)

    p = subparsers.add_parser("backup", help="a consistent copy of the case, even while in use")
    add_case_argument(p)
    p.add_argument("out", metavar="OUT", type=Path, help="the backup case file to write")
    p.set_defaults(handler=cmd_backup)


def cmd_new(args: argparse.Namespace) -> int:
    summary: dict = {"case": args.case, "schema": head_revision()}
    if args.from_seeds and "://" not in args.case:
        from ..demo import create_demo_case

        # Built beside the target and renamed when complete.
        case, summary["demo"] = create_demo_case(Path(args.case), name=args.name)
        case.close()
    else:
        case = create_case(args.case, name=args.name)
        try:
            if args.from_seeds:  # on a database server: built in place
                from ..demo import build_demo_case

                summary["demo"] = build_demo_case(case)
        finally:
            case.close()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"Created {args.case}")
    return EXIT_OK


def case_counts(case) -> dict[str, int]:
    with case.read_session() as s:
        return {name: s.scalar(select(func.count()).select_from(model)) or 0
                for name, model in COUNTED.items()}


def cmd_info(args: argparse.Namespace) -> int:
    case = open_case(args.case, upgrade=False)
    try:
        info = {"case": args.case, "name": case.name, "backend": case.backend,
                "schema": schema_revision(case.engine), "counts": case_counts(case)}
    finally:
        case.close()
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
    else:
        print(f"{info['name']} ({info['backend']}, schema {info['schema']})")
        for name, count in info["counts"].items():
            print(f"  {name:14} {count}")
    return EXIT_OK


def cmd_search(args: argparse.Namespace) -> int:
    hits = read_case(args.case, lambda s: search(
        s, args.query, kinds=tuple(args.kind) if args.kind else None, limit=args.limit))
    if args.json:
        print(json.dumps([h.to_json() for h in hits], ensure_ascii=False))
    else:
        for h in hits:
            print(f"{h.kind:9} {h.id:6}  {h.title}\n          {h.snippet}")
    return EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    try:
        case = open_case(args.case)  # an older case is upgraded (and its audit log chained)
    except CaseDamagedError as exc:  # too damaged to open: that is the finding
        report = VerifyReport(problems=[str(exc)])
    else:
        try:
            report = verify_case(case)
        finally:
            case.close()
    if args.json:
        print(json.dumps({"ok": report.ok, "checked_sources": report.checked_sources,
                          "audit_entries": report.audit_entries,
                          "audit_head": report.audit_head,
                          "problems": report.problems}, ensure_ascii=False))
    else:
        for problem in report.problems:
            print(f"FAILED: {problem}", file=sys.stderr)
        print(f"{'OK' if report.ok else 'FAILED'}: {report.checked_sources} originals and "
              f"{report.audit_entries} audit entries checked, {len(report.problems)} problems")
        if report.audit_head:
            print(f"Audit log head: {report.audit_head}")
    return EXIT_OK if report.ok else EXIT_VERIFY


def cmd_backup(args: argparse.Namespace) -> int:
    case = open_case(args.case, upgrade=False)
    try:
        backup_case(case, args.out)
    finally:
        case.close()
    print(f"Backed up to {args.out}")
    return EXIT_OK
