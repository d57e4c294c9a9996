"""The ``casefile`` command line.

Each command module exposes ``register(subparsers)``; its handler returns the
exit code. Exit codes: 0 success, 1 the case cannot be opened, 2 usage error,
3 verification failed.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from .. import __version__
from ..db.errors import CaseError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

COMMAND_MODULES = [
    "casefile.cli.case_commands",
    "casefile.cli.import_command",
    "casefile.cli.extract_command",
    "casefile.cli.export_command",
    "casefile.cli.review_command",
    "casefile.cli.gui_command",
]

EXIT_OK, EXIT_CASE, EXIT_USAGE, EXIT_VERIFY = 0, 1, 2, 3
T = TypeVar("T")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casefile",
        description="Casefile: Arabic-first case files for conflict analysts. "
        "With no command, opens the desktop application.",
    )
    parser.add_argument("--version", action="version", version=f"casefile {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:  # a command not built yet
                continue
            raise
        module.register(subparsers)
    return parser


def add_case_argument(parser: argparse.ArgumentParser, *, required: bool = True) -> None:
    parser.add_argument(
        "--case", "--db", dest="case", required=required, metavar="CASE",
        help="case file path or SQLAlchemy URL (e.g. postgresql+psycopg://user@host/db)",
    )


def read_case(location: str, read: Callable[[Session], T], *, upgrade: bool = True) -> T:
    """``read(session)`` on the case at ``location``: opened, read in one session, closed."""
    from ..cases import open_case

    case = open_case(location, upgrade=upgrade)
    try:
        with case.read_session() as session:
            return read(session)
    finally:
        case.close()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["gui", *argv])
    try:
        return int(args.handler(args) or 0)
    except CaseError as exc:
        print(f"casefile: {exc}", file=sys.stderr)
        return EXIT_CASE
    except KeyboardInterrupt:
        print("casefile: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
