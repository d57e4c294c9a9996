"""A failed action leaves nothing behind, and a killed build leaves no case at its target."""

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casefile.cases import create_case, open_case
from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.review import confirm
from casefile.review.proposals import propose_for_new_source
from casefile.services import review

CLI = [sys.executable, "-m", "casefile"]
ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def _state(case):
    with case.read_session() as s:
        counts = {model.__tablename__: s.scalar(select(func.count()).select_from(model))
                  for model in (m.Actor, m.Place, m.Alias, m.Incident, m.Relation, m.Mention,
                                m.Citation, m.AuditEntry)}
        counts["decided"] = s.scalar(select(func.count()).where(m.Proposal.status != "proposed"))
    return counts


def test_a_failing_bulk_accept_leaves_nothing_on_either_backend(new_case):
    outcomes = list(import_paths(new_case, [SEEDS], on_new_source=propose_for_new_source))
    assert [o.status for o in outcomes] == ["imported"]
    with new_case.read_session() as s:
        ids = review.proposal_ids(s)
    assert len(ids) > 20
    before = _state(new_case)
    accepted = []

    def accept_then_fail(session, pid):
        if len(accepted) == 15:
            raise RuntimeError("the disk is full")
        confirm.accept(session, pid)  # each inside accept_many's own savepoint
        accepted.append(pid)

    with pytest.raises(RuntimeError, match="disk is full"):
        with new_case.session() as s:
            confirm.accept_many(s, ids, accept_one=accept_then_fail)
    assert len(accepted) == 15  # work was done in savepoints before the failure
    assert _state(new_case) == before


def _wait_for(predicate, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.005)
    return False


def _partials(folder):
    return [p for p in folder.iterdir() if ".partial-" in p.name]


def _kill_midway(args, folder, *, delay):
    """Start ``casefile ARGS``, SIGKILL it ``delay`` s after its partial file appears;
    False if it finished first."""
    proc = subprocess.Popen([*CLI, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        assert _wait_for(lambda: _partials(folder) or proc.poll() is not None, 60)
        time.sleep(delay)
        if proc.poll() is not None:
            return False
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        return proc.returncode == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()


def test_a_killed_new_from_seeds_leaves_no_case(tmp_path):
    target = tmp_path / "demo.casefile"
    assert _kill_midway(["new", target, "--from-seeds"], tmp_path, delay=0.8)
    assert not target.exists()
    assert not Path(f"{target}-wal").exists()
    # The next run builds it whole, beside the leftover of the killed one.
    done = subprocess.run([*CLI, "new", str(target), "--from-seeds", "--json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["demo"]["imported"] == 1
    case = open_case(target)
    try:
        with case.read_session() as s:
            assert s.scalar(select(func.count()).select_from(m.Incident)) > 0
    finally:
        case.close()


def test_a_killed_backup_leaves_no_file_under_the_backups_name(tmp_path):
    case = create_case(tmp_path / "big.casefile")
    try:
        with case.session() as s:  # large enough that the copy takes a while
            for i in range(40):
                data = os.urandom(2_000_000)
                s.add(m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                               file_name=f"{i}.bin",
                               media_type="application/octet-stream", size=len(data)))
    finally:
        case.close()
    out_dir = tmp_path / "backups"
    out_dir.mkdir()
    out = out_dir / "copy.casefile"
    killed = False
    for _attempt in range(3):
        out.unlink(missing_ok=True)  # a backup that finished before the kill
        killed = _kill_midway(["backup", "--case", case.path, out], out_dir, delay=0)
        if killed:
            break
    assert killed, "the backup always finished before it could be killed"
    assert not out.exists()
    leftover = _partials(out_dir)  # the killed run's hidden file; the next run makes its own
    subprocess.run([*CLI, "backup", "--case", str(case.path), str(out)], check=True,
                   capture_output=True, timeout=120)
    assert _partials(out_dir) == leftover
    verified = subprocess.run([*CLI, "verify", "--case", str(out)], capture_output=True,
                              text=True, timeout=120)
    assert verified.returncode == 0, verified.stderr
