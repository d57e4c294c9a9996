"""``casefile import`` as a real process: JSON lines, exit codes, and a SIGKILL mid-batch."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.cases import create_case

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"


def _casefile(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "casefile", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=300,
        **kwargs,
    )


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    path = tmp_path / "قضية.casefile"
    create_case(path).close()
    return path


def test_json_line_per_file_and_exit_0_with_per_file_errors(
    case_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "ملفات"
    folder.mkdir()
    (folder / "تقرير.txt").write_text("الحرس الثوري في الميادين", encoding="utf-8")
    (folder / "bad.pdf").write_bytes(b"\x00\x01\x02 not a pdf at all")
    (folder / "report.docx").write_bytes((FIXTURES / "report.docx").read_bytes())

    run = _casefile("import", "--case", str(case_path), str(folder), "--user", "محلل")
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert [Path(line["path"]).name for line in lines] == ["bad.pdf", "report.docx", "تقرير.txt"]
    assert lines[0] == {
        "path": str(folder / "bad.pdf"),
        "status": "error",
        "source_id": None,
        "error": "not a PDF: the file starts with random bytes",
    }
    assert lines[1]["status"] == lines[2]["status"] == "imported"
    assert isinstance(lines[1]["source_id"], int) and lines[1]["error"] is None
    assert "import: 3/3 files" in run.stderr  # progress is on stderr, not mixed into the JSON

    again = _casefile("import", "--case", str(case_path), str(folder / "تقرير.txt"))
    (line,) = [json.loads(x) for x in again.stdout.splitlines()]
    assert line["status"] == "duplicate" and line["duplicate_of"] == lines[2]["source_id"]


def test_size_limit_option(case_path: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 3 * 1024 * 1024)
    run = _casefile("import", "--case", str(case_path), "--size-limit", "2", str(big))
    assert run.returncode == 0
    line = json.loads(run.stdout)
    assert line["error"] == "the file is larger than the import limit (3.0 MB > 2.0 MB)"


def test_exit_1_when_the_case_cannot_be_opened(tmp_path: Path) -> None:
    not_a_case = tmp_path / "notes.casefile"
    not_a_case.write_text("hello")
    run = _casefile("import", "--case", str(not_a_case), str(tmp_path))
    assert run.returncode == 1
    assert run.stdout == ""
    assert "not a Casefile case" in run.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["import"],
        ["import", "--case", "x.casefile"],
        ["import", "--size-limit", "-3", "--case", "x", "p"],
    ],
)
def test_exit_2_for_usage_errors(args: list[str]) -> None:
    run = _casefile(*args)
    assert run.returncode == 2
    assert "usage:" in run.stderr


@pytest.mark.slow
def test_sigkill_mid_batch_then_verify_and_resume(case_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "دفعة"
    folder.mkdir()
    total = 300
    for i in range(total):
        text = f"تقرير رقم {i}: شهدت بلدة حطلة في ريف دير الزور توتراً جديداً.\n" * (1 + i % 5)
        (folder / f"{i:03d}.txt").write_text(text, encoding="utf-8")

    process = subprocess.Popen(
        [sys.executable, "-m", "casefile", "import", "--case", str(case_path), str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
    )
    printed = []
    assert process.stdout is not None
    for line in process.stdout:
        printed.append(json.loads(line))
        if len(printed) == 60:
            process.send_signal(signal.SIGKILL)  # no chance to clean up
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    assert all(line["status"] == "imported" for line in printed)

    verify = _casefile("verify", "--case", str(case_path), "--json")
    assert verify.returncode == 0, verify.stdout + verify.stderr
    report = json.loads(verify.stdout)
    assert report["ok"] and report["problems"] == []
    # Every file whose line was printed was committed; at most a few more were
    # committed before the kill arrived, none half-way.
    committed = report["checked_sources"]
    assert 60 <= committed < total

    resumed = _casefile("import", "--case", str(case_path), str(folder))
    assert resumed.returncode == 0
    lines = [json.loads(line) for line in resumed.stdout.splitlines()]
    assert len(lines) == total
    statuses = [line["status"] for line in lines]
    assert statuses == ["duplicate"] * committed + ["imported"] * (total - committed)
    first_ids = {line["path"]: line["source_id"] for line in printed}
    for line in lines[:60]:
        assert line["duplicate_of"] == first_ids[line["path"]]

    final = json.loads(_casefile("verify", "--case", str(case_path), "--json").stdout)
    assert final["ok"] and final["checked_sources"] == total
