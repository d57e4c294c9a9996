"""Export data: the dossier and timeline read from a case built with the models.

``build_sample_case`` (also used by the other export tests) files the seed report and the
facts an analyst would confirm from it: «أبو رقية الأحوازي», his alias, his office in
Deir ez-Zor, his visit to Hatla (August 2024, month precision) and his call to boycott.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casefile.db import models as m
from casefile.normalize import key

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_42518da6be7191c8.txt"
ACTOR = "أبو رقية الأحوازي"
ALIAS = "محمد علي الهادي"
LATIN = "Abu Ruqayya al-Ahwazi"
OFFICE = "مسؤول المركز الثقافي الإيراني"
QUOTES = {
    "actor": 'أجرى المدعو "محمد علي الهادي" والملقب بـ "أبو رقية الأحوازي" مسؤول "المركز الثقافي" الإيراني بديرالزور',
    "office": 'مسؤول "المركز الثقافي" الإيراني بديرالزور',
    "visit": 'زيارة للقرى السبع بتكليف من قيادة "الحرس الثوري" الإيراني بديرالزور، وتحديدًا إلى قرية حطلة',
    "month": "التوتر بين الطرفين تصاعد خلال شهر آب/ أغسطس 2024",
    "boycott": 'المدعو" أبو رقية" دعا أهالي القرى السبع إلى عدم التعاون مع القوات الروسية أو الشخصيات المرتبطة بها',
    "altercation": "وصل إلى مشادات كلامية بين عناصر المليشيات الإيرانية وعناصر المليشيات المحلية",
}
FIGURES = [  # the five local figures of the boycott call: name, office title, place
    ("محمد الركاض", "مختار", "مراط"),
    ("معتصم المشوح", "مختار", "حطلة"),
    ("عبد الرحمن غازي العبد الرحمن", "مختار", "الصالحية"),
    ("محمد خلف الحسين", "رئيس بلدية", "مظلوم"),
    ("فاضل الظاهر", "أحد وجهاء", "حطلة"),
]


def _cite(s, source, text, quote, fact_type, fact_id, rel="B", cred=2):
    start = text.index(quote)
    s.add(m.Citation(fact_type=fact_type, fact_id=fact_id, source_id=source.id, start=start,
                     end=start + len(quote), quote=quote, reliability=rel, credibility=cred))


def build_sample_case(case) -> dict[str, int]:
    """Fill ``case`` with the seed report's facts; returns the ids tests need."""
    raw = SEED.read_bytes()
    text = raw.decode("utf-8")
    with case.session() as s:
        source = m.Source(
            sha256=hashlib.sha256(raw).hexdigest(), original=raw, file_name=SEED.name,
            media_type="text/plain", size=len(raw), title=text.splitlines()[0],
            publisher="تقرير ميداني", published=dt.date(2024, 9, 2), language="ar", text=text,
            reliability="B")
        syria = m.Place(name="سوريا", name_latin="Syria", kind="country")
        dez = m.Place(name="دير الزور", name_latin="Deir ez-Zor", kind="governorate",
                      parent=syria, latitude=35.3359, longitude=40.1408)
        villages = {name: m.Place(name=name, kind="village", parent=dez)
                    for name in ("حطلة", "مراط", "الصالحية", "مظلوم", "خشام")}
        villages["حطلة"].name_latin, villages["حطلة"].latitude = "Hatla", 35.3636
        villages["حطلة"].longitude = 40.2003
        seven = m.Place(name="القرى السبع", name_latin="the Seven Villages", kind="area", parent=dez)
        actor = m.Actor(name=ACTOR, name_latin=LATIN, kind="person",
                        notes="مسؤول المركز الثقافي الإيراني في دير الزور.")
        start = text.index(ALIAS)
        actor.aliases = [
            m.Alias(text=ALIAS, key=key(ALIAS), kind="kunya",
                    start=start, end=start + len(ALIAS)),
            m.Alias(text="أبو رقية", key=key("أبو رقية"), kind="kunya"),
        ]
        irgc = m.Actor(name="الحرس الثوري الإيراني", kind="state_force",
                       name_latin="Islamic Revolutionary Guard Corps (IRGC)")
        russians = m.Actor(name="الشرطة العسكرية الروسية", name_latin="Russian Military Police",
                           kind="state_force")
        figures = [m.Actor(name=n, kind="person") for n, _t, _p in FIGURES]
        s.add_all([source, syria, dez, *villages.values(), seven, actor, irgc, russians, *figures])
        s.flush()
        actor.aliases[0].source_id = source.id
        office = m.Relation(type="office", title=OFFICE, subject=actor, object_place=dez,
                            date_start=dt.date(2024, 8, 1), precision="month")
        tasked = m.Relation(type="affiliated_with", subject=actor, object_actor=irgc)
        mukhtars = [m.Relation(type="office", title=t, subject=f, object_place=villages[p])
                    for f, (_n, t, p) in zip(figures, FIGURES, strict=True)]
        backed = [m.Relation(type="backed_by", subject=f, object_actor=russians) for f in figures]
        visit = m.Incident(title="زيارة أبو رقية الأحوازي إلى قرية حطلة",
                           type="strategic_developments", subtype="visit_meeting",
                           date_start=dt.date(2024, 8, 1), precision="month",
                           place=villages["حطلة"], credibility=2,
                           summary="زيارة بتكليف من الحرس الثوري لطمأنة الأهالي.")
        visit.involvements = [m.Involvement(actor=actor, role="visitor"),
                              m.Involvement(actor=irgc, role="participant")]
        boycott = m.Incident(title="دعوة إلى مقاطعة شخصيات مرتبطة بالقوات الروسية",
                             type="strategic_developments", subtype="statement_call",
                             date_start=dt.date(2024, 8, 1), precision="month", place=seven)
        boycott.involvements = [m.Involvement(actor=actor, role="speaker")] + [
            m.Involvement(actor=f, role="addressee") for f in figures]
        altercation = m.Incident(title="مشادات كلامية في مركز المصالحة الروسي",
                                 type="strategic_developments", subtype="verbal_altercation",
                                 date_start=dt.date(2024, 8, 20), precision="approximate",
                                 place=villages["خشام"])
        altercation.involvements = [m.Involvement(actor=irgc, role="participant"),
                                    m.Involvement(actor=russians, role="participant")]
        s.add_all([office, tasked, *mukhtars, *backed, visit, boycott, altercation])
        s.flush()
        _cite(s, source, text, QUOTES["actor"], "actor", actor.id)
        _cite(s, source, text, ALIAS, "alias", actor.aliases[0].id)
        _cite(s, source, text, QUOTES["office"], "relation", office.id)
        _cite(s, source, text, QUOTES["visit"], "incident", visit.id, cred=2)
        _cite(s, source, text, QUOTES["month"], "incident", visit.id, cred=3)
        _cite(s, source, text, QUOTES["boycott"], "incident", boycott.id)
        _cite(s, source, text, QUOTES["altercation"], "incident", altercation.id, rel="C", cred=3)
        s.add(m.Note(target_type="actor", target_id=actor.id, text="يُتابع نشاطه في القرى السبع."))
        return {"actor": actor.id, "irgc": irgc.id, "source": source.id, "hatla": villages["حطلة"].id,
                "dez": dez.id, "visit": visit.id, "boycott": boycott.id,
                "altercation": altercation.id, "lonely": figures[0].id}


def audit_count(case) -> int:
    with case.read_session() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry))


@pytest.fixture
def sample(sqlite_case):
    return sqlite_case, build_sample_case(sqlite_case)


# --- finding the actor ----------------------------------------------------------------------


@pytest.mark.parametrize("ref", [
    ACTOR, "ابو رقيه الاحوازي", "أبو رُقيّة الأحوازي", ALIAS, "abu ruqayya AL-AHWAZI",
    "أبو رقية", "الأحوازي",
])
def test_find_actor_by_any_name_or_alias_normalised(sample, ref):
    from casefile.export import find_actor

    case, ids = sample
    with case.read_session() as s:
        assert find_actor(s, ref).id == ids["actor"]


def test_find_actor_by_id(sample):
    from casefile.export import ActorNotFound, find_actor

    case, ids = sample
    with case.read_session() as s:
        assert find_actor(s, str(ids["actor"])).name == ACTOR
        assert find_actor(s, f"#{ids['irgc']}").name == "الحرس الثوري الإيراني"
        with pytest.raises(ActorNotFound, match="id 999"):
            find_actor(s, "999")


def test_unknown_actor_lists_the_closest_names(sample):
    from casefile.export import ActorNotFound, find_actor

    case, ids = sample
    with case.read_session() as s, pytest.raises(ActorNotFound) as err:
        find_actor(s, "أبو رقيا الأهوازي")
    assert err.value.closest[0].id == ids["actor"]
    assert "Closest names" in str(err.value) and ACTOR in str(err.value)


def test_ambiguous_name_lists_every_candidate(sample):
    from casefile.export import AmbiguousActor, find_actor

    case, ids = sample
    with case.read_session() as s, pytest.raises(AmbiguousActor) as err:
        find_actor(s, "محمد")  # his alias and two of the local figures
    names = {c.name for c in err.value.candidates}
    assert names == {ACTOR, "محمد الركاض", "محمد خلف الحسين"}
    assert "محمد علي الهادي" in str(err.value)  # says which alias matched


# --- the dossier ------------------------------------------------------------------------------


def _dossier(case, actor_id):
    from casefile.export.dossier_data import build_dossier
    from casefile.export.meta import ExportMeta

    with case.read_session() as s:
        return build_dossier(s, actor_id, ExportMeta(case_name=case.name, analyst="tester"))


def _no_orm_objects(value, seen=None):
    """True when nothing reachable from ``value`` is a mapped (ORM) instance."""
    import dataclasses

    if isinstance(value, m.Base):
        return False
    if dataclasses.is_dataclass(value):
        return all(_no_orm_objects(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, list | tuple | set):
        return all(_no_orm_objects(v) for v in value)
    if isinstance(value, dict):
        return all(_no_orm_objects(v) for v in value.values())
    return True


def test_dossier_holds_every_section_as_plain_data(sample):
    case, ids = sample
    d = _dossier(case, ids["actor"])
    assert _no_orm_objects(d)
    assert (d.name, d.name_latin, d.kind_label) == (ACTOR, LATIN, "شخص")
    alias = d.aliases[0]
    assert (alias.text, alias.kind, alias.source_id) == (ALIAS, "kunya", ids["source"])
    assert SEED.read_text(encoding="utf-8")[alias.start:alias.end] == ALIAS
    assert ALIAS in alias.context
    office = d.offices[0]
    assert (office.title, office.other_name, office.period) == (OFFICE, "دير الزور",
                                                               "منذ آب/أغسطس 2024")
    assert [r.other_name for r in d.affiliations] == ["الحرس الثوري الإيراني"]
    # Month precision reads as the month, never as its first day.
    assert [i.date_label for i in d.incidents] == ["آب/أغسطس 2024", "آب/أغسطس 2024"]
    assert [i.id for i in d.incidents] == [ids["visit"], ids["boycott"]]
    assert d.incidents[0].roles_of(ids["actor"]) == ["زائر"]
    related = {a.name: a for a in d.related}
    assert related["الحرس الثوري الإيراني"].links == ["مرتبط بـ"]
    assert related["الحرس الثوري الإيراني"].shared_incidents == 1
    assert {n for n, _t, _p in FIGURES} <= set(related)
    assert {p.place.name for p in d.places} == {"دير الزور", "حطلة", "القرى السبع"}
    assert "<svg" in d.network_svg and "الحرس الثوري الإيراني" in d.network_svg


def test_endnotes_number_up_in_reading_order_with_source_details(sample):
    case, ids = sample
    d = _dossier(case, ids["actor"])
    assert [e.number for e in d.endnotes] == list(range(1, 7))
    assert d.profile_notes == [1] and d.aliases[0].notes == [2] and d.offices[0].notes == [3]
    assert d.incidents[0].notes == [4, 5] and d.incidents[1].notes == [6]
    first = d.endnotes[0]
    assert first.quote == QUOTES["actor"] and first.rating == "B2"
    assert len(first.sha256) == 64 and first.publisher == "تقرير ميداني"
    assert first.published == "2 أيلول/سبتمبر 2024"
    text = SEED.read_text(encoding="utf-8")
    assert all(text[e.start:e.end] == e.quote for e in d.endnotes)


def test_dossier_without_incidents_or_citations_is_still_made(sample):
    case, _ids = sample
    with case.session() as s:
        loner = m.Actor(name="شخص بلا أحداث", kind="person")
        s.add(loner)
        s.flush()
        loner_id = loner.id
    d = _dossier(case, loner_id)
    assert not d.has_incidents and not d.has_citations
    assert d.related == [] and d.endnotes == []


def test_building_a_dossier_writes_nothing(sample):
    case, ids = sample
    before = audit_count(case)
    _dossier(case, ids["actor"])
    assert audit_count(case) == before


# --- the timeline -----------------------------------------------------------------------------


def test_timeline_of_the_whole_case_in_date_order(sample):
    from casefile.export.meta import ExportMeta
    from casefile.export.timeline_data import TimelineFilter, build_timeline

    case, ids = sample
    with case.read_session() as s:
        t = build_timeline(s, TimelineFilter(), ExportMeta(case_name="c", analyst="a"))
    assert [i.id for i in t.incidents] == [ids["visit"], ids["boycott"], ids["altercation"]]
    assert t.incidents[2].date_label == "نحو 20 آب/أغسطس 2024"
    assert t.filters == []
    assert len(t.endnotes) == 4  # visit ×2, boycott, altercation
    assert _no_orm_objects(t)


def test_timeline_filters_combine(sample):
    from casefile.export.meta import ExportMeta
    from casefile.export.timeline_data import TimelineFilter, build_timeline

    case, ids = sample
    meta = ExportMeta(case_name="c", analyst="a")
    with case.read_session() as s:
        def ids_of(**kw):
            return [i.id for i in build_timeline(s, TimelineFilter(**kw), meta).incidents]

        assert ids_of(actor_id=ids["irgc"]) == [ids["visit"], ids["altercation"]]
        assert ids_of(actor_id=ids["irgc"], place_id=ids["hatla"]) == [ids["visit"]]
        assert ids_of(place_id=ids["dez"], types=("statement_call",)) == [ids["boycott"]]
        assert ids_of(types=("strategic_developments",)) == [
            ids["visit"], ids["boycott"], ids["altercation"]]
        assert ids_of(date_from=dt.date(2024, 8, 21)) == [ids["visit"], ids["boycott"]]
        assert ids_of(date_to=dt.date(2024, 7, 31)) == []


def test_date_labels_follow_precision():
    from casefile.export.labels import format_period, format_span

    assert format_span(dt.date(2024, 8, 1), None, "month") == "آب/أغسطس 2024"
    assert format_span(dt.date(2024, 8, 15), None, "day") == "15 آب/أغسطس 2024"
    assert format_span(dt.date(2024, 1, 1), None, "year") == "2024"
    assert format_span(dt.date(2024, 8, 3), dt.date(2024, 8, 5), "day") == \
        "3 آب/أغسطس 2024 – 5 آب/أغسطس 2024"
    assert format_span(None, None, None) == "تاريخ غير معروف"
    assert format_period(None, dt.date(2023, 12, 1), "month") == "حتى كانون الأول/ديسمبر 2023"


def test_one_passage_citing_several_facts_is_one_endnote(sample):
    case, ids = sample
    text = SEED.read_text(encoding="utf-8")
    with case.session() as s:
        visitor = s.scalar(select(m.Involvement).where(
            m.Involvement.incident_id == ids["visit"], m.Involvement.actor_id == ids["actor"]))
        source = s.get(m.Source, ids["source"])
        _cite(s, source, text, QUOTES["visit"], "involvement", visitor.id, cred=2)
    d = _dossier(case, ids["actor"])
    visit = d.incidents[0]
    role_notes = next(a.notes for a in visit.actors if a.actor_id == ids["actor"])
    assert role_notes == [visit.notes[0]]  # the same number as the incident's passage
    note = d.endnotes[visit.notes[0] - 1]
    assert note.quote == QUOTES["visit"] and len(note.also_supports) == 1
    assert [e.quote for e in d.endnotes].count(QUOTES["visit"]) == 1
