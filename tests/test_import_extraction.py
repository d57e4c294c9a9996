"""Every import door hands new sources to extraction, with no set-up by the caller."""

import subprocess
import sys
import textwrap
from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_42518da6be7191c8.txt"


def test_a_plain_import_proposes_without_any_registration(tmp_path):
    # A fresh interpreter: nothing has called casefile.review.hooks.install().
    script = textwrap.dedent("""
        import sys
        from sqlalchemy import func, select
        from casefile.db import models as m
        from casefile.db.case import create_case
        from casefile.importing.pipeline import import_paths
        case = create_case(sys.argv[1])
        outcomes = list(import_paths(case, [sys.argv[2]], user="tester"))
        assert [o.status for o in outcomes] == ["imported"], outcomes
        with case.session() as s:
            kinds = set(s.scalars(select(m.Proposal.kind)))
        print(sorted(kinds))
    """)
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "c.casefile"), str(SEED)],
                         capture_output=True, text=True, check=True).stdout
    for kind in ("PERSON", "GROUP", "PLACE", "DATE", "incident", "relation"):
        assert kind in out
