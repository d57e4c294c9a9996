"""``casefile gui [CASE]``: the desktop application (also what plain ``casefile`` runs)."""

from __future__ import annotations

import argparse
import importlib


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("gui", help="open the desktop application (the default)")
    p.add_argument("case", nargs="?", metavar="CASE",
                   help="case file or database URL to open (default: the last case, or on "
                        "first run the demo case)")
    p.set_defaults(handler=cmd_gui)


def cmd_gui(args: argparse.Namespace) -> int:
    # The one place the domain hands over to the UI package: loaded by name, so the
    # domain never imports it (see tests/domain/test_boundary.py) and the CLI starts without Qt.
    app = importlib.import_module("ui.core.app")
    return int(app.main(args.case) or 0)
