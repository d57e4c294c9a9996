"""Audit, version checks, index refresh and the stop list follow one case's sessions only."""

from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from casefile.cases import create_case
from casefile.db import models as m
from casefile.review import stoplist
from casefile.search import matching_ids


def _audited(case, table):
    with case.read_session() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry)
                        .where(m.AuditEntry.table == table))


def test_two_open_cases_do_not_fire_each_others_listeners(tmp_path):
    first = create_case(tmp_path / "first.casefile")
    second = create_case(tmp_path / "second.casefile")
    flushes = {"first": 0, "second": 0}
    first.listen("after_flush", lambda _s, _c: flushes.__setitem__("first", flushes["first"] + 1))
    second.listen("after_flush", lambda _s, _c: flushes.__setitem__("second", flushes["second"] + 1))
    try:
        with first.session() as s:
            s.add(m.Actor(name="Alpha Brigade", kind=m.ActorKind.ARMED_GROUP))
        assert flushes == {"first": 1, "second": 0}
        # One audit entry for the one actor: the second case's listeners did not run too.
        assert _audited(first, "actors") == 1
        assert _audited(second, "actors") == 0
        with first.read_session() as s:
            assert len(matching_ids(s, "Alpha", "actor")) == 1
        with second.read_session() as s:
            assert matching_ids(s, "Alpha", "actor") == set()

        with second.session() as s:
            s.add(m.Place(name="Hatla", kind=m.PlaceKind.VILLAGE))
        assert flushes == {"first": 1, "second": 1}
        assert _audited(first, "places") == 0
        assert _audited(second, "places") == 1
    finally:
        first.close()
        second.close()


def test_a_session_made_elsewhere_triggers_nothing(tmp_path):
    case = create_case(tmp_path / "case.casefile")
    try:
        with case.session() as s:
            stoplist.add(s, "GROUP", "Alpha Brigade")
        audited_before = _audited(case, "actors")

        # A plain sessionmaker on the same database: not one of the case's sessions.
        with sessionmaker(case.engine)() as s:
            s.add(m.Actor(name="Alpha Brigade", kind=m.ActorKind.ARMED_GROUP))
            s.commit()

        assert _audited(case, "actors") == audited_before  # not audited
        with case.read_session() as s:
            assert s.scalar(select(func.count()).select_from(m.Actor)) == 1
            assert matching_ids(s, "Alpha", "actor") == set()  # not indexed
            assert [e.text for e in stoplist.entries(s)] == ["Alpha Brigade"]  # still listed

        # The same write through the case does all three.
        with case.session() as s:
            s.add(m.Actor(name="Alpha Brigade", kind=m.ActorKind.ARMED_GROUP))
        assert _audited(case, "actors") == audited_before + 1
        with case.read_session() as s:
            assert len(matching_ids(s, "Alpha", "actor")) == 1
            assert stoplist.entries(s) == []
    finally:
        case.close()
