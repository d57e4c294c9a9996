"""Every import door hands new sources to extraction: the step is explicit, not global."""

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.review.proposals import propose_for_new_source

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_42518da6be7191c8.txt"


def _kinds(case) -> set[str]:
    with case.read_session() as s:
        return set(s.scalars(select(m.Proposal.kind)))


def test_the_command_line_door_proposes(tmp_path):
    case = tmp_path / "c.casefile"
    subprocess.run([sys.executable, "-m", "casefile", "new", str(case)], check=True,
                   capture_output=True)
    out = subprocess.run([sys.executable, "-m", "casefile", "import", "--quiet", "--case",
                          str(case), str(SEED)], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.splitlines()[0])["status"] == "imported"
    code = ("import sys; from sqlalchemy import select; from casefile.db import models as m;"
            "from casefile.cases import open_case; c = open_case(sys.argv[1]);"
            "s = c.read_session(); print(sorted(set(s.scalars(select(m.Proposal.kind)))))")
    kinds = subprocess.run([sys.executable, "-c", code, str(case)], capture_output=True,
                           text=True, check=True).stdout
    for kind in ("PERSON", "GROUP", "PLACE", "DATE", "incident", "relation"):
        assert kind in kinds


def test_the_pipeline_runs_only_the_step_it_is_given(sqlite_case, tmp_path):
    plain, proposed = tmp_path / "a.txt", tmp_path / "b.txt"
    plain.write_bytes(SEED.read_bytes())
    proposed.write_bytes(SEED.read_bytes() + b"\n")
    (first,) = import_paths(sqlite_case, [plain])
    assert first.status == "imported" and _kinds(sqlite_case) == set()
    (second,) = import_paths(sqlite_case, [proposed], on_new_source=propose_for_new_source)
    assert second.status == "imported"
    with sqlite_case.read_session() as s:
        n = s.scalar(select(func.count()).select_from(m.Proposal)
                     .where(m.Proposal.source_id == second.source_id))
    assert n > 50
