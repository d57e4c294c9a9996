"""Incidents as news reports them (issue 14), on sentences written for these tests: reported
speech, plans and denials are statements; a toll is an attribute; round-ups give one incident
per place; the most specific place with the wider one it lies in; bad input stays harmless."""

from __future__ import annotations

import time
from datetime import date

import pytest
from sqlalchemy import select

from casefile.db import models as m
from casefile.extraction import extract
from casefile.importing.pipeline import import_paths
from casefile.review import decisions
from casefile.review.proposals import propose_for_new_source

REPORT = date(2018, 3, 10)  # a Saturday


def incidents(text: str, report: date | None = REPORT) -> list[dict]:
    return extract(text, report_date=report).to_json()["incidents"]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(i["type"], i["subtype"]) for i in incidents(text)]


STATEMENT = ("strategic_developments", "statement_call")


def test_an_announced_plan_is_a_statement_not_a_strike():
    text = "أعلنت وزارة الدفاع الروسية أنها ستقصف مواقع تنظيم داعش في مدينة الميادين."
    ((inc),) = incidents(text)
    assert (inc["type"], inc["subtype"]) == STATEMENT
    assert ("وزارة الدفاع الروسية", "speaker") in {(a["name"], a["role"]) for a in inc["actors"]}


def test_a_denial_is_a_statement_of_the_denier():
    ((inc),) = incidents("نفى الجيش التركي أن تكون طائراته قصفت قرية جنديرس.")
    assert (inc["type"], inc["subtype"]) == STATEMENT
    assert inc["actors"][0]["role"] == "speaker"


def test_a_call_to_stop_shelling_is_a_statement():
    assert kinds("دعا الأمين العام للأمم المتحدة إلى وقف القصف على الغوطة الشرقية.") == [STATEMENT]


def test_a_reported_strike_is_the_strike_and_the_news_source_is_no_actor():
    (inc,) = incidents("قال المرصد السوري لحقوق الإنسان إن طائرات حربية قصفت مدينة الميادين أمس.")
    assert inc["type"] == "explosions_remote_violence"
    assert inc["place"] == "الميادين" and inc["date"]["value"] == "2018-03-09"
    assert not [a for a in inc["actors"] if "المرصد" in a["name"]]


def test_a_stance_on_a_strike_gives_the_statement_and_the_strike():
    text = "اعتبرت الحكومة التركية أن الهجوم الصاروخي الأمريكي على مدينة الميادين خطوة إيجابية."
    found = incidents(text)
    assert [i["subtype"] for i in found] == ["statement_call", "shelling_artillery_missile_attack"]
    statement, strike = found
    assert statement["end"] <= text.index("الهجوم") < strike["end"]  # two spans, two records
    assert strike["place"] == "الميادين"


def test_a_casualty_figure_is_an_attribute_of_its_incident():
    text = ("قصفت طائرات حربية مدينة الميادين يوم الخميس. "
            "وأسفر القصف عن مقتل 20 مدنيا. وقال ناشطون إن 15 مدنيا قتلوا في القصف.")
    (inc,) = incidents(text)
    assert inc["subtype"] == "air_drone_strike" and inc["date"]["value"] == "2018-03-08"
    assert len(inc["mentions"]) >= 1


def test_a_round_up_gives_one_incident_per_place():
    text = "قتل 12 شخصا في غارات على الميادين والبوكمال وذيبان أمس الجمعة."
    found = incidents(text)
    assert [i["place"] for i in found] == ["الميادين", "البوكمال", "ذيبان"]
    assert {i["date"]["value"] for i in found} == {"2018-03-09"}
    assert len({(i["start"], i["end"]) for i in found}) == 3  # each its own span
    listed = incidents("قصفت الطائرات الميادين، البوكمال وذيبان.")
    assert [i["place"] for i in listed] == ["الميادين", "البوكمال", "ذيبان"]


def test_the_most_specific_place_and_the_place_it_lies_in():
    (inc,) = incidents("قصفت طائرات حربية مدينة الميادين في ريف دير الزور الشرقي يوم الخميس.")
    assert inc["place"] == "الميادين" and inc["within"] == "ريف دير الزور الشرقي"
    (inc,) = incidents("قصفت طائرات حربية مدينة دوما بريف دمشق.")
    assert (inc["place"], inc["within"]) == ("دوما", "ريف دمشق")


def test_a_chemical_attack_and_a_car_bomb_have_their_acled_sub_types():
    assert kinds("وقع هجوم كيماوي على بلدة ذيبان.")[0] == (
        "explosions_remote_violence", "chemical_weapon")
    assert kinds("قتل خمسة في هجوم بسيارة مفخخة في مدينة الميادين.")[0] == (
        "explosions_remote_violence", "remote_explosive_landmine_ied")


def test_the_date_comes_from_the_sentence_before_the_report():
    text = ("في 3 آذار الماضي، وبعد أيام من الهدنة، اندلعت اشتباكات في بلدة ذيبان. "
            "واعتقلت قوات الأسد شابين في مدينة الميادين.")
    clash, arrest = incidents(text)
    assert clash["date"]["value"] == "2018-03-03"
    assert arrest["date"] == {"value": "2018-03-10", "precision": "day", "from": "report"}


def _spans_have_triggers(text: str) -> None:
    res = extract(text, report_date=REPORT)
    for inc in res.incidents:
        ts, te = inc.trigger
        assert inc.start <= ts < te <= inc.end, (inc.subtype, text[inc.start : inc.end])


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f"{n}. محمد أحمد الحسين، {20 + n % 40} عاما، حمص، 12/03/2018" for n in range(300)),
        "\n".join(f"| الميادين | {n} | {n * 3} | البوكمال | ذيبان |" for n in range(300)),
        "Residents of Deir ez-Zor said that محمد الحسين and أبو علي were seen near الميادين "
        "on Monday; the Syrian Observatory reported shelling. " * 50,
    ],
    ids=["casualty list", "table without verbs", "English with Arabic names"],
)
def test_bad_input_finishes_and_every_incident_has_its_trigger(text):
    start = time.perf_counter()
    _spans_have_triggers(text)
    assert time.perf_counter() - start < 20
    assert incidents(text) == []  # names, numbers and English verbs name no event


def test_accepting_an_incident_sets_the_wider_place_as_parent(sqlite_case, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text("قصفت طائرات حربية مدينة دوما بريف دمشق يوم الخميس.", encoding="utf-8")
    (outcome,) = list(import_paths(sqlite_case, [report], on_new_source=propose_for_new_source))
    with sqlite_case.session() as s:
        (prop,) = s.scalars(select(m.Proposal).where(m.Proposal.kind == "incident")).all()
        assert prop.payload["within"]["canonical"] == "ريف دمشق"
        _, incident_id = decisions.accept(s, prop.id)
        place = s.get(m.Incident, incident_id).place
        assert place.name == "دوما" and place.parent is not None
        assert place.parent.name == "ريف دمشق"


def test_the_headline_joins_the_incident_the_body_tells():
    text = ("غارة جوية تقتل خمسة مدنيين في دير الزور\n"
            "قصفت طائرات حربية مدينة الميادين في ريف دير الزور الشرقي يوم الخميس، "
            "ما أدى إلى مقتل خمسة مدنيين.")
    (inc,) = incidents(text)
    assert inc["place"] == "الميادين" and inc["date"]["value"] == "2018-03-08"
    assert inc["mentions"][0][0] == 0  # the headline is its first mention


def test_a_facility_named_with_its_place_word_is_the_place_within_its_city():
    (inc,) = incidents("قتل ثلاثة جنود في قصف استهدف مطار كويرس العسكري شرق حلب.")
    assert "كويرس" in inc["place"] and inc["within"] == "حلب"
    (inc,) = incidents("لقي 9 أشخاص مصرعهم في هجوم بسيارة مفخخة بحي الكرادة وسط العاصمة بغداد.")
    assert inc["place"] == "الكرادة"


def test_where_a_strike_came_from_is_not_where_it_landed():
    (inc,) = incidents("قصفت الطائرات مدينة أريحا انطلاقا من مطار كويرس العسكري.")
    assert inc["place"] == "أريحا"


def test_this_town_names_the_town_told_before():
    text = ("نزح آلاف المدنيين من مدينة الميادين أمس. "
            "وجاء ذلك بعد غارات نفذها الطيران الروسي في هذه المدينة الحدودية مع العراق.")
    (inc,) = [i for i in incidents(text) if i["type"] == "explosions_remote_violence"]
    assert inc["place"] == "الميادين"


def test_background_counts_and_habits_are_no_incidents():
    assert incidents("يشار إلى أن طائرات التحالف تستهدف مواقع التنظيم في مدينة الرقة.") == []
    assert incidents("وقتل أكثر من 300 ألف شخص في سوريا منذ عام 2011.") == []
    assert incidents("قتل مئات الآلاف منذ اندلاع النزاع في سوريا.") == []
    # The worst fighting «since 2011» happened today: an event.
    assert kinds("اندلعت اليوم اشتباكات عنيفة في مدينة بنغازي هي الأسوأ منذ عام 2011.") == [
        ("battles", "armed_clash")]


def test_a_news_source_named_before_its_verb_makes_no_statement():
    text = ("قصفت طائرات أمريكية مطار الشعيرات أمس. وكان المرصد السوري لحقوق الإنسان قد أكد "
            "أمس أن المطار أصبح خارج الخدمة.")
    assert [i["type"] for i in incidents(text)] == ["explosions_remote_violence"]


def test_an_attack_in_words_is_a_statement():
    (inc,) = incidents("هاجم الرئيس التركي رجب طيب أردوغان الحكومة الألمانية قائلا إنها تدعم الإرهاب.")
    assert (inc["type"], inc["subtype"]) == STATEMENT
    assert inc["actors"][0] == {**inc["actors"][0], "name": "رجب طيب أردوغان", "role": "speaker"}


def test_the_group_of_the_killed_is_the_target():
    (inc,) = incidents("قتل 6 قياديين من تنظيم داعش في غارة جوية على مدينة الموصل.")
    assert {(a["name"], a["role"]) for a in inc["actors"]} == {("تنظيم الدولة الإسلامية", "target")}


def test_how_a_strike_was_made_names_no_actor_and_the_later_account_joins_it():
    text = ("لقي 90 شخصا حتفهم في قصف جوي استهدف صباح اليوم مدينة خان شيخون. "
            "وأضاف المرصد أن طائرات تابعة للحكومة السورية قصفت مدينة خان شيخون.")
    (inc,) = incidents(text)
    assert [(a["name"], a["role"]) for a in inc["actors"]] == [("الحكومة السورية", "perpetrator")]
