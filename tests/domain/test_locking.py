"""Optimistic locking: a stale save is refused, names the record, and both versions survive."""

import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from casefile.cases import open_case
from casefile.db import models as m
from casefile.db.errors import ConflictError
from casefile.db.locking import apply_edit


def _editor(case) -> Session:
    """A session that reads now and saves later, as a form does (read sessions cannot
    write; a ``Case.session`` holds SQLite's write lock from its first statement)."""
    return Session(case.engine, info={"user": case.user})


def test_stale_save_from_a_second_session_is_refused(new_case):
    with new_case.session() as s:
        actor = m.Actor(name="معتصم المشوح", kind="person")
        s.add(actor)
    other = open_case(new_case.url)
    try:
        mine, theirs = _editor(new_case), _editor(other)
        a1 = mine.get(m.Actor, actor.id)
        a2 = theirs.get(m.Actor, actor.id)
        a1.notes = "mukhtar of Hatla"
        mine.commit()
        a2.notes = "notable of Hatla"
        with pytest.raises(Exception) as info:
            theirs.commit()
        theirs.rollback()
        mine.close()
        theirs.close()
    finally:
        other.close()
    assert "StaleData" in type(info.value).__name__ or isinstance(info.value, ConflictError)
    with new_case.session() as s:
        assert s.get(m.Actor, actor.id).notes == "mukhtar of Hatla"


def test_stale_form_save_is_refused_with_both_versions(new_case):
    with new_case.session() as s:
        actor = m.Actor(name="فاضل الظاهر", kind="person")
        s.add(actor)
    loaded_version = actor.version  # what the second analyst's form was opened on
    with new_case.session() as s:
        apply_edit(s, m.Actor, actor.id, loaded_version, {"notes": "first analyst"})
    with pytest.raises(ConflictError) as info:
        with new_case.session() as s:
            apply_edit(s, m.Actor, actor.id, loaded_version, {"notes": "second analyst"})
    assert "Actor" in info.value.record and "فاضل الظاهر" in str(info.value)
    assert info.value.mine == {"notes": "second analyst"}
    assert info.value.theirs["notes"] == "first analyst"
    with new_case.session() as s:
        assert s.get(m.Actor, actor.id).notes == "first analyst"


def test_a_race_inside_the_flush_becomes_a_conflict_naming_the_record(new_case):
    if new_case.backend == "sqlite":
        pytest.skip("a SQLite writer holds the write lock from its first statement, so no "
                    "race inside its flush (test_sqlite_writers_take_turns)")
    with new_case.session() as s:
        actor = m.Actor(name="عبد الرحمن غازي العبد الرحمن", kind="person")
        s.add(actor)
    other = open_case(new_case.url)
    try:
        with pytest.raises(ConflictError, match="Actor .*عبد الرحمن"):
            with new_case.session() as s:
                mine = s.get(m.Actor, actor.id)
                with other.session() as t:
                    t.get(m.Actor, actor.id).notes = "theirs"
                mine.notes = "mine"
    finally:
        other.close()
    with new_case.session() as s:
        assert s.get(m.Actor, actor.id).notes == "theirs"


def test_two_processes_race_and_the_loser_is_refused(new_case, tmp_path):
    with new_case.session() as s:
        actor = m.Actor(name="محمد الركاض", kind="person")
        s.add(actor)
    script = textwrap.dedent("""
        import sys, time
        from casefile.cases import open_case
        from casefile.db import models as m
        from sqlalchemy.orm import Session
        case = open_case(sys.argv[1])
        s = Session(case.engine, info={"user": case.user})  # reads now, saves later
        a = s.get(m.Actor, int(sys.argv[2]))
        print("loaded", flush=True)
        sys.stdin.readline()
        a.notes = sys.argv[3]
        try:
            s.commit()
            print("saved", flush=True)
        except Exception as exc:
            print("refused", type(exc).__name__, flush=True)
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script, new_case.url, str(actor.id), note],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
             for note in ("A", "B")]
    for p in procs:
        assert p.stdout.readline().strip() == "loaded"
    results = []
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
        results.append(p.stdout.readline().strip())
        p.wait(timeout=30)
    assert results[0] == "saved"
    # PostgreSQL: the version column matches no row. SQLite: the loser's read snapshot is
    # stale, and SQLite itself refuses to write from it.
    assert results[1] in ("refused StaleDataError", "refused ConflictError")
    with new_case.session() as s:
        assert s.scalars(select(m.Actor.notes)).one() == "A"


def test_sqlite_writers_take_turns(sqlite_case):
    """A second writer waits for the first to finish, then sees what it saved."""
    with sqlite_case.session() as s:
        actor = m.Actor(name="محمد الركاض", kind="person")
        s.add(actor)
    loaded_version = actor.version
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent("""
        import sys, time
        from casefile.cases import open_case
        from casefile.db import models as m
        case = open_case(sys.argv[1])
        with case.session() as s:
            s.get(m.Actor, int(sys.argv[2])).notes = "first"
            s.flush()
            print("holding", flush=True)
            time.sleep(1.5)
        case.close()
    """), sqlite_case.url, str(actor.id)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(ConflictError, match="محمد الركاض"):
            with sqlite_case.session() as s:  # waits for the holder's commit
                apply_edit(s, m.Actor, actor.id, loaded_version, {"notes": "second"})
    finally:
        holder.wait(timeout=30)
    with sqlite_case.session() as s:
        assert s.get(m.Actor, actor.id).notes == "first"
