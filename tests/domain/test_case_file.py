"""The case file: creation through migrations, recognition, refusals that change nothing."""

import hashlib
import os
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from casefile.cases import create_case, open_case
from casefile.db import models as m
from casefile.db.case import APPLICATION_ID, head_revision
from casefile.db.errors import CaseError


def test_new_sqlite_case_is_wal_with_app_id_and_foreign_keys(tmp_path):
    path = tmp_path / "c.casefile"
    case = create_case(path)
    with case.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
            head_revision()
    case.close()


def test_foreign_keys_are_enforced_on_every_connection(new_case):
    with pytest.raises(IntegrityError):
        with new_case.session() as s:
            s.add(m.Involvement(incident_id=999, actor_id=999, role="target"))


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("content", [b"", b"hello, not a case", b"SQLite format 3\x00" + b"\0" * 200])
def test_other_files_are_refused_and_untouched(tmp_path, content):
    path = tmp_path / "other.db"
    path.write_bytes(content)
    before = _digest(path)
    with pytest.raises(CaseError, match="not a Casefile case"):
        open_case(path)
    assert _digest(path) == before


def test_plain_sqlite_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "app.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = _digest(path)
    with pytest.raises(CaseError, match="SQLite database but not a Casefile case"):
        open_case(path)
    assert _digest(path) == before


def test_newer_schema_is_refused_with_a_clear_message(tmp_path):
    path = tmp_path / "future.casefile"
    create_case(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = _digest(path)
    with pytest.raises(CaseError, match="newer Casefile"):
        open_case(path)
    assert _digest(path) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_case_is_refused(tmp_path):
    path = tmp_path / "ro.casefile"
    create_case(path).close()
    path.chmod(0o444)
    with pytest.raises(CaseError, match="read-only"):
        open_case(path)


def test_read_only_case_is_refused_even_for_root(tmp_path, monkeypatch):
    path = tmp_path / "ro.casefile"
    create_case(path).close()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if mode == os.W_OK and str(p) == str(path) else real_access(p, mode))
    with pytest.raises(CaseError, match="read-only"):
        open_case(path)


def test_locked_database_says_so(tmp_path):
    path = tmp_path / "locked.casefile"
    create_case(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1]); "
         "c.execute('PRAGMA locking_mode=EXCLUSIVE'); c.execute('BEGIN EXCLUSIVE'); "
         "print('held', flush=True); time.sleep(30)", str(path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(CaseError, match="locked"):
            open_case(path)
    finally:
        holder.kill()
        holder.wait()


def test_creating_over_an_existing_file_is_refused(tmp_path):
    path = tmp_path / "exists.casefile"
    path.write_text("precious")
    with pytest.raises(CaseError, match="already exists"):
        create_case(path)
    assert path.read_text() == "precious"


def test_postgres_server_down_is_one_clear_sentence():
    with pytest.raises(CaseError, match="Cannot connect to the PostgreSQL case"):
        open_case("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_postgres_login_refused(pg_server):
    url = pg_server.url("postgres").replace("casefile@", "intruder@")
    with pytest.raises(CaseError, match="Cannot connect.*intruder"):
        open_case(url)


def test_records_round_trip_on_both_backends(new_case):
    with new_case.session() as s:
        place = m.Place(name="حطلة", name_latin="Hatla", kind="village",
                        latitude=35.36, longitude=40.2)
        actor = m.Actor(name="محمد علي الهادي", name_latin="Muhammad Ali al-Hadi", kind="person")
        actor.aliases.append(m.Alias(text="أبو رقية الأحوازي", key="ابورقيهالاحوازي", kind="kunya"))
        incident = m.Incident(title="زيارة حطلة", type="strategic_development",
                              subtype="visit", precision="month", place=place, credibility=3)
        incident.involvements.append(m.Involvement(actor=actor, role="visitor"))
        s.add_all([place, actor, incident])
    with new_case.session() as s:
        actor = s.scalars(select(m.Actor)).one()
        assert [a.text for a in actor.aliases] == ["أبو رقية الأحوازي"]
        assert actor.involvements[0].incident.place.name_latin == "Hatla"


def test_every_change_is_audited_and_the_log_is_append_only(new_case):
    with new_case.session() as s:
        actor = m.Actor(name="قسد", kind="armed_group")
        s.add(actor)
    with new_case.session() as s:
        s.get(m.Actor, actor.id).name = "قوات سوريا الديمقراطية"
    with new_case.session() as s:
        s.delete(s.get(m.Actor, actor.id))
    with new_case.session() as s:
        entries = s.scalars(select(m.AuditEntry).where(m.AuditEntry.table == "actors")
                            .order_by(m.AuditEntry.id)).all()
        assert [e.action for e in entries] == ["insert", "update", "delete"]
        assert entries[1].before == {"name": "قسد"}
        assert entries[1].after == {"name": "قوات سوريا الديمقراطية"}
        assert all(e.user == "tester" for e in entries)
    with pytest.raises(Exception, match="append-only"):
        with new_case.session() as s:
            s.execute(text("DELETE FROM audit_log"))
    with pytest.raises(Exception, match="append-only"):
        with new_case.session() as s:
            s.execute(text("UPDATE audit_log SET \"user\" = 'someone else'"))


def test_the_revisions_read_without_alembic_are_alembics_own():
    from alembic.script import ScriptDirectory

    from casefile.db.case import _alembic_config, known_revisions

    script = ScriptDirectory.from_config(_alembic_config())
    assert set(known_revisions()) == {rev.revision for rev in script.walk_revisions()}
    assert head_revision() == script.get_current_head()


def test_opening_an_up_to_date_case_does_not_load_alembic(tmp_path):
    # Start-up time of every command: alembic is loaded to migrate, not to open.
    path = tmp_path / "c.casefile"
    create_case(path).close()
    code = (
        "import sys\n"
        "from casefile.cli import build_parser\n"
        "from casefile.cases import open_case\n"
        "build_parser()\n"
        f"open_case({str(path)!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'"
        " or m.startswith('casefile.extraction')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
