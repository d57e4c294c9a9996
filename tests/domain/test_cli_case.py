"""The case commands as an analyst or a script runs them."""

import json
import subprocess
import sys

import pytest

CLI = [sys.executable, "-m", "casefile"]


def run(*args, check_code=None):
    result = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True)
    if check_code is not None:
        assert result.returncode == check_code, result.stderr
    return result


def test_every_subcommand_has_help():
    for command in ("new", "info", "search", "verify", "backup"):
        out = run(command, "--help", check_code=0).stdout
        assert "usage: casefile " + command in out


def test_new_info_search_verify_backup(case_url, tmp_path):
    run("new", case_url, check_code=0)
    info = json.loads(run("info", "--case", case_url, "--json", check_code=0).stdout)
    from casefile.db.case import head_revision

    assert info["schema"] == head_revision()  # a new case is at the latest migration
    assert info["counts"]["sources"] == 0 and info["counts"]["actors"] == 0

    from casefile.cases import open_case
    from casefile.db import models as m

    case = open_case(case_url)
    with case.session() as s:
        s.add(m.Actor(name="الشرطة العسكرية الروسية", kind="state_force"))
    case.close()
    hits = json.loads(run("search", "--case", case_url, "الشرطة", "--json", check_code=0).stdout)
    assert [(h["kind"], h["title"]) for h in hits] == [("actor", "الشرطة العسكرية الروسية")]
    assert set(hits[0]) == {"kind", "id", "title", "snippet", "score"}
    assert "OK" in run("verify", "--case", case_url, check_code=0).stdout

    out = tmp_path / "backup.casefile"
    run("backup", "--case", case_url, out, check_code=0)
    hits = json.loads(run("search", "--case", out, "الروسية", "--json", check_code=0).stdout)
    assert [h["title"] for h in hits] == ["الشرطة العسكرية الروسية"]


def test_verify_names_a_tampered_original_and_exits_3(tmp_path):
    import hashlib

    from sqlalchemy import text

    from casefile.cases import create_case
    from casefile.db import models as m

    path = tmp_path / "t.casefile"
    case = create_case(path)
    with case.session() as s:
        data = b"original report"
        s.add(m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                       file_name="report.txt", media_type="text/plain", size=len(data), text=""))
    with case.engine.begin() as conn:
        conn.execute(text("UPDATE sources SET original = :b"), {"b": b"tampered report"})
    case.close()
    result = run("verify", "--case", path, check_code=3)
    assert "report.txt" in result.stderr and "SHA-256" in result.stderr


def test_backup_of_a_case_in_use_is_consistent(tmp_path):
    from sqlalchemy.orm import Session

    from casefile.cases import create_case
    from casefile.db import models as m

    path = tmp_path / "busy.casefile"
    case = create_case(path)
    with case.session() as s:
        s.add_all([m.Actor(name=f"actor {i}") for i in range(50)])
    writer = Session(case.engine, info={"user": case.user})  # read sessions cannot write
    writer.add(m.Actor(name="uncommitted"))
    writer.flush()  # a write transaction is open while the backup runs
    out = tmp_path / "copy.casefile"
    try:
        run("backup", "--case", path, out, check_code=0)
    finally:
        writer.rollback()
        writer.close()
        case.close()
    info = json.loads(run("info", "--case", out, "--json", check_code=0).stdout)
    assert info["counts"]["actors"] == 50
    run("verify", "--case", out, check_code=0)


@pytest.mark.parametrize("args, code, message", [
    (("info", "--case", "/nonexistent/case.casefile"), 1, "does not exist"),
    (("info",), 2, "required"),
    (("frobnicate",), 2, "invalid choice"),
    (("info", "--case", "postgresql+psycopg://x@127.0.0.1:1/none"), 1, "Cannot connect"),
])
def test_errors_are_one_clear_sentence_with_the_right_exit_code(args, code, message):
    result = run(*args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_opening_a_non_case_changes_nothing(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("my notes")
    result = run("info", "--case", path)
    assert result.returncode == 1 and "not a Casefile case" in result.stderr
    assert path.read_text() == "my notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
