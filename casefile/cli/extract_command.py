"""``casefile extract FILE... [--case CASE] [--json]``: what extraction proposes, per file.

Prints one JSON object per file (``--json``) in the shape of issue 4: path, language,
entities, relations, incidents; offsets index the text as Casefile extracted it. With
``--case`` the case's confirmed actors, aliases and places are used for linking. Nothing is
written to any case. Exit 0 when every file was processed (a file that cannot be read gets
an ``error`` object), 1 when the case cannot be opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from . import EXIT_OK


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="propose actors, places, dates and incidents from report files",
        description="Run offline extraction on files and print what it proposes.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--case", "--db", dest="case", metavar="CASE", help="link against this case's dossiers"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per file")
    p.set_defaults(handler=cmd_extract)


def _read(path: Path) -> tuple[str, Any]:
    """The text Casefile would store for this file, and the report date when known."""
    data = path.read_bytes()
    from ..importing.readers import read_bytes

    result = read_bytes(data, path.name)
    return result.text, result.published


def _language(text: str, fallback: str) -> str:
    from ..importing.language import detect_language

    return detect_language(text) or fallback


def cmd_extract(args: argparse.Namespace) -> int:
    from ..extraction import extract, shipped_gazetteer  # loaded by the command that uses it

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="backslashreplace")
    known = shipped_gazetteer()
    if args.case:
        from ..cases import open_case
        from ..review.case_gazetteer import case_gazetteer

        case = open_case(args.case, upgrade=False)
        try:
            with case.read_session() as session:
                known = case_gazetteer(session)
        finally:
            case.close()
    for name in args.files:
        path = Path(name)
        try:
            text, published = _read(path)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
            out: dict[str, Any] = {"path": name, "error": f"{type(exc).__name__}: {exc}"}
            print(json.dumps(out, ensure_ascii=False) if args.json else f"{name}: {out['error']}")
            continue
        res = extract(text, report_date=published, known=known)
        data = res.to_json()
        data["language"] = _language(text, data["language"])
        out = {"path": name, **data}
        if args.json:
            print(json.dumps(out, ensure_ascii=False), flush=True)
        else:
            _print_human(name, res)
    return EXIT_OK


def _print_human(name: str, res) -> None:
    print(f"== {name} ({res.status}, {len(res.entities)} entities)")
    for e in res.entities:
        link = f" → {e.canonical}" if e.canonical != e.text else ""
        print(f"  {e.type:6} {e.text}{link}  [{e.latin}] {e.confidence:.2f}")
    for r in res.relations:
        src, tgt = res.entities[r.source].canonical, res.entities[r.target]
        tgt = (tgt.name or tgt.canonical) if r.type == "alias" else tgt.canonical
        print(f"  {r.type}: {src} → {tgt}" + (f" ({r.title})" if r.title else ""))
    for inc in res.incidents:
        j = inc.to_json(res.entities)
        when = j["date"]["value"] or "?"
        actors = ", ".join(f"{a['name']} ({a['role']})" for a in j["actors"])
        print(f"  incident {j['type']}/{j['subtype']} {when} @ {j['place'] or '?'}: {actors}")
