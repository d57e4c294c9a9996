"""DATE recognition on normalised text: three month-name families, dual forms, numeric dates,
years, Hijri dates (converted with hijridate) and relative dates against the report's date.

Precision follows the words: «خلال شهر آب/ أغسطس 2024» is 2024-08 (month), never 2024-08-01.
All patterns are bounded (no nested quantifiers), so a 1 MB line is scanned in linear time.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from . import lexicon as lx
from .common import Cand, Occupancy
from .types import DATE, DateValue

_B, _E = r"(?<![\w])", r"(?![\w])"


def _alt(names: list[str]) -> str:
    return "|".join(
        re.escape(n).replace(r"\ ", r"\s{1,3}") for n in sorted(names, key=len, reverse=True)
    )


_GMON = _alt(list(lx.GREGORIAN_MONTHS))
_HMON = _alt(list(lx.HIJRI_MONTHS))
_YEAR = r"(1[3-9]\d\d|20\d\d)"
_DAY = r"([0-3]?\d)"
_SEP = r"\s{0,3}[/\\\-–(]\s{0,3}"

GREGORIAN = re.compile(
    rf"{_B}(?:(?P<shahr>شهر|الشهر)\s{{1,3}})?(?:{_DAY}\s{{0,3}}(?:من\s{{1,3}})?)?"
    rf"(?P<m1>{_GMON})(?:{_SEP}(?P<m2>{_GMON})\)?)?"
    rf"(?:\s{{0,3}},?\s{{0,3}}(?:من\s{{1,3}})?(?:عام\s{{1,3}}|سنه\s{{1,3}}|العام\s{{1,3}})?{_YEAR})?{_E}"
)
HIJRI = re.compile(
    rf"{_B}(?:{_DAY}\s{{0,3}})?(?P<m1>{_HMON})\s{{0,3}}(?:من\s{{1,3}})?(?:عام\s{{1,3}}|سنه\s{{1,3}})?"
    rf"(?P<y>1[34]\d\d)\s{{0,3}}(?P<h>هـ|ه|للهجره|هجريه|هجري)?{_E}"
)
NUMERIC = re.compile(
    rf"{_B}(?:(?P<d>[0-3]?\d)[/.\-](?P<m>[01]?\d)[/.\-](?P<y>(?:19|20)\d\d)"
    rf"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)){_E}"
)
YEAR = re.compile(
    rf"{_B}(?:عام|سنه|العام|لعام|بعام|وعام|سنوات|خلال عام|منذ عام)\s{{1,3}}{_YEAR}"
    rf"(?:\s{{0,3}}(?P<h>هـ|ه|م)(?![\w]))?{_E}"
)
_WEEKDAYS = {
    "الاثنين": 0,
    "الاتنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
RELATIVE = re.compile(
    rf"{_B}(?:(?P<simple>اليوم|امس|البارحه|اول امس|غدا|امس الاول)"
    rf"|(?P<last>(?:الاسبوع|الشهر|العام|السنه)\s{{1,3}}(?:الماضي|الماضيه|الفائت|الفائته|المنصرم|المنصرمه|الجاري|الحالي|الحاليه))"
    rf"|(?P<ago>قبل\s{{1,3}}(?:(?P<n>\d{{1,2}})\s{{1,3}})?(?P<unit>يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر))"
    rf"|(?:(?:يوم|مساء|صباح|ليله|فجر|ظهر|عصر)\s{{1,3}})(?P<wd>{'|'.join(_WEEKDAYS)})){_E}"
)


def _dv(
    y: int, m: int | None = None, d: int | None = None, cal: str = "gregorian"
) -> DateValue | None:
    try:
        if d is not None and m is not None:
            return DateValue(date(y, m, d).isoformat(), "day", cal)
        if m is not None:
            return DateValue(f"{y:04d}-{m:02d}", "month", cal)
        return DateValue(f"{y:04d}", "year", cal)
    except ValueError:
        return None


def _hijri(y: int, m: int, d: int | None) -> DateValue | None:
    try:
        from hijridate import Hijri

        g = Hijri(y, m, d or 1).to_gregorian()
    except (ValueError, OverflowError, ImportError):
        return None
    if d is None:  # a Hijri month straddles two Gregorian months
        return DateValue(g.isoformat(), "approximate", "hijri")
    return DateValue(g.isoformat(), "day", "hijri")


def _relative(m: re.Match[str], report: date | None) -> DateValue | None:
    if report is None:
        return None
    if m.group("simple"):
        w = m.group("simple")
        delta = {"اليوم": 0, "امس": 1, "البارحه": 1, "اول امس": 2, "امس الاول": 2, "غدا": -1}
        return DateValue((report - timedelta(days=delta.get(w, 0))).isoformat(), "day")
    if m.group("last"):
        unit, rel = m.group("last").split()[0], m.group("last").split()[-1]
        back = 0 if rel in ("الجاري", "الحالي", "الحاليه") else 1
        if unit == "الاسبوع":
            return DateValue((report - timedelta(days=7 * back)).isoformat(), "approximate")
        if unit == "الشهر":
            y, mo = report.year, report.month - back
            if mo == 0:
                y, mo = y - 1, 12
            return DateValue(f"{y:04d}-{mo:02d}", "month")
        return DateValue(f"{report.year - back:04d}", "year")
    if m.group("ago"):
        unit = m.group("unit")
        n = int(m.group("n")) if m.group("n") else (2 if unit.endswith("ين") else 1)
        days = n * (7 if "سبوع" in unit or "سابيع" in unit else 30 if "شهر" in unit else 1)
        precision = "day" if days < 7 else "approximate"
        return DateValue((report - timedelta(days=days)).isoformat(), precision)
    if m.group("wd"):
        back = (report.weekday() - _WEEKDAYS[m.group("wd")]) % 7
        return DateValue((report - timedelta(days=back)).isoformat(), "day")
    return None


def find_dates(norm: str, report: date | None) -> list[Cand]:
    out: list[Cand] = []
    taken = Occupancy()

    def add(s: int, e: int, dv: DateValue | None, kind: str, conf: float) -> None:
        if taken.free(s, e):
            taken.take(s, e)
            out.append(Cand(DATE, kind, s, e, norm[s:e], conf, "date", date=dv))

    for m in NUMERIC.finditer(norm):
        if m.group("y"):
            dv = _dv(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        else:
            dv = _dv(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if dv:
            add(m.start(), m.end(), dv, "absolute", 0.9)
    for m in HIJRI.finditer(norm):
        dv = _hijri(
            int(m.group("y")),
            lx.HIJRI_MONTHS[" ".join(m.group("m1").split())],
            int(m.group(1)) if m.group(1) else None,
        )
        if dv:
            add(m.start(), m.end(), dv, "hijri", 0.85)
    for m in GREGORIAN.finditer(norm):
        m1 = " ".join(m.group("m1").split())
        day, year = m.group(2), m.group(5)
        if m1 in lx.AMBIGUOUS_MONTHS and not (day or year or m.group("m2") or m.group("shahr")):
            continue
        month = lx.GREGORIAN_MONTHS[m1]
        if year:
            dv = _dv(int(year), month, int(day) if day else None)
        elif report is not None:
            dv = _dv(report.year, month, int(day) if day else None)
            if dv is None:
                continue
        else:
            dv = None
        start = m.start("m1") if not day else m.start(2)  # «شهر» is not part of the date
        if dv is None and not day and not m.group("shahr"):
            continue
        add(start, m.end(), dv, "absolute", 0.9 if year else 0.7)
    for m in YEAR.finditer(norm):
        y = int(m.group(1))
        if m.group("h") in ("هـ", "ه"):
            dv = _hijri(y, 1, None)
            dv = DateValue(dv.value[:4], "approximate", "hijri") if dv else None
        else:
            dv = _dv(y)
        add(m.start(1), m.end(), dv, "absolute", 0.8)
    absolute_starts = {c.ns for c in out}
    for m in RELATIVE.finditer(norm):
        after = m.end()
        while after < len(norm) and norm[after] in " ،,":
            after += 1
        if m.group("wd") and after in absolute_starts:
            continue  # «يوم الثلاثاء 3 أيلول 2024»: the weekday only repeats the date
        add(m.start(), m.end(), _relative(m, report), "relative", 0.7)
    return out
