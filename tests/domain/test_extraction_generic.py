"""Generic news-style name rules, on sentences written for these tests (not from any corpus)."""

from __future__ import annotations

import pytest

from casefile.extraction import extract


def _names(text: str, type_: str) -> list[str]:
    # The rules themselves (the learned tagger is measured in test_extraction_model.py and
    # scripts/eval_ner.py; with it, a doubtful rule span may lose to the model's).
    res = extract(text, use_model=False)
    for e in res.entities:
        assert text[e.start : e.end] == e.text
    return [e.text for e in res.entities if e.type == type_]


@pytest.mark.parametrize(
    "text, name",
    [
        # «عبد» + word is one given name; the run goes on to the family name.
        ("وصل عبد الكريم الحمادي إلى المدينة صباحا", "عبد الكريم الحمادي"),
        # A masculine nisba after a given name is a family name.
        ("قدم يوسف الحلبي شكوى رسمية", "يوسف الحلبي"),
        # A bare family word closes a chain of given names before a function word.
        ("تحدثت سعاد محمود قرطاس عن الحصار", "سعاد محمود قرطاس"),
        # An ambiguous given name before «أبو X» is a name.
        ("استقبل فارس أبو حمدان في منزله", "فارس أبو حمدان"),
        # One unknown word after a high title, before a stop.
        ("وقال الوزير ستولتنبرغ إن الاجتماع انتهى", "ستولتنبرغ"),
    ],
)
def test_person_rules(text, name):
    assert name in _names(text, "PERSON")


@pytest.mark.parametrize(
    "text, not_name",
    [
        ("جلس سامي يكتب الرسالة", "سامي يكتب"),  # an imperfect verb is not a family name
        ("التقى وليد وإسراء في السوق", "وليد وإسراء"),  # «و» + given name: a new conjunct
        ("صدر الكتاب بإسم الجمعية", "بإسم الجمعية"),  # «بإسم»: in the name of
        ("وقال الرئيس السابق إن الحرب طويلة", "السابق"),  # an adjective after a title
        ("وقال الوزير يرى أن", "يرى"),
    ],
)
def test_person_rules_do_not_overreach(text, not_name):
    assert not_name not in _names(text, "PERSON")


@pytest.mark.parametrize(
    "text, name",
    [
        # A genitive chain with «لـ» complements after an organisation head.
        ("أصدرت مفوضية الأمم المتحدة لشؤون اللاجئين بيانا", "مفوضية الأمم المتحدة لشؤون اللاجئين"),
        ("قررت هيئة الطيران المدني اليمنية إغلاق المطار", "هيئة الطيران المدني اليمنية"),
        # A state's adjective ends the name; a participle after it stays outside.
        ("قالت الحكومة اليمنية المعترف بها دوليا", "الحكومة اليمنية"),
        # A non-generic head takes a bare construct noun.
        ("أعلنت حركة أمل اللبنانية موقفها", "حركة أمل اللبنانية"),
    ],
)
def test_group_chain(text, name):
    assert name in _names(text, "GROUP")


@pytest.mark.parametrize(
    "text, not_name",
    [
        ("نقل الجرحى إلى مركز احتجاز قرب الحدود", "مركز احتجاز"),  # generic head + bare noun
        ("عقدت وزارة الداخلية الليبية الأربعاء اجتماعا", "وزارة الداخلية الليبية الأربعاء"),
    ],
)
def test_group_chain_stops(text, not_name):
    assert not_name not in _names(text, "GROUP")

