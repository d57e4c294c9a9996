"""``casefile import`` progress, summary, --quiet and Ctrl+C, as a real process."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from casefile.cases import create_case, open_case
from casefile.db import models as m

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "120"}


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    path = tmp_path / "c.casefile"
    create_case(path).close()
    return path


def _reports(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        body = f"تقرير رقم {i}: زار محمد علي الهادي بلدة حطلة في ريف دير الزور.\n" * (1 + i % 3)
        (folder / f"{i:03d}.txt").write_text(body, encoding="utf-8")
    return folder


def _import(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "casefile", "import", *args], cwd=ROOT, env=ENV,
                          capture_output=True, text=True, encoding="utf-8", timeout=300)


def test_without_a_terminal_a_few_progress_lines_and_a_summary(case_path, tmp_path):
    folder = _reports(tmp_path / "in", 30)
    (folder / "broken.pdf").write_bytes(b"not a pdf")
    (folder / "also-broken.pdf").write_bytes(b"not a pdf")
    run = _import("--case", str(case_path), str(folder))
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(lines) == 32 and sum(x["status"] == "imported" for x in lines) == 30
    progress = [line for line in run.stderr.splitlines() if line.startswith("import:")]
    assert 1 <= len(progress) < 10  # not one line per file
    assert "32 files in" in run.stderr
    assert "30 imported, 0 duplicates, 2 errors" in run.stderr
    assert "2 × not a PDF" in run.stderr  # errors grouped by reason

    again = _import("--case", str(case_path), str(folder), "--quiet")
    assert not [line for line in again.stderr.splitlines() if line.startswith("import:")]
    assert "0 imported, 30 duplicates, 2 errors" in again.stderr
    assert len(again.stdout.splitlines()) == 32


def test_on_a_terminal_one_bar_redrawn_in_place(case_path, tmp_path):
    folder = _reports(tmp_path / "in", 40)
    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "casefile", "import", "--case", str(case_path), str(folder)],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=follower, text=True, encoding="utf-8")
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    out, _ = proc.communicate(timeout=300)
    os.close(leader)
    assert proc.returncode == 0
    assert len(out.splitlines()) == 40  # the JSON lines still go to stdout, untouched
    screen = shown.decode("utf-8", "replace")
    assert "docs/s" in screen and "40/40" in screen
    assert "\r" in screen or "\x1b[" in screen  # redrawn, not scrolled
    assert screen.count("\n") <= 5  # the bar and the summary, not a line per file
    assert "40 imported" in screen


@pytest.mark.slow
def test_ctrl_c_stops_between_files_exits_130_and_resumes(case_path, tmp_path):
    total = 600  # more than a batch (half a second of writing) holds
    folder = _reports(tmp_path / "in", total)
    proc = subprocess.Popen(
        [sys.executable, "-m", "casefile", "import", "--case", str(case_path), str(folder)],
        cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        encoding="utf-8")
    printed = []
    assert proc.stdout is not None
    for line in proc.stdout:
        printed.append(json.loads(line))
        if len(printed) == 20:
            proc.send_signal(signal.SIGINT)
    err = proc.stderr.read() if proc.stderr else ""
    proc.wait(timeout=120)
    assert proc.returncode == 130, err
    assert 20 <= len(printed) < total
    assert all(p["status"] == "imported" for p in printed)
    assert "interrupted" in err and f"{len(printed)} imported" in err

    # Exactly the files printed are in the case, each whole: text, search entry, proposals.
    case = open_case(case_path)
    with case.read_session() as s:
        assert s.scalar(select(func.count(m.Source.id))) == len(printed)
        assert s.execute(text("SELECT count(*) FROM search_fts")).scalar() == len(printed)
        with_proposals = s.scalar(select(func.count(func.distinct(m.Proposal.source_id))))
        assert with_proposals == len(printed)
    case.close()

    resumed = _import("--case", str(case_path), str(folder), "--quiet")
    assert resumed.returncode == 0, resumed.stderr
    statuses = [json.loads(line)["status"] for line in resumed.stdout.splitlines()]
    assert statuses == ["duplicate"] * len(printed) + ["imported"] * (total - len(printed))
