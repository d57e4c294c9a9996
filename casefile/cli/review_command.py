"""``casefile review``: the grouped review from the command line (groups, decide, stoplist)."""

from __future__ import annotations

import argparse
import json
import sys

from ..cases import open_case
from ..review import stoplist
from ..review.decide import decide_group
from ..review.groups import GROUP_TYPES, GroupFilter, find_group, list_groups
from ..services.validation import ValidationError
from . import EXIT_OK, EXIT_USAGE, add_case_argument, read_case


def register(subparsers: argparse._SubParsersAction) -> None:
    review = subparsers.add_parser("review", help="review proposals grouped by name")
    sub = review.add_subparsers(dest="review_command", metavar="SUBCOMMAND", required=True)

    p = sub.add_parser("groups", help="open proposals grouped by type and name, most "
                                      "reported first")
    add_case_argument(p)
    p.add_argument("--type", choices=GROUP_TYPES, help="only groups of this type")
    p.add_argument("--limit", type=int, help="at most N groups")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_groups)

    p = sub.add_parser("decide", help="one decision for every proposal of a group")
    add_case_argument(p)
    p.add_argument("--group", required=True, metavar="ID", help="a group id from `groups`")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--accept", action="store_true",
                     help="accept: a new actor/place, or the record the group is linked to")
    how.add_argument("--reject", action="store_true",
                     help="reject, and put the name on the \"not an entity\" list")
    how.add_argument("--link", metavar="KIND:ID", help="link to a record, e.g. actor:12")
    p.set_defaults(handler=cmd_decide)

    p = sub.add_parser("stoplist", help="the case's \"not an entity\" names")
    add_case_argument(p)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_stoplist)


def cmd_groups(args: argparse.Namespace) -> int:
    flt = GroupFilter(types={args.type} if args.type else set())
    groups = read_case(args.case, lambda s: list_groups(s, flt, limit=args.limit))
    if args.json:
        print(json.dumps([g.to_json() for g in groups], ensure_ascii=False))
    else:
        for g in groups:
            link = f" → {g.linked.kind} {g.linked.id} {g.linked.name}" if g.linked else ""
            print(f"{g.id}  {g.type:<8} {g.reports:>6} reports {g.mentions:>6} mentions  "
                  f"{g.name}{link}")
    return EXIT_OK


def _link(text: str) -> tuple[str, int]:
    kind, _, record_id = text.partition(":")
    if kind not in ("actor", "place") or not record_id.isdigit():
        raise ValueError(f"--link wants actor:ID or place:ID, not {text!r}.")
    return kind, int(record_id)


def cmd_decide(args: argparse.Namespace) -> int:
    try:
        link = _link(args.link) if args.link else None
    except ValueError as exc:
        print(f"casefile: {exc}", file=sys.stderr)
        return EXIT_USAGE
    action = "link" if link else "accept" if args.accept else "reject"
    case = open_case(args.case)
    try:
        with case.session() as s:
            group = find_group(s, args.group)
            if group is None:
                print(f"casefile: no open group {args.group} in {args.case} (decided "
                      "already, or its proposals changed: list the groups again).",
                      file=sys.stderr)
                return EXIT_USAGE
            try:
                result = decide_group(s, group, action, link=link)
            except (ValidationError, LookupError) as exc:
                s.rollback()
                print(f"casefile: {exc}", file=sys.stderr)
                return EXIT_USAGE
    finally:
        case.close()
    print(json.dumps(result.to_json(), ensure_ascii=False))
    return EXIT_OK


def cmd_stoplist(args: argparse.Namespace) -> int:
    rows = read_case(args.case, stoplist.entries)
    if args.json:
        print(json.dumps([r.to_json() for r in rows], ensure_ascii=False))
    else:
        for r in rows:
            print(f"{r.type:<7} {r.text}")
    return EXIT_OK
