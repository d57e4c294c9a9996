"""Who did what, where, in news sentences written for these tests (issue 14): victims of
verbal nouns, states as subjects, claims, plans, mishaps, headlines and places."""

from __future__ import annotations

from datetime import date

from casefile.extraction import extract

REPORT = date(2017, 4, 8)


def incidents(text: str) -> list[dict]:
    return extract(text, report_date=REPORT).to_json()["incidents"]


def roles(inc: dict) -> set[tuple[str, str]]:
    return {(a["name"], a["role"]) for a in inc["actors"]}


def test_the_person_after_a_verbal_noun_of_killing_is_the_victim():
    (inc,) = incidents("اغتيل عماد مغنية القيادي في حزب الله في تفجير سيارته في دمشق.")
    assert ("عماد مغنية", "target") in roles(inc)
    assert not any(r == "perpetrator" and n == "عماد مغنية" for n, r in roles(inc))


def test_a_country_named_as_subject_is_the_actor_not_the_place():
    (inc,) = incidents("واستهدفت أمريكا مطار الشعيرات العسكري قرب حمص بعشرات الصواريخ.")
    assert inc["type"] == "explosions_remote_violence"
    assert ("الولايات المتحدة", "perpetrator") in roles(inc)
    assert inc["place"] == "مطار الشعيرات"


def test_an_intention_or_a_foiled_attack_is_not_an_event():
    assert incidents("أحبطت الشرطة الإيطالية هجوما إرهابيا على جسر في مدينة البندقية.") == []
    (inc,) = incidents("قالت وزارة الدفاع إن القوات الجوية الروسية ستواصل قصف تنظيم داعش.")
    assert inc["subtype"] == "statement_call"


def test_a_claim_of_responsibility_names_the_doer_of_the_bombing():
    text = ("قتل تسعة أشخاص في انفجار سيارة مفخخة في حي الكرادة ببغداد مساء الاثنين. "
            "وقد أعلن تنظيم داعش مسؤوليته عن التفجير.")
    (inc,) = incidents(text)
    assert inc["subtype"] == "remote_explosive_landmine_ied"
    assert ("تنظيم الدولة الإسلامية", "perpetrator") in roles(inc)


def test_deaths_in_an_accident_are_no_incident():
    assert incidents("لقي 22 شخصا مصرعهم في حادث حافلة على طريق سريع.") == []


def test_a_headline_and_its_body_are_one_incident():
    text = ("مقتل 40 شخصا في تفجيرين بدمشق\n"
            "قتل 40 شخصا على الأقل في تفجيرين استهدفا زوارا قرب مقبرة باب الصغير في دمشق.")
    (inc,) = incidents(text)
    assert inc["type"] == "explosions_remote_violence"
    assert len(inc["mentions"]) >= 1


def test_the_most_specific_place_within_its_area():
    (inc,) = incidents("قصفت قوات النظام مدينة دوما في الغوطة الشرقية بريف دمشق.")
    assert inc["place"] == "دوما"
    assert inc["within"] == "الغوطة الشرقية"


def test_a_quoted_title_and_a_release_are_no_events():
    assert incidents('ويشارك في المسابقة فيلم "اشتباك" للمخرج محمد دياب.') == []
    assert incidents("وقررت المحكمة إخلاء سبيله بعد التحقيق.") == []


def test_a_casualty_figure_is_an_attribute_of_its_incident():
    text = ("قتل ما لا يقل عن 40 شخصا في تفجيرين استهدفا زوارا قرب مقبرة باب الصغير في دمشق. "
            "وأعلن المرصد مقتل 6 من عناصر الأمن في الهجوم.")
    (inc,) = incidents(text)
    assert inc["fatalities"] == 40  # the largest toll given; the second is part of it
    assert "fatalities" not in incidents("اعتقلت الشرطة ثلاثة أشخاص في حمص.")[0]


def test_a_nationality_adjective_names_the_state_the_report_names():
    text = ("وقالت الولايات المتحدة إنها ستدرس الرد. "
            "وجاءت الضربات الصاروخية الأمريكية على مطار الشعيرات فجر الجمعة.")
    strike = next(i for i in incidents(text) if i["type"] == "explosions_remote_violence")
    assert ("الولايات المتحدة", "perpetrator") in roles(strike)
    assert strike["place"] == "مطار الشعيرات"
