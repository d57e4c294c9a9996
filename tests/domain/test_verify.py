"""`casefile verify` can be trusted: one snapshot, busy said plainly, damage as a list."""

import hashlib
import json
import subprocess
import sys

import pytest
from sqlalchemy import event, text

from casefile.cases import create_case, open_case
from casefile.db import models as m
from casefile.db.verify import verify_case

CLI = [sys.executable, "-m", "casefile"]


def _verify(case, *extra):
    result = subprocess.run([*CLI, "verify", "--case", str(case), *extra], capture_output=True,
                            text=True, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def _source(session, i, text_="نص التقرير عن حطلة"):
    data = f"report {i}".encode()
    source = m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                      file_name=f"{i}.txt", media_type="text/plain", size=len(data), text=text_)
    session.add(source)
    session.flush()
    session.add(m.Proposal(source_id=source.id, kind="place", text="حطلة", start=11, end=15,
                           confidence=0.9, status="proposed"))
    return source


def test_an_import_committing_during_verify_is_not_damage(new_case):
    """Another writer commits a source and its proposal between verify's queries: verify
    reads one snapshot, so it sees neither (before, it reported the proposal's span as
    beyond the text of a source it had not seen)."""
    with new_case.session() as s:
        _source(s, 0)
    writer = open_case(new_case.url)
    committed = []

    def commit_once(conn, _cursor, statement, *_args):
        if committed or "length(sources.text)" not in statement:
            return
        with writer.session() as s:
            committed.append(_source(s, 1).id)

    event.listen(new_case.engine, "after_cursor_execute", commit_once)
    try:
        report = verify_case(new_case)
    finally:
        event.remove(new_case.engine, "after_cursor_execute", commit_once)
        writer.close()
    assert committed, "the concurrent commit did not happen"
    assert report.ok, report.problems
    assert report.checked_sources == 1
    assert verify_case(new_case).checked_sources == 2


@pytest.fixture
def filled_case(tmp_path):
    path = tmp_path / "c.casefile"
    case = create_case(path)
    try:
        with case.session() as s:
            for i in range(200):
                _source(s, i, "نص " * 400)
    finally:
        case.close()
    return path


def test_a_case_truncated_to_half_is_reported_as_damage(filled_case):
    data = filled_case.read_bytes()
    filled_case.write_bytes(data[: len(data) // 2])
    result = _verify(filled_case)
    assert result.returncode == 3
    assert "FAILED: " in result.stderr and "damaged" in result.stderr
    out = json.loads(_verify(filled_case, "--json").stdout)
    assert out["ok"] is False and out["problems"]


def test_a_damaged_page_is_reported_as_a_list_of_damage(filled_case):
    with open_case(filled_case).engine.connect() as conn:
        page_size = conn.execute(text("PRAGMA page_size")).scalar()
        root = conn.execute(text("SELECT rootpage FROM sqlite_master "
                                 "WHERE name = 'sources'")).scalar()
    data = bytearray(filled_case.read_bytes())
    start = (root - 1) * page_size  # the sources table's first page: every source is lost
    data[start:start + page_size] = bytes([0x5A]) * page_size
    filled_case.write_bytes(bytes(data))
    result = _verify(filled_case, "--json")
    assert result.returncode == 3
    problems = json.loads(result.stdout)["problems"]
    assert any(p.startswith("database integrity") for p in problems), problems
    assert len(problems) >= 2


def test_json_report_has_counts_and_the_audit_head(filled_case):
    out = json.loads(_verify(filled_case, "--json").stdout)
    assert out["ok"] is True and out["checked_sources"] == 200
    assert out["audit_entries"] == 2 + 400 and len(out["audit_head"]) == 64
