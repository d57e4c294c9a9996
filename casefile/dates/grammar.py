"""The date grammar, on ``casefile.normalize``d text (spans are offsets into that text).

What news writes: day + month + year in the three month families and dual forms («آب/ أغسطس
2024»); numeric and ISO dates; years bare or prefixed («عام 2011», «العام 1982», «2002م», «في
2011», «مطلع 2017»); a month or day + month with «الماضي / الجاري / المقبل» («22 مارس الماضي»);
weekdays with or without «أمس / اليوم / يوم / مساء» («أمس الجمعة», «الأحد المقبل»); «أمس»,
«قبل 3 أيام», the last / this / next week, month and year; seasons («صيف 2016», «الشتاء
الماضي»); decades («الستينيات», «ثمانينيات القرن الماضي»); centuries («القرن التاسع عشر»);
Hijri dates (hijridate). Precision follows the words: «خلال شهر آب 2024» is 2024-08, never
2024-08-01; a period (season, decade, century) also carries its last day in ``end``.

Whatever is relative is resolved against the report's date; without one it is still found,
with no value (the analyst sees it and can set the report's date). Every pattern is bounded
(no nested quantifiers), so a 1 MB line is scanned in linear time.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, timedelta

from .months import AMBIGUOUS_MONTHS, GREGORIAN_MONTHS, HIJRI_MONTHS
from .value import DateValue


@dataclass
class FoundDate:
    start: int
    end: int
    value: DateValue | None
    kind: str  # "absolute" | "relative" | "hijri"
    confidence: float


_B, _E = r"(?<![\w])", r"(?![\w])"
_CL = r"(?:[وفبل]|لل)?"  # a proclitic glued to the first word, left outside the span


def _alt(names) -> str:
    return "|".join(
        re.escape(n).replace(r"\ ", r"\s{1,3}") for n in sorted(names, key=len, reverse=True)
    )


_GMON = _alt(GREGORIAN_MONTHS)
_HMON = _alt(HIJRI_MONTHS)
_YEAR = r"(?:1[3-9]\d\d|20\d\d)"
_SEP = r"\s{0,3}[/\\\-–(]\s{0,3}"
_PAST = "الماضي الماضيه الفائت الفائته المنصرم المنصرمه السابق".split()
_NOW = "الجاري الحالي الحاليه هذا".split()
_NEXT = "المقبل المقبله القادم القادمه".split()
_REL = "|".join(_PAST + _NOW + _NEXT)


def _direction(word: str | None) -> int | None:
    if not word:
        return None
    return -1 if word in _PAST else 0 if word in _NOW else 1


GREGORIAN = re.compile(
    rf"{_B}{_CL}(?:(?P<shahr>شهر|الشهر|شهري)\s{{1,3}})?(?:(?P<d>[0-3]?\d)\s{{0,3}}(?:من\s{{1,3}})?)?"
    rf"(?P<m1>{_GMON})(?:{_SEP}(?P<m2>{_GMON})\)?)?"
    rf"(?:\s{{0,3}},?\s{{0,3}}(?:من\s{{1,3}})?(?:عام\s{{1,3}}|سنه\s{{1,3}}|العام\s{{1,3}})?(?P<y>{_YEAR})"
    rf"(?:\s{{0,2}}م(?![\w]))?"
    rf"|\s{{1,3}}(?P<rel>{_REL}))?{_E}"
)
# «July 12, 2018» (English metadata and e-mail).
MONTH_DAY_YEAR = re.compile(
    rf"{_B}(?P<m1>[a-z]{{3,9}})\.?\s{{1,3}}(?P<d>[0-3]?\d),?\s{{1,3}}(?P<y>{_YEAR}){_E}"
)
HIJRI = re.compile(
    rf"{_B}(?:(?P<d>[0-3]?\d)\s{{0,3}})?(?P<m1>{_HMON})\s{{0,3}}(?:من\s{{1,3}})?(?:عام\s{{1,3}}|سنه\s{{1,3}})?"
    rf"(?P<y>1[34]\d\d)\s{{0,3}}(?P<h>هـ|ه|للهجره|هجريه|هجري)?{_E}"
)
NUMERIC = re.compile(
    rf"{_B}(?:(?P<d>[0-3]?\d)[/.\-](?P<m>[0-3]?\d)[/.\-](?P<y>(?:19|20)\d\d)"
    rf"|(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)){_E}"
)
# A year with a word that makes it one: «عام 2011», «في 2011», «2002م», «مطلع 2017».
YEAR = re.compile(
    rf"{_B}(?:(?P<w>{_CL}(?:عام|عامي|سنه|العام|سنوات|منذ|حتى|مطلع|اوائل|اواخر|منتصف|بدايه|نهايه|"
    rf"خريف|ربيع|صيف|شتاء)|في|خلال)\s{{1,3}}(?:عام\s{{1,3}})?)?(?P<y>{_YEAR})"
    rf"(?:\s{{0,3}}(?P<h>هـ|ه(?![\w])|م(?![\w])))?(?![\w%])"
)
_AND_YEAR = re.compile(rf"\s{{0,3}}(?:و|الى|حتى|-|–)\s{{0,3}}(?P<y>{_YEAR})(?![\w%])")
_SEASONS = {"الشتاء": 12, "شتاء": 12, "الربيع": 3, "ربيع": 3, "الصيف": 6, "صيف": 6,
            "الخريف": 9, "خريف": 9}
SEASON = re.compile(
    rf"{_B}{_CL}(?P<s>{'|'.join(_SEASONS)})\s{{1,3}}"
    rf"(?:(?:(?:عام|العام|سنه)\s{{1,3}})?(?P<y>{_YEAR})|(?P<yrel>العام|السنه)\s{{1,3}}(?P<yr>{_REL})|(?P<rel>{_REL})){_E}"
)
_DECADES = {"عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7,
            "ثمانين": 8, "تسعين": 9}
_ORDINALS = {
    "الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6, "السابع": 7,
    "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12,
    "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16,
    "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19, "العشرين": 20,
    "الحادي والعشرين": 21, "الواحد والعشرين": 21,
}
_CENTURY = (
    rf"القرن\s{{1,3}}(?:(?P<cn>{_alt(_ORDINALS)})|(?:ال\s{{0,2}})?(?P<cd>[12]?\d)|(?P<crel>الماضي|الحالي|الجاري|المنصرم|الفائت))"
)
DECADE = re.compile(
    rf"{_B}{_CL}(?:عقد\s{{1,3}})?(?P<al>ال)?(?P<dec>{'|'.join(_DECADES)})(?:ي)?ات"
    rf"(?:\s{{1,3}}(?:من\s{{1,3}})?{_CENTURY})?{_E}"
)
CENTURY = re.compile(rf"{_B}{_CL}{_CENTURY}{_E}")
_WEEKDAYS = {"الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3,
             "الجمعه": 4, "السبت": 5, "الاحد": 6}
_WD = "|".join(_WEEKDAYS)
RELATIVE = re.compile(
    rf"{_B}{_CL}(?:"
    rf"(?:(?P<pre>امس|اليوم|يوم|مساء|صباح|ليله|ليل|فجر|ظهر|عصر|ظهيره)\s{{1,3}})?(?P<wd>{_WD})"
    rf"(?:\s{{1,3}}(?P<wdrel>{_REL}))?"
    rf"|(?P<simple>اليوم|امس|الامس|البارحه|اول\s{{1,3}}امس|غدا|امس\s{{1,3}}الاول|بعد\s{{1,3}}غد)"
    rf"|(?P<last>(?:الاسبوع|الشهر|العام|السنه)\s{{1,3}}(?P<lrel>{_REL}))"
    rf"|(?P<this>(?:هذا|هذه)\s{{1,3}}(?P<tunit>الاسبوع|الشهر|العام|السنه))"
    rf"|(?P<ago>(?:قبل|منذ)\s{{1,3}}(?:(?P<n>\d{{1,2}})\s{{1,3}})?(?P<unit>يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر))"
    rf"){_E}"
)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def day_month_year(
    y: int, m: int | None = None, d: int | None = None, cal: str = "gregorian"
) -> DateValue | None:
    try:
        if d is not None and m is not None:
            return DateValue(date(y, m, d).isoformat(), "day", cal)
        if m is not None:
            date(y, m, 1)
            return DateValue(f"{y:04d}-{m:02d}", "month", cal)
        date(y, 1, 1)
        return DateValue(f"{y:04d}", "year", cal)
    except ValueError:
        return None


def _month_range(y: int, m: int, months: int) -> DateValue | None:
    """``months`` months from y-m, as a month-precise start and its last day."""
    last_m, last_y = (m + months - 2) % 12 + 1, y + (m + months - 2) // 12
    if not (1 <= y and last_y <= 9999):
        return None
    end = _iso(last_y, last_m, calendar.monthrange(last_y, last_m)[1])
    return DateValue(f"{y:04d}-{m:02d}", "month", end=end)


def _years(first: int, last: int) -> DateValue | None:
    if not 1 <= first <= last <= 9999:
        return None
    return DateValue(f"{first:04d}", "year", end=f"{last:04d}-12-31")


def _hijri(y: int, m: int, d: int | None) -> DateValue | None:
    try:
        from hijridate import Hijri

        g = Hijri(y, m, d or 1).to_gregorian()
    except (ValueError, OverflowError):
        return None
    if d is None:  # a Hijri month straddles two Gregorian months
        return DateValue(g.isoformat(), "approximate", "hijri")
    return DateValue(g.isoformat(), "day", "hijri")


def _month_year(month: int, direction: int | None, report: date, day: int | None = None) -> int:
    """The year of a month named without one, as seen from the report's date."""
    if direction == -1:
        if day is not None:  # «3 آذار الماضي»: the last 3 March before the report
            return report.year if (month, day) < (report.month, report.day) else report.year - 1
        return report.year if month < report.month else report.year - 1  # «مارس الماضي»
    if direction == 1:  # «مارس المقبل»
        return report.year if month > report.month else report.year + 1
    if direction == 0:
        return report.year
    # No word: the nearest, news being mostly about the recent past.
    return report.year - 1 if month - report.month > 2 else report.year


def _weekday(wd: int, direction: int | None, report: date) -> date:
    if direction == 1:
        return report + timedelta(days=(wd - report.weekday() - 1) % 7 + 1)
    back = (report.weekday() - wd) % 7
    if direction == -1 and back == 0:
        back = 7
    return report - timedelta(days=back)


def _relative(m: re.Match[str], report: date | None) -> DateValue | None:
    if report is None:
        return None
    if m.group("wd"):
        pre = m.group("pre")
        if pre == "امس":
            return DateValue((report - timedelta(days=1)).isoformat(), "day")
        if pre == "اليوم":
            return DateValue(report.isoformat(), "day")
        day = _weekday(_WEEKDAYS[m.group("wd")], _direction(m.group("wdrel")), report)
        return DateValue(day.isoformat(), "day")
    if m.group("simple"):
        w = " ".join(m.group("simple").split())
        delta = {"اليوم": 0, "امس": 1, "الامس": 1, "البارحه": 1, "اول امس": 2, "امس الاول": 2, "غدا": -1,
                 "بعد غد": -2}
        return DateValue((report - timedelta(days=delta.get(w, 0))).isoformat(), "day")
    if m.group("last") or m.group("this"):
        unit = m.group("tunit") or m.group("last").split()[0]
        step = _direction(m.group("lrel")) if m.group("last") else 0
        if unit == "الاسبوع":
            return DateValue((report + timedelta(days=7 * step)).isoformat(), "approximate")
        if unit == "الشهر":
            y, mo = divmod(report.year * 12 + report.month - 1 + step, 12)
            return DateValue(f"{y:04d}-{mo + 1:02d}", "month")
        return DateValue(f"{report.year + step:04d}", "year")
    if m.group("ago"):
        unit = m.group("unit")
        n = int(m.group("n")) if m.group("n") else (2 if unit.endswith("ين") else 1)
        days = n * (7 if "سبوع" in unit or "سابيع" in unit else 30 if "شهر" in unit else 1)
        precision = "day" if days < 7 else "approximate"
        return DateValue((report - timedelta(days=days)).isoformat(), precision)
    return None


def _season(m: re.Match[str], report: date | None) -> DateValue | None:
    first = _SEASONS[m.group("s")]
    if m.group("yr") and report is None:
        return None
    if m.group("y") or m.group("yr"):
        year = int(m.group("y")) if m.group("y") else report.year + _direction(m.group("yr"))
        # Winter runs December to February: «شتاء 2016» begins in December 2015.
        return _month_range(year - 1 if first == 12 else year, first, 3)
    if report is None:
        return None
    now = report.year * 12 + report.month - 1
    direction = _direction(m.group("rel"))
    starts = [y * 12 + first - 1 for y in range(report.year - 2, report.year + 2)]
    if direction == -1:  # «الصيف الماضي»: the last one over before the report
        start = max(t for t in starts if t + 2 < now)
    elif direction == 1:
        start = min(t for t in starts if t > now)
    else:
        start = max(t for t in starts if t <= now)
    return _month_range(start // 12, start % 12 + 1, 3)


def _century_number(m: re.Match[str], report: date | None) -> int | None:
    if m.group("cn"):
        return _ORDINALS[" ".join(m.group("cn").split())]
    if m.group("cd"):
        return int(m.group("cd")) or None
    if m.group("crel") and report is not None:
        now = report.year // 100 + 1
        return now - 1 if m.group("crel") in ("الماضي", "المنصرم", "الفائت") else now
    return None


def _decade(m: re.Match[str], report: date | None) -> DateValue | None:
    tens = _DECADES[m.group("dec")]
    if m.group("cn") or m.group("cd") or m.group("crel"):
        century = _century_number(m, report)
        if century is None:
            return None
        start = (century - 1) * 100 + tens * 10
    elif report is None:
        return None
    else:  # «الستينيات»: the last sixties before the report
        start = (report.year // 100) * 100 + tens * 10
        if start > report.year:
            start -= 100
    return _years(start, start + 9)


def _century(m: re.Match[str], report: date | None) -> DateValue | None:
    century = _century_number(m, report)
    return _years((century - 1) * 100, (century - 1) * 100 + 99) if century else None


_FOUR_DIGITS = re.compile(r"(?:1[3-9]|20)\d\d")
_PROBES = {
    "hijri": (*HIJRI_MONTHS, "ربيع", "جمادي", "القعده", "الحجه"),  # spaced names by a word
    "latin": tuple("abcdefghijklmnopqrstuvwxyz"),
    "season": tuple(_SEASONS),
    "decade": ("ينات", "ينيات"),
    "century": ("القرن",),
}


class _Taken:
    """Spans already claimed (sorted, non-overlapping)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def take(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, s)
        if i > 0 and self.ends[i - 1] > s or i < len(self.starts) and self.starts[i] < e:
            return False
        self.starts.insert(i, s)
        self.ends.insert(i, e)
        return True


def _skip_clitic(norm: str, s: int, e: int) -> int:
    """Start of the date inside a match that may begin with a glued «و/ب/ل/ف/لل»."""
    for n in (2, 1):
        if e - s > n + 2 and norm[s : s + n] in ("لل", "و", "ف", "ب", "ل") and norm[
            s + n : e
        ].startswith(("ال", "شهر", "عقد", "صيف", "شتاء", "ربيع", "خريف", "قبل", "منذ", "مطلع",
                      "نهايه", "بدايه", "منتصف", "اوائل", "اواخر", "امس", "يوم", "مساء", "صباح",
                      "ليل", "فجر", "ظهر", "عصر", "عام", "سنه", "حتى", "اول", "غدا", "هذ")):
            return s + n
    return s


def find_dates(norm: str, report: date | None) -> list[FoundDate]:
    """Every date expression in normalised text, left to right, without overlaps."""
    out: list[FoundDate] = []
    taken = _Taken()

    def add(s: int, e: int, dv: DateValue | None, kind: str, conf: float) -> None:
        s = _skip_clitic(norm, s, e)
        if taken.take(s, e):
            out.append(FoundDate(s, e, dv, kind, conf))

    for m in NUMERIC.finditer(norm):
        if m.group("y"):
            first, second = int(m.group("d")), int(m.group("m"))
            # Day first, as the Arab world and Europe write it, unless impossible.
            day, month = (second, first) if second > 12 >= first else (first, second)
            dv = day_month_year(int(m.group("y")), month, day)
        else:
            dv = day_month_year(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        if dv:
            add(m.start(), m.end(), dv, "absolute", 0.9)
    # Cheap substring tests first: most texts have no season, decade, century or Latin month.
    has = {name: any(x in norm for x in probe) for name, probe in _PROBES.items()}
    for m in HIJRI.finditer(norm) if has["hijri"] else ():
        dv = _hijri(
            int(m.group("y")),
            HIJRI_MONTHS[" ".join(m.group("m1").split())],
            int(m.group("d")) if m.group("d") else None,
        )
        if dv:
            add(m.start(), m.end(), dv, "hijri", 0.85)
    for m in MONTH_DAY_YEAR.finditer(norm) if has["latin"] else ():
        month = GREGORIAN_MONTHS.get(m.group("m1"))
        if month and (dv := day_month_year(int(m.group("y")), month, int(m.group("d")))):
            add(m.start(), m.end(), dv, "absolute", 0.9)
    for m in GREGORIAN.finditer(norm):
        m1 = " ".join(m.group("m1").split())
        day, year, rel = m.group("d"), m.group("y"), m.group("rel")
        if m1 in AMBIGUOUS_MONTHS and not (day or year or rel or m.group("m2") or m.group("shahr")):
            continue
        month = GREGORIAN_MONTHS[m1]
        if year:
            dv = day_month_year(int(year), month, int(day) if day else None)
            if dv is None:
                continue
        elif report is not None:
            y = _month_year(month, _direction(rel), report, int(day) if day else None)
            dv = day_month_year(y, month, int(day) if day else None)
            if dv is None:
                continue
        else:
            dv = None
        if dv is None and not (day or rel or m.group("shahr")):
            continue
        start = m.start("d") if day else m.start("m1")  # «شهر» is not part of the date
        add(start, m.end(), dv, "absolute" if year else "relative", 0.9 if year else 0.7)
    for m in SEASON.finditer(norm) if has["season"] else ():
        kind = "absolute" if m.group("y") else "relative"
        add(m.start(), m.end(), _season(m, report), kind, 0.75)
    for m in DECADE.finditer(norm) if has["decade"] else ():
        if not m.group("al") and not (m.group("cn") or m.group("cd") or m.group("crel")):
            continue  # «ستينيات» alone is a construct waiting for its «القرن»
        add(m.start(), m.end(), _decade(m, report), "relative", 0.7)
    for m in CENTURY.finditer(norm) if has["century"] else ():
        kind = "relative" if m.group("crel") else "absolute"
        add(m.start(), m.end(), _century(m, report), kind, 0.7)
    for m in YEAR.finditer(norm) if _FOUR_DIGITS.search(norm) else ():
        if m.group("w") is not None and (second := _AND_YEAR.match(norm, m.end())):
            add(second.start("y"), second.end("y"), day_month_year(int(second.group("y"))),
                "absolute", 0.8)  # «بين عامي 2011 و2013»
        if m.group("w") is None and m.group("h") not in ("م",):
            continue  # a bare number: a year only with a word or «م» that says so
        y = int(m.group("y"))
        if m.group("h") in ("هـ", "ه"):
            dv = _hijri(y, 1, None)
            dv = DateValue(dv.value[:4], "approximate", "hijri") if dv else None
        else:
            dv = day_month_year(y)
        add(m.start("y"), m.end(), dv, "absolute", 0.8 if m.group("w") else 0.7)
    absolute_starts = {f.start for f in out}
    for m in RELATIVE.finditer(norm):
        if m.group("ago") and m.group("unit") in ("ايام", "اسابيع", "اشهر") and not m.group("n"):
            continue  # «منذ أيام»: some days, not a date
        after = m.end()
        while after < len(norm) and norm[after] in " ،,":
            after += 1
        if m.group("wd") and after in absolute_starts:
            continue  # «يوم الثلاثاء 3 أيلول 2024»: the weekday only repeats the date
        add(m.start(), m.end(), _relative(m, report), "relative", 0.7 if m.group("pre") or
            not m.group("wd") else 0.6)
    out.sort(key=lambda f: f.start)
    return out
