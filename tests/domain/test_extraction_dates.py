"""DATE grammar: three month-name families, dual forms, precision, relative and Hijri dates."""

from __future__ import annotations

from datetime import date

import pytest

from casefile.extraction import extract

REPORT = date(2024, 9, 4)  # a Wednesday


def dates(text: str, report: date | None = REPORT) -> list[tuple[str, str | None, str | None]]:
    r = extract(text, report_date=report)
    return [
        (e.text, e.date.value if e.date else None, e.date.precision if e.date else None)
        for e in r.entities
        if e.type == "DATE"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("تصاعد التوتر خلال شهر آب/ أغسطس 2024 في المنطقة", ("آب/ أغسطس 2024", "2024-08", "month")),
        ("في أغسطس/آب 2024", ("أغسطس/آب 2024", "2024-08", "month")),
        ("في آب (أغسطس) 2024", ("آب (أغسطس) 2024", "2024-08", "month")),
        ("وقع الهجوم في 14 آب 2024", ("14 آب 2024", "2024-08-14", "day")),
        ("يوم 3 كانون الثاني 2023", ("3 كانون الثاني 2023", "2023-01-03", "day")),
        ("في 12 مايو 2019", ("12 مايو 2019", "2019-05-12", "day")),
        ("في 5 جانفي 2017", ("5 جانفي 2017", "2017-01-05", "day")),
        ("منذ جوان 2016", ("جوان 2016", "2016-06", "month")),
        ("في جويلية 2015", ("جويلية 2015", "2015-07", "month")),
        ("في أوت 2014", ("أوت 2014", "2014-08", "month")),
        ("في تشرين الأول 2019", ("تشرين الأول 2019", "2019-10", "month")),
        ("في عام 2011 اندلعت", ("2011", "2011", "year")),
        ("بتاريخ 14/08/2024", ("14/08/2024", "2024-08-14", "day")),
        ("بتاريخ ١٤/٠٨/٢٠٢٤", ("١٤/٠٨/٢٠٢٤", "2024-08-14", "day")),
        ("في 2024-08-14", ("2024-08-14", "2024-08-14", "day")),
    ],
)
def test_absolute_dates(text, expected):
    assert dates(text) == [expected]


def test_month_precision_is_never_a_day():
    ((_, value, precision),) = dates("خلال شهر آب/ أغسطس 2024")
    assert (value, precision) == ("2024-08", "month")


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("قال أمس", "2024-09-03", "day"),
        ("اليوم", "2024-09-04", "day"),
        ("الأسبوع الماضي", "2024-08-28", "approximate"),
        ("الشهر الماضي", "2024-08", "month"),
        ("العام الماضي", "2023", "year"),
        ("مساء الاثنين", "2024-09-02", "day"),
        ("قبل يومين", "2024-09-02", "day"),
        ("قبل 3 أيام", "2024-09-01", "day"),
    ],
)
def test_relative_dates_against_report_date(text, value, precision):
    ((_, got_value, got_precision),) = dates(text)
    assert (got_value, got_precision) == (value, precision)


def test_relative_date_without_report_date_has_no_value():
    assert dates("قال أمس", report=None) == [("أمس", None, None)]


def test_hijri_dates_convert_to_gregorian():
    r = extract("في 15 رمضان 1445 هـ")
    (e,) = [e for e in r.entities if e.type == "DATE"]
    assert e.date.value == "2024-03-25" and e.date.calendar == "hijri" and e.date.precision == "day"
    (e,) = [e for e in extract("1 محرم 1446").entities if e.type == "DATE"]
    assert e.date.value == "2024-07-07"


@pytest.mark.parametrize("text", ["قال الأب محمد", "ذهب إلى آب", "مارس الرياضة", "عدد صفر"])
def test_month_names_that_are_words_need_a_day_or_year(text):
    assert dates(text) == []
