"""Desk services: forms' read models, validation, optimistic saves, deletes with undo."""

import pytest
from sqlalchemy import func, select
from ui_support import build_sample

from casefile.cases import open_case
from casefile.db import models as m
from casefile.db.errors import ConflictError
from casefile.services import ValidationError
from casefile.services.actors import (
    ActorData,
    AliasData,
    LinkData,
    add_alias,
    delete_actor,
    load_actor,
    save_actor,
    validate_actor,
)
from casefile.services.incidents import (
    IncidentData,
    InvolvementData,
    load_incident,
    save_incident,
    validate_incident,
)
from casefile.services.places import PlaceData, load_place, save_place, validate_place
from casefile.services.sources import (
    SourceFilter,
    load_source,
    save_source,
    source_ids,
    source_rows,
)
from casefile.services.spans import actor_from_span, cite
from casefile.undo import run_action, undo


def _actor(case, **kw):
    data = ActorData(name="أبو رقية الأحوازي", name_latin="Abu Ruqayya al-Ahwazi", **kw)
    with case.session() as s:
        return save_actor(s, data)


def test_actor_round_trip_with_aliases_relations_places(new_case):
    with new_case.session() as s:
        hatla = save_place(s, PlaceData(name="حطلة", kind="village"))
        irgc = save_actor(s, ActorData(name="الحرس الثوري الإيراني", kind="state_force"))
    data = ActorData(name="محمد علي الهادي", tags=["إيران", "Deir ez-Zor"],
                     aliases=[AliasData("أبو رقية الأحوازي", "kunya")],
                     relations=[LinkData("affiliated_with", "actor", irgc, date_start="2024-08")],
                     places=[LinkData("present_in", "place", hatla)])
    with new_case.session() as s:
        actor_id = save_actor(s, data)
    with new_case.session() as s:
        loaded = load_actor(s, actor_id)
    assert loaded.version == 1
    assert [(a.text, a.kind) for a in loaded.aliases] == [("أبو رقية الأحوازي", "kunya")]
    assert loaded.relations[0].object_label == "الحرس الثوري الإيراني"
    assert loaded.relations[0].date_start == "2024-08-01"
    assert [p.object_label for p in loaded.places] == ["حطلة"]
    assert sorted(loaded.tags) == ["Deir ez-Zor", "إيران"]

    loaded.aliases.append(AliasData("الهادي", "name"))
    loaded.relations.clear()
    with new_case.session() as s:
        save_actor(s, loaded)
    with new_case.session() as s:
        again = load_actor(s, actor_id)
        assert again.version == 2 and again.relations == []
        assert [a.text for a in again.aliases] == ["أبو رقية الأحوازي", "الهادي"]


def test_actor_validation_names_each_field():
    errors = validate_actor(ActorData(
        name=" ", kind="wizard", aliases=[AliasData(""), AliasData("x"), AliasData("X")],
        relations=[LinkData("commands", "actor", None, date_start="2024-05",
                            date_end="2023")]))
    assert errors["name"] == "The primary name is required."
    assert "kind" in errors and "aliases[0]" in errors and "aliases[2]" in errors
    assert "aliases[1]" not in errors
    assert errors["relations[0].object"].startswith("Relation 1")
    assert errors["relations[0].date_end"] == "The end date is before the start date."


def test_stale_save_is_refused_with_both_versions(sqlite_case):
    actor_id = _actor(sqlite_case)
    with sqlite_case.session() as s:
        mine = load_actor(s, actor_id)
    other = open_case(sqlite_case.path)
    try:
        with other.session() as s:
            theirs = load_actor(s, actor_id)
            theirs.notes = "theirs"
            save_actor(s, theirs)
    finally:
        other.close()
    mine.notes = "mine"
    with pytest.raises(ConflictError) as caught, sqlite_case.session() as s:
        save_actor(s, mine)
    assert caught.value.mine["notes"] == "mine" and caught.value.theirs["notes"] == "theirs"
    with sqlite_case.session() as s:
        assert load_actor(s, actor_id).notes == "theirs"


def test_delete_actor_takes_dependents_and_undo_restores_them(sqlite_case):
    ids = build_sample(sqlite_case)
    with sqlite_case.session() as s:
        text = s.get(m.Source, ids["source"]).text
    start = text.index("محمد علي الهادي")
    actor_id, _ = run_action(sqlite_case, "New actor",
                             lambda s: actor_from_span(s, ids["source"], start, start + 15))
    run_action(sqlite_case, "Alias", lambda s: add_alias(s, actor_id, "أبو رقية الأحوازي",
                                                         kind="kunya"))
    _, deleted = run_action(sqlite_case, "Delete", lambda s: delete_actor(s, actor_id))
    with sqlite_case.session() as s:
        assert s.scalar(select(func.count()).select_from(m.Mention)) == 0
        assert s.scalar(select(func.count()).select_from(m.Citation)) == 0
        tables = s.scalars(select(m.AuditEntry.table).where(m.AuditEntry.action == "delete"))
        assert {"actors", "aliases", "mentions", "citations"} <= set(tables)
    undo(sqlite_case, deleted)
    with sqlite_case.session() as s:
        restored = load_actor(s, actor_id)
        assert [a.text for a in restored.aliases] == ["محمد علي الهادي", "أبو رقية الأحوازي"]
        assert restored.citations[0].quote == "محمد علي الهادي"


def test_place_validation_and_loop(sqlite_case):
    errors = validate_place(PlaceData(name="x", latitude="95", longitude="abc"))
    assert errors["latitude"] == "Latitude must be between -90 and 90."
    assert errors["longitude"].startswith("Longitude is a decimal number")
    assert validate_place(PlaceData(name="x", latitude="35.1"))["longitude"].startswith("Give both")
    with sqlite_case.session() as s:
        gov = save_place(s, PlaceData(name="دير الزور", kind="governorate",
                                      latitude="35.33", longitude="40.14"))
        town = save_place(s, PlaceData(name="خشام", kind="town", parent_id=gov))
    with sqlite_case.session() as s:
        loaded = load_place(s, gov)
        assert (loaded.latitude, loaded.longitude) == ("35.33", "40.14")
        loaded.parent_id = town
        with pytest.raises(ValidationError) as caught:
            save_place(s, loaded)
    assert "loop" in caught.value.errors["parent"]


def test_incident_round_trip_and_validation(sqlite_case):
    with sqlite_case.session() as s:
        actor = save_actor(s, ActorData(name="الحرس الثوري", kind="state_force"))
        place = save_place(s, PlaceData(name="طابية جزيرة"))
    data = IncidentData(title="محاولة إنشاء حواجز", type="strategic_developments",
                        subtype="checkpoint_setup", date_start="2024-08", precision="month",
                        place_id=place, credibility=3,
                        involvements=[InvolvementData(actor, role="perpetrator")])
    with sqlite_case.session() as s:
        inc = save_incident(s, data)
    with sqlite_case.session() as s:
        loaded = load_incident(s, inc)
    assert loaded.place_label == "طابية جزيرة" and loaded.date_start == "2024-08"  # a month, not its 1st
    assert [(i.actor_label, i.role) for i in loaded.involvements] == [("الحرس الثوري",
                                                                       "perpetrator")]
    bad = validate_incident(IncidentData(title="", type="battles", subtype="arrest",
                                         date_end="2024-01-01", credibility=9))
    assert set(bad) >= {"title", "subtype", "date_start", "credibility"}


def test_sources_sorted_filtered_and_saved(sqlite_case):
    ids = build_sample(sqlite_case)
    with sqlite_case.session() as s:
        assert source_ids(s, sort="title") == [ids["note"], ids["source"]]
        assert source_ids(s, sort="open_proposals", descending=True)[0] == ids["source"]
        assert source_ids(s, SourceFilter(text="الحرس")) == [ids["source"]]  # in the text
        assert source_ids(s, SourceFilter(language="en")) == [ids["note"]]
        row = source_rows(s, [ids["source"]])[ids["source"]]
        assert row.open_proposals == 7 and row.confirmed == 0
        data = load_source(s, ids["source"])
    data.reliability, data.published, data.url = "Z", "2024-13-01", "example.org"
    with pytest.raises(ValidationError) as caught, sqlite_case.session() as s:
        save_source(s, data)
    assert set(caught.value.errors) == {"reliability", "published", "url"}
    data.reliability, data.published, data.url = "B", "2024-08-20", "https://example.org"
    with sqlite_case.session() as s:
        save_source(s, data)
        assert load_source(s, ids["source"]).reliability == "B"


def test_cite_needs_an_existing_record(sqlite_case):
    ids = build_sample(sqlite_case)
    with sqlite_case.session() as s, pytest.raises(ValidationError):
        cite(s, "actor", 999, ids["source"], 0, 5)
    aid = _actor(sqlite_case)
    with sqlite_case.session() as s:
        cite(s, "actor", aid, ids["source"], 0, 5)
        assert load_actor(s, aid).citations[0].quote == seed_prefix(s, ids["source"])


def seed_prefix(s, source_id):
    return s.get(m.Source, source_id).text[:5]


def test_actors_with_same_name_finds_names_and_aliases_normalised(sqlite_case):
    from casefile.db import models as m
    from casefile.normalize import key
    from casefile.services.spans import actors_with_same_name

    with sqlite_case.session() as s:
        first = m.Actor(name="أبو رقية الأحوازي")
        second = m.Actor(name="محمد علي الهادي")
        second.aliases.append(m.Alias(text="ابو رقيه الاحوازي", key=key("ابو رقيه الاحوازي")))
        unrelated = m.Actor(name="فاضل الظاهر")
        new = m.Actor(name="ابو رقيّة الأحوازي")
        s.add_all([first, second, unrelated, new])
        s.flush()
        assert [i for i, _ in actors_with_same_name(s, new.id)] == [first.id, second.id]
        assert actors_with_same_name(s, unrelated.id) == []
