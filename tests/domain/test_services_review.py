"""Review decisions: accept, edit, merge, reject, bulk; marks and candidates."""

from sqlalchemy import select
from ui_support import build_sample

from casefile.db import models as m
from casefile.review import confirm
from casefile.services import review
from casefile.services.actors import ActorData, AliasData, load_actor, save_actor
from casefile.services.marks import marks_for_source
from casefile.undo import run_action, undo


def test_rows_carry_sentence_alias_and_confidence(sqlite_case):
    ids = build_sample(sqlite_case)
    with sqlite_case.session() as s:
        rows = review.proposal_rows(s, review.proposal_ids(s, ids["source"]))
    irgc = next(r for r in rows if r.text == "الحرس الثوري")
    assert irgc.matched_alias == "الحرس الثوري" and irgc.confidence == 0.91
    assert irgc.context.startswith("عمليات القصف") and "الحرس الثوري" in irgc.context
    assert irgc.context_start <= irgc.start
    assert [r.start for r in rows] == sorted(r.start for r in rows)


def test_accept_edit_merge_reject_and_undo(sqlite_case):
    ids = build_sample(sqlite_case)
    person, kunya = ids["proposals"][5], ids["proposals"][6]
    target, action = run_action(sqlite_case, "Accept", lambda s: confirm.accept(s, person))
    assert target[0] == "actor"
    with sqlite_case.session() as s:
        actor = load_actor(s, target[1])
        assert actor.name == "محمد علي الهادي" and actor.kind == "person"
        assert actor.name_latin == "Muhammad Ali al-Hadi"
        assert actor.citations[0].quote == "محمد علي الهادي"
        cands = review.merge_candidates(s, kunya)
    _, merged = run_action(sqlite_case, "Merge", lambda s: confirm.merge(s, kunya, target[1]))
    with sqlite_case.session() as s:
        assert "أبو رقية الأحوازي" in [a.text for a in load_actor(s, target[1]).aliases]
        marks = marks_for_source(s, ids["source"])
    assert {(k.type, k.status) for k in marks} >= {("person", "confirmed"), ("group", "proposed")}
    assert cands  # there was someone to merge into
    run_action(sqlite_case, "Reject", lambda s: confirm.reject(s, ids["proposals"][4]))
    edited, edit = run_action(sqlite_case, "Edit", lambda s: confirm.accept(
        s, ids["proposals"][2], name="الحرس الثوري الإيراني", kind="state_force"))
    with sqlite_case.session() as s:
        statuses = dict(s.execute(select(m.Proposal.id, m.Proposal.status)).all())
        assert statuses[ids["proposals"][4]] == "rejected"
        assert statuses[ids["proposals"][2]] == "edited"
        assert s.get(m.Actor, edited[1]).kind == "state_force"
    undo(sqlite_case, edit)
    undo(sqlite_case, merged)
    with sqlite_case.session() as s:
        assert s.get(m.Proposal, kunya).status == "proposed"
        assert "أبو رقية الأحوازي" not in [a.text for a in load_actor(s, target[1]).aliases]
    undo(sqlite_case, action)
    with sqlite_case.session() as s:
        assert s.get(m.Proposal, person).status == "proposed"
        assert s.get(m.Actor, target[1]) is None
        assert s.get(m.Actor, edited[1]) is None


def test_accept_links_to_existing_actor_by_alias(sqlite_case):
    ids = build_sample(sqlite_case)
    with sqlite_case.session() as s:
        irgc = save_actor(s, ActorData(name="الحرس الثوري الإيراني", kind="state_force",
                                       aliases=[AliasData("الحرس الثوري")]))
    target, _ = run_action(sqlite_case, "Accept", lambda s: confirm.accept(s, ids["proposals"][2]))
    assert target == ("actor", irgc)


def test_bulk_accept_skips_decided(sqlite_case):
    ids = build_sample(sqlite_case)
    run_action(sqlite_case, "Reject", lambda s: confirm.reject(s, ids["proposals"][0]))
    done, _ = run_action(sqlite_case, "Bulk", lambda s: confirm.accept_many(s, ids["proposals"]))
    assert done == 6
    with sqlite_case.session() as s:
        assert review.proposal_ids(s) == []
        marks = marks_for_source(s, ids["source"])
    assert all(k.status == "confirmed" for k in marks) and len(marks) == 6


def test_accept_links_to_an_existing_record_by_its_own_name(sqlite_case):
    """A place or actor whose name (not an alias) matches is reused, not duplicated."""
    import hashlib

    from sqlalchemy import func, select

    from casefile.db import models as m
    from casefile.review import confirm

    text = "وصلت دورية إلى خشام"
    with sqlite_case.session() as s:
        data = text.encode()
        src = m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data, file_name="r.txt",
                       media_type="text/plain", size=len(data), text=text)
        s.add(src)
        s.add(m.Place(name="خشّام", kind="village"))  # with a shadda: matched normalised
        s.flush()
        start = text.index("خشام")
        p = m.Proposal(source_id=src.id, kind="PLACE", text="خشام", start=start,
                       end=start + 4, confidence=0.9, payload={"canonical": "خشام"})
        s.add(p)
        s.flush()
        proposal_id = p.id
    with sqlite_case.session() as s:
        confirm.accept(s, proposal_id)
    with sqlite_case.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Place)) == 1
