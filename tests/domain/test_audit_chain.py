"""The audit log is a hash chain that cannot be rewritten unseen, on both backends."""

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, select, text

from casefile.cases import create_case, open_case
from casefile.db import chain
from casefile.db import models as m
from casefile.db.verify import verify_case

CLI = [sys.executable, "-m", "casefile"]
FIXTURES = Path(__file__).parents[1] / "fixtures" / "schemas"
MIGRATIONS = Path(__file__).resolve().parents[2] / "casefile" / "db" / "migrations"


def _verify_cli(url):
    result = subprocess.run([*CLI, "verify", "--case", url, "--json"], capture_output=True,
                            text=True)
    assert "Traceback" not in result.stderr
    return result.returncode, json.loads(result.stdout)


def _add_source(case, data=b"original report", name="report.txt"):
    with case.session() as s:
        source = m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                          file_name=name, media_type="text/plain", size=len(data), text="")
        s.add(source)
    return source.id


def _fill(case):
    _add_source(case)
    with case.session() as s:
        actor = m.Actor(name="قسد", kind="armed_group")
        s.add(actor)
    with case.session() as s:
        s.get(m.Actor, actor.id).name = "قوات سوريا الديمقراطية"
    return actor.id


def _entries(case):
    with case.engine.connect() as conn:
        return conn.execute(select(m.AuditEntry.id, m.AuditEntry.prev_hash, m.AuditEntry.hash)
                            .order_by(m.AuditEntry.id)).all()


@pytest.fixture
def unguarded(new_case):
    """Runs SQL on the audit log with its guards set aside, as an adversary with the file
    (or the database password) can."""

    def run(sql, **params):
        with new_case.engine.begin() as conn:
            if new_case.backend == "sqlite":
                conn.execute(text("DROP TRIGGER audit_log_no_update"))
                conn.execute(text("DROP TRIGGER audit_log_no_delete"))
            else:
                conn.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
            conn.execute(text(sql), params)
    return run


def test_every_entry_carries_the_hash_of_the_one_before(new_case):
    _fill(new_case)
    rows = _entries(new_case)
    assert len(rows) >= 4
    assert rows[0].prev_hash == chain.GENESIS
    for before, after in zip(rows, rows[1:], strict=False):
        assert after.prev_hash == before.hash and after.id == before.id + 1
    assert len({r.hash for r in rows}) == len(rows)
    report = verify_case(new_case)
    assert report.ok, report.problems
    assert report.audit_entries == len(rows) and report.audit_head == rows[-1].hash


def test_replace_into_the_audit_log_is_refused_on_sqlite(sqlite_case):
    _fill(sqlite_case)
    before = _entries(sqlite_case)
    first = before[0]
    for verb in ("REPLACE", "INSERT OR REPLACE"):
        with pytest.raises(Exception, match="append-only"):
            with sqlite_case.engine.begin() as conn:
                conn.execute(text(
                    f'{verb} INTO audit_log (id, at, "user", action, "table", record_id, '
                    "prev_hash, hash) VALUES (:id, '2020-01-01 00:00:00.000000', 'forger', "
                    "'insert', 'actors', 1, :prev, :hash)"),
                    {"id": first.id, "prev": first.prev_hash, "hash": first.hash})
    assert _entries(sqlite_case) == before
    with sqlite_case.engine.connect() as conn:
        assert conn.execute(text('SELECT "user" FROM audit_log WHERE id = :i'),
                            {"i": first.id}).scalar() == "tester"


def test_an_entry_out_of_chain_order_is_refused(new_case):
    _fill(new_case)
    last = _entries(new_case)[-1]
    bad = [  # an id not after the last one; a prev_hash that is not the last hash
        (last.id, last.hash), (last.id + 1, chain.GENESIS), (last.id + 1, None),
    ]
    for entry_id, prev in bad:
        with pytest.raises(Exception, match="append-only"):
            with new_case.engine.begin() as conn:
                conn.execute(text(
                    'INSERT INTO audit_log (id, at, "user", action, "table", prev_hash, hash) '
                    "VALUES (:id, '2020-01-01 00:00:00', 'forger', 'insert', 'actors', "
                    ":prev, 'x')"), {"id": entry_id, "prev": prev})


def test_truncate_of_the_audit_log_is_refused_on_postgresql(new_case):
    if new_case.backend != "postgresql":
        pytest.skip("TRUNCATE is a PostgreSQL statement")
    _fill(new_case)
    before = _entries(new_case)
    with pytest.raises(Exception, match="append-only"):
        with new_case.engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_log"))
    assert _entries(new_case) == before


def test_a_rewritten_entry_is_named_by_verify(new_case, unguarded):
    actor_id = _fill(new_case)
    with new_case.engine.connect() as conn:
        target = conn.execute(select(m.AuditEntry.id).where(
            m.AuditEntry.table == "actors", m.AuditEntry.action == "update",
            m.AuditEntry.record_id == actor_id)).scalar_one()
    unguarded("UPDATE audit_log SET \"after\" = :a WHERE id = :i",
              a=json.dumps({"name": "someone else"}), i=target)
    code, out = _verify_cli(new_case.url)
    assert code == 3
    assert out["problems"][0] == (f"audit log: the chain breaks first at entry {target}: it was "
                                  "changed after it was written (its hash does not match its "
                                  "contents)")


def test_a_removed_entry_breaks_the_chain_at_the_next_one(new_case, unguarded):
    _fill(new_case)
    rows = _entries(new_case)
    unguarded("DELETE FROM audit_log WHERE id = :i", i=rows[1].id)
    code, out = _verify_cli(new_case.url)
    assert code == 3
    assert out["problems"][0].startswith(
        f"audit log: the chain breaks first at entry {rows[2].id}: it does not follow")


def test_an_undecodable_entry_is_damage(new_case, unguarded):
    _fill(new_case)
    rows = _entries(new_case)
    if new_case.backend == "sqlite":
        unguarded("UPDATE audit_log SET \"before\" = 'not json {' WHERE id = :i", i=rows[2].id)
    else:  # a json column holds valid JSON: damage the time instead
        unguarded("ALTER TABLE audit_log ALTER COLUMN at TYPE varchar USING at::varchar")
        unguarded("UPDATE audit_log SET at = 'yesterday-ish' WHERE id = :i", i=rows[2].id)
    code, out = _verify_cli(new_case.url)
    assert code == 3
    assert out["problems"][0].startswith(
        f"audit log: the chain breaks first at entry {rows[2].id}: it does not decode")


def test_an_original_rewritten_with_its_hash_and_size_is_caught(new_case):
    """The adversary rewrites the bytes, the SHA-256 and the size together: they agree with
    each other, but not with what the audit log recorded at import."""
    source_id = _add_source(new_case)
    forged = b"a different report, longer than the first"
    with new_case.engine.begin() as conn:
        conn.execute(text("UPDATE sources SET original = :b, sha256 = :h, size = :n"),
                     {"b": forged, "h": hashlib.sha256(forged).hexdigest(), "n": len(forged)})
    code, out = _verify_cli(new_case.url)
    assert code == 3
    assert out["problems"] == [f"source {source_id} (report.txt): SHA-256 or size differs from "
                               "what the audit log recorded when it was imported"]


def test_a_source_without_its_insert_entry_is_caught(sqlite_case):
    with sqlite_case.session() as s:
        s.info["no_audit"] = True
        data = b"slipped in"
        s.add(m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                       file_name="quiet.txt", media_type="text/plain", size=len(data), text=""))
    report = verify_case(sqlite_case)
    assert report.problems == ["source 1 (quiet.txt): no insert entry in the audit log"]


def test_old_sqlite_case_gets_a_chain_on_upgrade(tmp_path):
    path = tmp_path / "old.casefile"
    shutil.copy(FIXTURES / "0001.casefile", path)
    with create_engine(f"sqlite:///{path}").connect() as conn:
        old = conn.execute(text("SELECT count(*) FROM audit_log")).scalar()
    case = open_case(path)
    try:
        rows = _entries(case)
        assert len(rows) == old > 0 and rows[0].prev_hash == chain.GENESIS
        assert all(r.hash for r in rows)
        _add_source(case, b"after the upgrade", "new.txt")  # the chain goes on from there
        report = verify_case(case)
        assert report.ok, report.problems
        assert report.audit_entries > old
    finally:
        case.close()


def test_old_postgresql_case_gets_a_chain_on_upgrade(pg_server):
    url = pg_server.create_database("old_chain")
    engine = create_engine(url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        for action, after in [("insert", {"name": "حطلة"}), ("update", {"name": "حطلة الشرقية"})]:
            conn.execute(text(
                'INSERT INTO audit_log (at, "user", action, "table", record_id, "after") '
                "VALUES (now(), 'analyst', :a, 'places', 1, CAST(:j AS json))"),
                {"a": action, "j": json.dumps(after, ensure_ascii=False)})
    engine.dispose()
    case = open_case(url)
    try:
        rows = _entries(case)
        assert [r.prev_hash for r in rows] == [chain.GENESIS, rows[0].hash]
        with case.session() as s:
            s.add(m.Actor(name="قسد", kind="armed_group"))
        report = verify_case(case)
        assert report.ok, report.problems
        assert report.audit_entries == 3
    finally:
        case.close()


def test_a_backup_from_postgresql_keeps_the_chain(pg_server, tmp_path):
    url = pg_server.create_database("chain_backup")
    case = create_case(url)
    try:
        _fill(case)
    finally:
        case.close()
    out = tmp_path / "copy.casefile"
    subprocess.run([*CLI, "backup", "--case", url, str(out)], check=True, capture_output=True)
    code, report = _verify_cli(str(out))
    assert code == 0, report
    code, original = _verify_cli(url)
    assert code == 0 and report["audit_head"] == original["audit_head"]


def test_two_imports_at_once_into_postgresql_keep_the_chain(pg_server, tmp_path):
    # Each import writes its files' audit entries in one insert per file, ids taken from
    # the chain's head: two writers at once must still leave one unbroken chain.
    import threading

    from casefile.importing.pipeline import import_paths

    case = create_case(pg_server.create_database("two_imports"))
    folders = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        for i in range(15):
            (folder / f"{name}{i}.txt").write_text(f"تقرير {name} رقم {i}: اجتمع المجلس في حلب.",
                                                   encoding="utf-8")
        folders.append(folder)
    outcomes: list = []

    def run(folder):
        outcomes.extend(import_paths(case, [folder]))

    threads = [threading.Thread(target=run, args=(folder,)) for folder in folders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(o.status for o in outcomes) == ["imported"] * 30
    report = verify_case(case)
    assert report.ok, report.problems
    ids = [row.id for row in _entries(case)]
    assert ids == list(range(1, len(ids) + 1))
    case.close()
