"""Grouped review on a real case: names grouped across reports, one decision for a group,
exceptions, undo, the "not an entity" list surviving re-extraction and new imports, confirmed
aliases linking later imports, and another analyst's decisions never overwritten."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.review import decisions, stoplist
from casefile.review.decide import decide_group, merge_groups
from casefile.review.groups import GroupFilter, list_groups, top_new_this_week
from casefile.review.proposals import propose_for_new_source, propose_for_source
from casefile.undo import run_action, undo

REPORTS = Path(__file__).parents[1] / "fixtures" / "review"
HAMZA, BAQIR, TAYBA = "أبو حمزة الشامي", "لواء الباقر", "الطيبة"


def _import(case, tmp_path, *names):
    paths = []
    for name in names:
        shutil.copy(REPORTS / f"{name}.txt", tmp_path / f"{name}.txt")
        paths.append(tmp_path / f"{name}.txt")
    outcomes = list(import_paths(case, paths, on_new_source=propose_for_new_source))
    assert [o.status for o in outcomes] == ["imported"] * len(names)
    return [o.source_id for o in outcomes]


def _group(session, type_, name, **flt):
    found = [g for g in list_groups(session, GroupFilter(types={type_}, **flt)) if g.name == name]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.fixture
def three_reports(new_case, tmp_path):
    return new_case, _import(new_case, tmp_path, "r1", "r2", "r3")


def test_a_name_in_three_reports_is_one_group(three_reports):
    case, sids = three_reports
    with case.read_session() as s:
        groups = list_groups(s)
        hamza = _group(s, "PERSON", HAMZA)
        tayba = _group(s, "PLACE", TAYBA)
    assert (hamza.reports, hamza.mentions, hamza.linked) == (3, 3, None)
    assert (tayba.reports, tayba.mentions) == (2, 2)
    assert hamza.confidence[0] <= hamza.confidence[1] <= hamza.confidence[2]
    assert [g.reports for g in groups] == sorted((g.reports for g in groups), reverse=True)
    assert groups.index(hamza) < groups.index(tayba)
    # The id does not change while the group does not.
    with case.read_session() as s:
        assert _group(s, "PERSON", HAMZA).id == hamza.id
        assert _group(s, "PERSON", HAMZA, known=True) is None
        assert _group(s, "PERSON", HAMZA, source_text="r1").reports == 1
        assert _group(s, "PERSON", HAMZA, min_confidence=0.99) is None
        week = top_new_this_week()
        assert _group(s, "PERSON", HAMZA, known=week.known,
                      imported_since=week.imported_since).reports == 3


def test_accepting_a_group_makes_one_actor_and_later_reports_link_to_it(three_reports, tmp_path):
    case, sids = three_reports
    with case.read_session() as s:
        hamza = _group(s, "PERSON", HAMZA)
    with case.session() as s:
        result = decide_group(s, hamza, "accept")
    assert len(result.applied) == 3 and not result.skipped
    with case.read_session() as s:
        (actor,) = s.scalars(select(m.Actor).where(m.Actor.name == HAMZA))
        confirmed = s.scalar(select(func.count()).select_from(m.Mention).where(
            m.Mention.actor_id == actor.id, m.Mention.status == "confirmed"))
        assert confirmed == 3
        assert _group(s, "PERSON", HAMZA) is None
    (sid4,) = _import(case, tmp_path, "r4")
    with case.read_session() as s:
        known = _group(s, "PERSON", HAMZA, known=True)
        assert known.linked.id == actor.id and known.reports == 1
        assert known.matched_alias == HAMZA
    with case.session() as s:  # known names can be accepted in bulk: they join the actor
        assert decide_group(s, known, "accept").target.id == actor.id
    with case.read_session() as s:
        assert s.scalar(select(func.count()).select_from(m.Actor).where(
            m.Actor.name == HAMZA)) == 1


def test_exceptions_stay_open_and_undo_takes_the_whole_group_back(three_reports):
    case, sids = three_reports
    with case.read_session() as s:
        hamza = _group(s, "PERSON", HAMZA)
    exception = hamza.proposal_ids[0]
    result, action = run_action(case, "Accept group", lambda s: decide_group(
        s, hamza, "accept", except_ids=[exception]))
    assert len(result.applied) == 2 and result.left_open == [exception]
    with case.read_session() as s:
        assert s.get(m.Proposal, exception).status == "proposed"
        assert _group(s, "PERSON", HAMZA).proposal_ids == (exception,)
    undo(case, action)
    with case.read_session() as s:
        assert s.scalar(select(func.count()).select_from(m.Actor)) == 0
        assert _group(s, "PERSON", HAMZA).mentions == 3


def test_a_rejected_name_is_not_proposed_again(three_reports, tmp_path):
    case, sids = three_reports
    with case.read_session() as s:
        tayba = _group(s, "PLACE", TAYBA)
    with case.session() as s:
        result = decide_group(s, tayba, "reject")
    assert result.stoplisted == [TAYBA]
    with case.read_session() as s:
        assert [(e.type, e.text) for e in stoplist.entries(s)] == [("PLACE", TAYBA)]
    with case.session() as s:  # a name listed by hand, then the report extracted again
        stoplist.add(s, "GROUP", BAQIR)
    with case.session() as s:
        summary = propose_for_source(s, sids[0])
    assert summary.not_entities == 1
    with case.read_session() as s:
        assert BAQIR not in {p.payload.get("canonical") for p in s.scalars(select(m.Proposal).where(
            m.Proposal.source_id == sids[0], m.Proposal.status == "proposed"))}
        assert _group(s, "GROUP", BAQIR).reports == 2  # the other reports' are still open
    (sid4,) = _import(case, tmp_path, "r4")
    with case.read_session() as s:
        assert _group(s, "PLACE", TAYBA) is None
        open_places = s.scalars(select(m.Proposal.text).where(
            m.Proposal.kind == "PLACE", m.Proposal.status == "proposed",
            m.Proposal.source_id.in_([sids[0], sid4])))
        assert TAYBA not in set(open_places)
        # The rest of the new report is still proposed.
        assert _group(s, "PERSON", HAMZA).reports == 4


def test_undoing_a_reject_takes_the_name_off_the_list(three_reports):
    case, _ = three_reports
    with case.read_session() as s:
        tayba = _group(s, "PLACE", TAYBA)
    _, action = run_action(case, "Reject", lambda s: decide_group(s, tayba, "reject"))
    undo(case, action)
    with case.read_session() as s:
        assert stoplist.entries(s) == []
        assert _group(s, "PLACE", TAYBA).mentions == 2


def test_a_listed_name_confirmed_by_hand_leaves_the_list_with_an_audit_entry(three_reports):
    case, sids = three_reports
    with case.session() as s:
        stoplist.add(s, "PLACE", TAYBA)
    with case.read_session() as s:
        (one,) = [p for p in s.scalars(select(m.Proposal).where(
            m.Proposal.kind == "PLACE", m.Proposal.text == TAYBA, m.Proposal.source_id == sids[0]))]
    with case.session() as s:
        decisions.accept(s, one.id)  # the analyst accepts that one mention in the queue
    with case.read_session() as s:
        assert stoplist.entries(s) == []
        audit = s.scalars(select(m.AuditEntry).where(m.AuditEntry.table == "stop_names")).all()
        assert [a.action for a in audit] == ["insert", "delete"]
        assert audit[-1].before["name"] == TAYBA and audit[-1].user == "tester"


def test_link_a_group_to_an_existing_actor_and_merge_two_groups(three_reports):
    case, _ = three_reports
    with case.session() as s:
        actor = m.Actor(name="حمزة الشامي", kind=m.ActorKind.PERSON)
        s.add(actor)
        s.flush()
        actor_id = actor.id
    with case.read_session() as s:
        hamza = _group(s, "PERSON", HAMZA)
        baqir, tayba = _group(s, "GROUP", BAQIR), _group(s, "PLACE", TAYBA)
    with case.session() as s:
        result = decide_group(s, hamza, "link", link=("actor", actor_id))
        assert result.target.name == "حمزة الشامي" and len(result.applied) == 3
        with pytest.raises(Exception, match="links to a actor|not to a place"):
            decide_group(s, hamza, "link", link=("place", 1))
    with case.read_session() as s:
        aliases = {a.text for a in s.get(m.Actor, actor_id).aliases}
        assert HAMZA in aliases
    with case.session() as s, pytest.raises(Exception, match="same kind"):
        merge_groups(s, baqir, tayba)


def test_another_analysts_decisions_are_skipped_and_named(three_reports):
    case, _ = three_reports
    with case.read_session() as s:
        hamza = _group(s, "PERSON", HAMZA)  # the first analyst's view of the group
    theirs = hamza.proposal_ids[1]
    with case.session() as s:  # meanwhile a second analyst rejects one mention
        s.info["user"] = "colleague"
        decisions.reject(s, theirs)
    with case.session() as s:
        result = decide_group(s, hamza, "accept")
    assert sorted(result.applied) == sorted(set(hamza.proposal_ids) - {theirs})
    (skipped,) = result.skipped
    assert skipped["proposal_id"] == theirs and skipped["text"] == HAMZA
    assert skipped["status"] == "rejected" and "colleague" in skipped["reason"]
    with case.read_session() as s:
        assert s.get(m.Proposal, theirs).status == "rejected"


def test_the_command_line_lists_decides_and_shows_the_list(sqlite_case, tmp_path):
    import json
    import subprocess
    import sys

    _import(sqlite_case, tmp_path, "r1", "r2", "r3")
    case = str(sqlite_case.url).removeprefix("sqlite:///")

    def cli(*args):
        done = subprocess.run([sys.executable, "-m", "casefile", "review", *args,
                               "--case", case], capture_output=True, text=True, timeout=120)
        return done.returncode, done.stdout, done.stderr

    code, out, _ = cli("groups", "--type", "PLACE", "--limit", "5", "--json")
    groups = json.loads(out)
    assert code == 0 and len(groups) <= 5 and {g["type"] for g in groups} == {"PLACE"}
    assert set(groups[0]) == {"id", "type", "name", "linked", "reports", "mentions",
                              "confidence"}
    (tayba,) = [g for g in groups if g["name"] == TAYBA]
    code, out, _ = cli("decide", "--group", tayba["id"], "--reject")
    assert code == 0 and json.loads(out)["applied"] == 2
    assert json.loads(out)["stoplisted"] == [TAYBA]
    code, out, _ = cli("stoplist", "--json")
    assert [(e["type"], e["text"]) for e in json.loads(out)] == [("PLACE", TAYBA)]
    code, _, err = cli("decide", "--group", tayba["id"], "--accept")
    assert code == 2 and "no open group" in err
    code, _, err = cli("decide", "--group", groups[0]["id"], "--link", "actor")
    assert code == 2 and "actor:ID" in err


def test_a_loose_link_is_its_own_group_and_not_safe_to_accept_in_bulk(three_reports):
    case, sids = three_reports
    with case.session() as s:
        actor = m.Actor(name="وزارة الداخلية", kind=m.ActorKind.INSTITUTION)
        s.add(actor)
        s.flush()
        text = s.get(m.Source, sids[0]).text
        for words, alias in (("وزارة الداخلية", "وزارة الداخلية"),
                             ("وزارة المالية", "وزارة الداخلية")):
            s.add(m.Proposal(source_id=sids[0], kind="GROUP", subkind="institution", text=words,
                             start=0, end=len(words), confidence=0.8,
                             payload={"canonical": actor.name, "matched_alias": alias,
                                      "ref": ["actor", actor.id], "kind": "institution"}))
        assert text  # the spans only need to exist for the grouping
    with case.read_session() as s:
        exact = _group(s, "GROUP", "وزارة الداخلية", known=True)
        loose = _group(s, "GROUP", "وزارة المالية", known=True)
    assert exact.linked.id == loose.linked.id == actor.id
    assert exact.safe_to_accept and not loose.safe_to_accept


AFAD = "إدارة الكوارث والطوارئ التركية"


def test_rejecting_a_misread_word_lists_the_word_not_the_name_it_was_matched_to(new_case,
                                                                               tmp_path):
    """The case knows the agency AFAD by its short name «آفاد», which is spelt like «أفاد»
    («he said») once hamzas are folded: every «أفاد» is read as the agency. The analyst
    rejects that group: «أفاد», as the reports write it, goes on the list (not the alias it
    matched, nor the agency), and a re-extraction still proposes the agency where it is
    named, but no longer «أفاد»."""
    from casefile.normalize import key

    with new_case.session() as s:
        agency = m.Actor(name=AFAD, kind="institution")
        agency.aliases.append(m.Alias(text="آفاد", key=key("آفاد")))
        s.add(agency)
    path = tmp_path / "afad.txt"
    path.write_text("أفاد مصدر أمني بأن الوضع هادئ في المدينة.\n"
                    "وأفاد شهود بأن الطريق مقطوع.\n"
                    f"وقد وصلت فرق {AFAD} إلى المنطقة صباح اليوم.\n", encoding="utf-8")
    (outcome,) = import_paths(new_case, [path], on_new_source=propose_for_new_source)
    with new_case.read_session() as s:
        said = _group(s, "GROUP", "أفاد", known=True)
        named = _group(s, "GROUP", AFAD, known=True)
    assert said.matched_alias == "آفاد" and said.linked.name == AFAD and said.mentions == 2
    assert named.mentions == 1
    with new_case.session() as s:
        result = decide_group(s, said, "reject")
    assert result.stoplisted == ["أفاد"]
    with new_case.read_session() as s:
        assert [(e.type, e.text) for e in stoplist.entries(s)] == [("GROUP", "أفاد")]
    with new_case.session() as s:
        propose_for_source(s, outcome.source_id)  # extracted again
    with new_case.read_session() as s:
        open_groups = s.scalars(select(m.Proposal.text).where(
            m.Proposal.kind == "GROUP", m.Proposal.status == "proposed")).all()
    assert open_groups == [AFAD]


def test_a_colleague_deciding_a_mention_while_the_group_is_decided_is_skipped(pg_server, tmp_path):
    """Two analysts on one PostgreSQL case: the colleague rejects one mention while the group
    decision is under way (its transaction open, before its first write). That mention is
    skipped and named (theirs stands, nothing of theirs is overwritten); the rest of the group
    is applied."""
    import os

    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from casefile.cases import create_case

    case = create_case(pg_server.create_database(f"colleague_{os.getpid()}"))
    try:
        _import(case, tmp_path, "r1", "r2", "r3")
        with case.read_session() as s:
            hamza = _group(s, "PERSON", HAMZA)
        theirs = hamza.proposal_ids[-1]
        meanwhile = []

        def colleague(_session, _context, _instances) -> None:
            if meanwhile:  # once: the decision's first write
                return
            meanwhile.append(theirs)
            with case.session() as other:
                other.info["user"] = "colleague"
                decisions.reject(other, theirs)

        # First among the flush hooks: before the decision's first write takes the audit
        # chain's lock (which then holds the colleague's commit until the decision ends).
        event.listen(Session, "before_flush", colleague, insert=True)
        try:
            with case.session() as s:
                result = decide_group(s, hamza, "accept")
        finally:
            event.remove(Session, "before_flush", colleague)
        assert meanwhile == [theirs]
        assert sorted(result.applied) == sorted(set(hamza.proposal_ids) - {theirs})
        (skipped,) = result.skipped
        assert skipped["proposal_id"] == theirs and skipped["text"] == HAMZA
        assert "colleague" in skipped["reason"]
        with case.read_session() as s:
            mine = s.get(m.Proposal, theirs)
            assert (mine.status, mine.decided_by) == ("rejected", "colleague")
            others = [s.get(m.Proposal, p) for p in result.applied]
            assert {p.status for p in others} <= {"accepted", "merged"}
            assert s.scalars(select(m.Actor.name)).all() == [HAMZA]
    finally:
        case.close()
