"""Dates as news writes them (issue 14): bare and prefixed years, «22 مارس الماضي», weekdays,
weeks, seasons, decades, centuries — resolved against the report's date, proposed without one."""

from __future__ import annotations

from datetime import date

import pytest

from casefile.dates import parse_date_text, published_from_text
from casefile.extraction import extract

REPORT = date(2017, 4, 14)  # a Friday


def dates(text: str, report: date | None = REPORT):
    return [
        (e.text, e.date.value if e.date else None, e.date.precision if e.date else None,
         e.date.end if e.date else None)
        for e in extract(text, report_date=report).entities
        if e.type == "DATE"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("تأسس الحزب عام 2011", ("2011", "2011", "year", None)),
        ("في العام 1982 وقعت", ("1982", "1982", "year", None)),
        ("تأسست الجماعة 2002م", ("2002م", "2002", "year", None)),
        ("منذ 2011 والحرب مستمرة", ("2011", "2011", "year", None)),
        ("قتل 22 مارس الماضي", ("22 مارس الماضي", "2017-03-22", "day", None)),
        ("يوم 11 ابريل الجاري", ("11 ابريل الجاري", "2017-04-11", "day", None)),
        ("في 3 أيار المقبل", ("3 أيار المقبل", "2017-05-03", "day", None)),
        ("في نيسان الماضي", ("نيسان الماضي", "2016-04", "month", None)),
        ("في 22 ديسمبر", ("22 ديسمبر", "2016-12-22", "day", None)),
        ("قال أمس الجمعة", ("أمس الجمعة", "2017-04-13", "day", None)),
        ("قالت اليوم الجمعة", ("اليوم الجمعة", "2017-04-14", "day", None)),
        ("قصفت الطائرات يوم الأحد", ("يوم الأحد", "2017-04-09", "day", None)),
        ("أعلن الأحد الماضي", ("الأحد الماضي", "2017-04-09", "day", None)),
        ("يعقد الاجتماع الاثنين المقبل", ("الاثنين المقبل", "2017-04-17", "day", None)),
        ("قال الوزير الثلاثاء إن", ("الثلاثاء", "2017-04-11", "day", None)),
        ("خلال الأسبوع المقبل", ("الأسبوع المقبل", "2017-04-21", "approximate", None)),
        ("صيف 2016", ("صيف 2016", "2016-06", "month", "2016-08-31")),
        ("خلال الصيف الماضي", ("الصيف الماضي", "2016-06", "month", "2016-08-31")),
        ("شتاء 2016", ("شتاء 2016", "2015-12", "month", "2016-02-29")),
        ("في الستينيات", ("الستينيات", "1960", "year", "1969-12-31")),
        ("منذ ثمانينيات القرن الماضي", ("ثمانينيات القرن الماضي", "1980", "year", "1989-12-31")),
        ("في القرن التاسع عشر", ("القرن التاسع عشر", "1800", "year", "1899-12-31")),
        ("القرن الـ19", ("القرن الـ19", "1800", "year", "1899-12-31")),
        ("بالأمس", ("الأمس", "2017-04-13", "day", None)),
    ],
)
def test_news_dates_resolve_against_the_report(text, expected):
    assert dates(text) == [expected]


def test_a_pair_of_years_gives_both():
    assert [d[1] for d in dates("بين عامي 2011 و2013")] == ["2011", "2013"]


@pytest.mark.parametrize(
    "text", ["22 مارس الماضي", "أمس الجمعة", "يوم الأحد", "الصيف الماضي", "الستينيات",
             "القرن الماضي", "الأسبوع المقبل"]
)
def test_relative_dates_without_a_report_date_are_proposed_without_value(text):
    assert dates(text, None) == [(text, None, None, None)]


@pytest.mark.parametrize(
    "text", ["قتل 2000 شخص", "منذ أيام", "الربيع العربي", "ربيع الأول", "مارس الرياضة",
             "(2015)", "عدد 1990 عنصرا"]
)
def test_numbers_and_words_that_are_not_dates(text):
    assert dates(text) == []


def test_a_period_carries_its_end_into_the_incident_json():
    res = extract("اندلعت اشتباكات في حلب صيف 2016", report_date=REPORT)
    (inc,) = res.to_json()["incidents"]
    assert inc["date"] | {} == {"value": "2016-06", "precision": "month", "from": "clause",
                                "end": "2016-08-31"}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2018-07-12T10:00:00Z", date(2018, 7, 12)),
        ("2018-07-12", date(2018, 7, 12)),
        ("12/07/2018", date(2018, 7, 12)),
        ("07/25/2018", date(2018, 7, 25)),
        ("July 12, 2018", date(2018, 7, 12)),
        ("12 تموز 2018", date(2018, 7, 12)),
        ("12 جويلية 2018", date(2018, 7, 12)),
        ("تموز 2018", None),
        ("لا تاريخ", None),
    ],
)
def test_metadata_dates_are_read_by_the_same_grammar(value, expected):
    assert parse_date_text(value) == expected


def test_a_dateline_gives_the_report_date_but_a_body_date_does_not():
    assert published_from_text("دمشق - 12 تموز 2018\nقتل خمسة مدنيين.") == date(2018, 7, 12)
    assert published_from_text("بيروت (رويترز) – 3 آذار 2017: قال مسؤول") == date(2017, 3, 3)
    body = ("قالت مصادر محلية إن طائرات حربية قصفت بلدة سراقب في ريف إدلب وقتلت خمسة مدنيين "
            "بينهم طفلان يوم 3 آذار 2018 بعد أيام من هدنة لم تصمد طويلا في المنطقة كلها.")
    assert published_from_text(body) is None
