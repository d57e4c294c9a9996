"""The one month table: every spelling of a month Casefile reads, normalised → month number.

Gregorian months in the three Arabic families (Levantine/Iraqi «كانون الثاني…», Egyptian/Gulf
«يناير…», Maghrebi «جانفي، جوان، جويلية، أوت…») and English (metadata, e-mail headers), and the
Hijri months. Keys are in ``casefile.normalize`` form, so they match normalised text directly.
"""

from __future__ import annotations

from ..normalize import normalize

_GREGORIAN = {
    1: "كانون الثاني|يناير|ينار|جانفي|جانفيي|جانفييه|january|jan",
    2: "شباط|فبراير|فبرير|فيفري|february|feb",
    3: "آذار|اذار|مارس|march|mar",
    4: "نيسان|أبريل|ابريل|إبريل|أفريل|افريل|april|apr",
    5: "أيار|ايار|مايو|ماي|may",
    6: "حزيران|يونيو|يونيه|يونية|جوان|june|jun",
    7: "تموز|يوليو|يوليه|يولية|جويلية|جويلة|يوليوز|july|jul",
    8: "آب|أغسطس|اغسطس|أوت|اوت|غشت|اغشت|august|aug",
    9: "أيلول|ايلول|سبتمبر|شتنبر|september|sept|sep",
    10: "تشرين الأول|أكتوبر|اكتوبر|october|oct",
    11: "تشرين الثاني|نوفمبر|نونبر|november|nov",
    12: "كانون الأول|ديسمبر|دجنبر|december|dec",
}
_HIJRI = {
    1: "محرم|المحرم",
    2: "صفر",
    3: "ربيع الأول|ربيع الاول",
    4: "ربيع الثاني|ربيع الآخر|ربيع الاخر",
    5: "جمادى الأولى|جمادى الاولى|جمادى الأول",
    6: "جمادى الآخرة|جمادى الثانية|جمادى الاخرة|جمادى الآخر",
    7: "رجب",
    8: "شعبان",
    9: "رمضان",
    10: "شوال",
    11: "ذو القعدة|ذي القعدة",
    12: "ذو الحجة|ذي الحجة",
}

GREGORIAN_MONTHS: dict[str, int] = {
    normalize(name): m for m, names in _GREGORIAN.items() for name in names.split("|")
}
HIJRI_MONTHS: dict[str, int] = {
    normalize(name): m for m, names in _HIJRI.items() for name in names.split("|")
}
# Month names that are also ordinary words (آب/أب "father", ماي, أوت, صفر "zero", رجب, مارس
# "he practised", English "may"…): months only next to a day, a year, «شهر», another month
# name or a «الماضي / الجاري / المقبل».
AMBIGUOUS_MONTHS = frozenset(
    normalize(w)
    for w in "آب ماي أوت اوت صفر رجب شعبان رمضان محرم مارس may mar jan jun jul aug sep sept "
    "oct nov dec feb apr".split()
)
# Every word of a month name: never part of a person's or a place's name.
MONTH_WORDS = frozenset(w for name in [*GREGORIAN_MONTHS, *HIJRI_MONTHS] for w in name.split())
