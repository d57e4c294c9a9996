"""Incidents and relations on sentences written for these tests (not from any corpus)."""

from __future__ import annotations

from datetime import date

from casefile.extraction import extract

REPORT = date(2024, 9, 4)


def incidents(text: str, report: date | None = REPORT) -> list[dict]:
    return extract(text, report_date=report).to_json()["incidents"]


def roles(inc: dict) -> set[tuple[str, str]]:
    return {(a["name"], a["role"]) for a in inc["actors"]}


def test_arrest_with_day_precision_and_place():
    (inc,) = incidents(
        "اعتقلت قوات النظام السوري يوم الثلاثاء 3 أيلول 2024 ثلاثة شبان في مدينة الميادين."
    )
    assert (inc["type"], inc["subtype"]) == ("strategic_developments", "arrest")
    assert inc["date"] == {"value": "2024-09-03", "precision": "day", "from": "clause"}
    assert inc["place"] == "الميادين"
    assert ("قوات الأسد", "perpetrator") in roles(inc)


def test_weekday_before_a_date_is_not_a_second_date():
    res = extract("يوم الثلاثاء 3 أيلول 2024", report_date=REPORT)
    assert [e.text for e in res.entities if e.type == "DATE"] == ["3 أيلول 2024"]


def test_clash_participants_and_its_toll_is_not_a_new_incident():
    (inc,) = incidents(
        "اندلعت اشتباكات بين عناصر من لواء الباقر ومقاتلين من قوات العشائر في بلدة ذيبان، أسفرت عن مقتل عنصرين."
    )
    assert (inc["type"], inc["subtype"]) == ("battles", "armed_clash")
    assert roles(inc) == {("لواء الباقر", "participant"), ("قوات العشائر", "participant")}
    assert inc["place"] == "ذيبان"


def test_drone_strike_target_is_not_its_perpetrator():
    (inc,) = incidents(
        "شنت طائرة مسيرة مجهولة غارة على موقع لمليشيا فاطميون قرب مدينة البوكمال أمس."
    )
    assert inc["subtype"] == "air_drone_strike"
    assert roles(inc) == {("لواء فاطميون", "target")}
    assert inc["date"]["value"] == "2024-09-03"


def test_feared_or_prevented_events_are_not_incidents():
    assert incidents("خوفًا من تنفيذ ضربات صاروخية ضد مواقع عسكرية.") == []
    assert incidents("سوف تقصف الطائرات المنطقة.") == []


def test_date_falls_back_to_the_report_date():
    (inc,) = incidents("اعتقلت قوات الأسد شابين في مدينة الميادين.", report=date(2024, 9, 1))
    assert inc["date"] == {"value": "2024-09-01", "precision": "day", "from": "report"}


def test_title_before_the_name_makes_membership_and_office():
    res = extract(
        'قال القيادي في "قسد" المدعو "أبو حيدر الشعيطي" إن مختار قرية مراط المدعو "سالم العلي" غادر.'
    )
    rels = {
        (r["type"], r["source"], r["target"], r.get("title")) for r in res.to_json()["relations"]
    }
    assert ("member_of", "أبو حيدر الشعيطي", "قوات سوريا الديمقراطية", "القيادي في") in rels
    assert ("office", "سالم العلي", "مراط", "مختار") in rels


def test_repeated_mention_of_one_visit_merges():
    text = (
        'زار المدعو "سامر الخليل" بلدة ذيبان يوم 2 أيلول 2024. '
        'وكان الهدف من زيارة المدعو "سامر الخليل" لقاء الأهالي.'
    )
    (inc,) = incidents(text)
    assert inc["subtype"] == "visit_meeting" and len(inc["mentions"]) == 1
    assert ("سامر الخليل", "visitor") in roles(inc)
