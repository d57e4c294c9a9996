"""What an import opens: only regular files, and a line for every path it leaves out.

The hostile cases are real: a FIFO made with os.mkfifo, a Unix socket bound in
the folder, a link to the /dev/zero device, a folder link pointing at them.
A FIFO used to block open() forever, so the batch tests run the real
``casefile import`` with a timeout.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from casefile.cases import create_case
from casefile.importing import files
from casefile.importing.pipeline import import_paths
from casefile.importing.readers import ReadError

ROOT = Path(__file__).resolve().parents[2]
REPORT = "شهدت بلدة حطلة في ريف دير الزور توتراً بين الشرطة العسكرية الروسية والحرس الثوري."
FIFO = "not a regular file: a named pipe (FIFO); only files are imported"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")


def _import_cli(case: Path, *paths: Path) -> list[dict]:
    run = subprocess.run(
        [sys.executable, "-m", "casefile", "import", "--case", str(case), *map(str, paths)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,  # a FIFO opened for reading would block here for ever
    )
    assert run.returncode == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    path = tmp_path / "case.casefile"
    create_case(path).close()
    return path


def test_fifo_socket_and_device_in_a_folder_are_refused_and_the_batch_goes_on(
    case_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "1 before.txt").write_text(REPORT + " 1", encoding="utf-8")
    os.mkfifo(folder / "2 pipe.txt")
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(folder / "3 socket"))
    (folder / "4 zero.txt").symlink_to("/dev/zero")
    (folder / "5 after.txt").write_text(REPORT + " 5", encoding="utf-8")
    try:
        lines = _import_cli(case_path, folder)
    finally:
        listener.close()
    by_name = {Path(line["path"]).name: line for line in lines}
    assert list(by_name) == ["1 before.txt", "2 pipe.txt", "3 socket", "4 zero.txt", "5 after.txt"]
    assert by_name["2 pipe.txt"]["status"] == "error"
    assert by_name["2 pipe.txt"]["error"] == FIFO
    assert by_name["3 socket"]["error"] == ("not a regular file: a socket; only files are imported")
    assert by_name["4 zero.txt"]["error"] == (
        "not a regular file: a device; only files are imported"
    )
    assert by_name["1 before.txt"]["status"] == by_name["5 after.txt"]["status"] == "imported"


def test_fifo_behind_a_folder_link_and_given_by_name(case_path: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.mkfifo(elsewhere / "pipe")
    (elsewhere / "report.txt").write_text(REPORT, encoding="utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "linked").symlink_to(elsewhere, target_is_directory=True)
    (folder / "loop").symlink_to(folder, target_is_directory=True)

    lines = _import_cli(case_path, folder, elsewhere / "pipe")
    outcomes = [(Path(line["path"]).relative_to(tmp_path).as_posix(), line) for line in lines]
    assert [(path, line["status"]) for path, line in outcomes] == [
        ("in/linked/pipe", "error"),
        ("in/linked/report.txt", "imported"),
        ("in/loop", "skipped"),  # the folder itself again: read once
        ("elsewhere/pipe", "error"),
    ]
    assert outcomes[0][1]["error"] == outcomes[3][1]["error"] == FIFO
    assert outcomes[2][1]["reason"] == "a folder already read through another path"


def test_every_skipped_path_has_a_line_with_its_reason(case_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "config").write_text("x")
    (folder / "..txt").write_text(REPORT, encoding="utf-8")
    (folder / "...").write_text(REPORT, encoding="utf-8")
    (folder / "Thumbs.db").write_bytes(b"\x00" * 16)
    (folder / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")

    lines = {Path(line["path"]).name: line for line in _import_cli(case_path, folder)}
    assert {
        name: (line["status"], line.get("reason") or line["error"]) for name, line in lines.items()
    } == {
        ".git": ("skipped", "hidden (the name starts with a dot)"),
        "..txt": ("skipped", "hidden (the name starts with a dot)"),
        "...": ("skipped", "hidden (the name starts with a dot)"),
        "Thumbs.db": ("skipped", "a system file, not a report"),
        "broken.txt": ("error", "a broken link"),
        "report.txt": ("imported", None),
    }
    assert lines["..txt"]["source_id"] is None and lines["..txt"]["error"] is None


def test_unreadable_subfolder_gets_a_line_and_the_rest_is_imported(
    sqlite_case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    locked = folder / "locked"
    locked.mkdir(parents=True)
    (locked / "secret.txt").write_text(REPORT, encoding="utf-8")
    (folder / "open.txt").write_text(REPORT, encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # running as root: make the listing refuse as it would
            real_scandir = os.scandir

            def refuse(path="."):
                if Path(path) == locked:
                    raise PermissionError(13, "Permission denied", str(path))
                return real_scandir(path)

            monkeypatch.setattr(os, "scandir", refuse)
        outcomes = list(import_paths(sqlite_case, [folder]))
    finally:
        locked.chmod(0o700)
    assert [(Path(o.path).name, o.status, o.error) for o in outcomes] == [
        ("open.txt", "imported", None),
        ("locked", "error", "the folder cannot be read: permission denied"),
    ]


def test_a_file_swapped_for_a_fifo_after_the_check_is_refused_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The race between os.stat and open: open is non-blocking and what was
    opened is checked again with fstat."""
    regular = tmp_path / "regular.txt"
    regular.write_text(REPORT, encoding="utf-8")
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    real_stat = os.stat
    # The check sees the regular file that was there a moment before.
    monkeypatch.setattr(
        files.os, "stat", lambda path, *a, **k: real_stat(regular if Path(path) == pipe else path)
    )
    answer: list[object] = []
    reader = threading.Thread(
        target=lambda: answer.append(_refusal(lambda: files.read_regular_file(pipe, 1 << 20))),
        daemon=True,
    )
    reader.start()
    reader.join(20)
    assert not reader.is_alive(), "open() blocked on the FIFO"
    assert answer == [FIFO]


def _refusal(read) -> str | bytes:
    try:
        return read()
    except ReadError as error:
        return str(error)
