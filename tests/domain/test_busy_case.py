"""Another program holding the case's lock: a bounded, stated wait, then one clear sentence."""

import json
import subprocess
import sys
import textwrap
import time

from casefile.cases import create_case, open_case
from casefile.db.errors import BUSY_TIMEOUT_S
from casefile.importing.pipeline import import_paths

CLI = [sys.executable, "-m", "casefile"]
BUSY = (f"the case is busy (another program held its lock for more than {BUSY_TIMEOUT_S} s)")


def _verify(case, *extra):
    result = subprocess.run([*CLI, "verify", "--case", str(case), *extra], capture_output=True,
                            text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _hold_write_lock(path, seconds):
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sqlite3, sys, time
        c = sqlite3.connect(sys.argv[1], isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO case_info (key, value) VALUES ('held', 'yes')")
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
        c.execute("ROLLBACK")
    """), str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_verify_waits_for_a_short_write_and_passes(tmp_path):
    path = tmp_path / "c.casefile"
    create_case(path).close()
    holder = _hold_write_lock(path, 1.5)
    try:
        result = _verify(path)
    finally:
        holder.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK")


def test_verify_says_busy_when_the_lock_is_held_too_long(tmp_path):
    path = tmp_path / "c.casefile"
    create_case(path).close()
    holder = _hold_write_lock(path, 60)
    try:
        started = time.monotonic()
        result = _verify(path)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 1
    assert result.stderr.strip() == f"casefile: T{BUSY[1:]}; try again."
    assert BUSY_TIMEOUT_S <= waited < BUSY_TIMEOUT_S + 20


def test_an_import_into_a_locked_case_fails_the_file_in_one_sentence(tmp_path):
    path = tmp_path / "c.casefile"
    create_case(path).close()
    report = tmp_path / "report.txt"
    report.write_text("زار المدعو أبو رقية الأحوازي بلدة حطلة", encoding="utf-8")
    holder = _hold_write_lock(path, 60)
    try:
        started = time.monotonic()
        run = subprocess.run([*CLI, "import", "--case", str(path), str(report)],
                             capture_output=True, text=True, timeout=120)
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert "Traceback" not in run.stderr
    line = json.loads(run.stdout.splitlines()[0])
    assert line["status"] == "error"
    assert line["error"] == f"not imported: {BUSY}; import the file again"
    assert BUSY_TIMEOUT_S <= waited < BUSY_TIMEOUT_S + 30
    # Nothing half-written: once the lock is free, the same file imports.
    case = open_case(path)
    try:
        assert [o.status for o in import_paths(case, [report])] == ["imported"]
    finally:
        case.close()
