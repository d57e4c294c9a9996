"""Words and dates as an Arabic reader of an export expects them.

Codes in the case (``strategic_developments``, ``visitor``, ``office``) are the
vocabulary of extraction and review; exports show them in Arabic, and the CSV
shows ACLED's English names so other tools can read it. Unknown codes are shown
as they are rather than hidden.
"""

from __future__ import annotations

import datetime as dt

# Levantine / Egyptian pairs, as Syrian reports write them («آب/أغسطس 2024»).
MONTHS_AR = (
    "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو",
    "حزيران/يونيو", "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
)

ACTOR_KINDS = {
    "person": "شخص", "state_force": "قوة حكومية", "militia": "مليشيا",
    "armed_group": "جماعة مسلحة", "organisation": "منظمة", "institution": "مؤسسة",
}
ALIAS_KINDS = {
    "name": "اسم", "kunya": "كنية / لقب", "spelling": "تهجئة أخرى",
    "transliteration": "كتابة بالحروف اللاتينية", "translation": "ترجمة",
}
PLACE_KINDS = {
    "country": "دولة", "governorate": "محافظة", "district": "منطقة", "town": "بلدة",
    "village": "قرية", "area": "منطقة", "facility": "منشأة", "river": "نهر",
}
RELATION_TYPES = {
    "office": "يشغل منصب", "member_of": "عضو في", "commands": "يقود",
    "affiliated_with": "مرتبط بـ", "backed_by": "مدعوم من", "allied_with": "متحالف مع",
    "rival_of": "خصم لـ", "present_in": "موجود في", "alias": "اسم آخر لـ",
}
ROLES = {
    "perpetrator": "فاعل", "target": "مستهدف", "participant": "مشارك", "mediator": "وسيط",
    "visitor": "زائر", "host": "مضيف", "addressee": "مخاطب", "witness": "شاهد",
    "speaker": "صاحب التصريح", "victim": "ضحية", "sponsor": "جهة مكلفة أو داعمة",
    "associated": "طرف مرتبط",
}
EVENT_TYPES = {
    "battles": "معارك", "explosions_remote_violence": "انفجارات / عنف عن بعد",
    "violence_against_civilians": "عنف ضد المدنيين", "protests": "احتجاجات",
    "riots": "أعمال شغب", "strategic_developments": "تطورات استراتيجية",
}
SUB_EVENT_TYPES = {
    "verbal_altercation": "مشادة كلامية", "arrest": "اعتقال", "visit_meeting": "زيارة أو لقاء",
    "statement_call": "تصريح أو دعوة", "checkpoint_setup": "إقامة حاجز",
    "shelling_artillery_missile_attack": "قصف مدفعي أو صاروخي",
    "remote_explosive_landmine_ied": "عبوة ناسفة أو لغم", "suicide_bomb": "تفجير انتحاري",
    "armed_clash": "اشتباك مسلح", "attack": "هجوم", "air_drone_strike": "غارة جوية أو بمسيرة",
    "abduction_forced_disappearance": "اختطاف أو إخفاء قسري", "peaceful_protest": "احتجاج سلمي",
    "violent_demonstration": "تظاهرة عنيفة", "withdrawal": "انسحاب", "deployment": "انتشار",
    "recruitment": "تجنيد", "agreement": "اتفاق", "pressure": "ضغط",
    "escalation_tension": "تصاعد التوتر", "headquarters_setup": "إنشاء مقر",
}

# ACLED's own names (codebook), so the CSV reads like an ACLED export.
ACLED_EVENT_TYPES = {
    "battles": "Battles", "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians", "protests": "Protests",
    "riots": "Riots", "strategic_developments": "Strategic developments",
}
ACLED_SUB_EVENT_TYPES = {
    "armed_clash": "Armed clash", "shelling_artillery_missile_attack":
    "Shelling/artillery/missile attack", "remote_explosive_landmine_ied":
    "Remote explosive/landmine/IED", "suicide_bomb": "Suicide bomb", "attack": "Attack",
    "air_drone_strike": "Air/drone strike",
    "abduction_forced_disappearance": "Abduction/forced disappearance",
    "peaceful_protest": "Peaceful protest", "violent_demonstration": "Violent demonstration",
    "arrest": "Arrests", "agreement": "Agreement", "headquarters_setup":
    "Headquarters or base established", "checkpoint_setup": "Headquarters or base established",
}
# ACLED time_precision: 1 the day is known, 2 within a week or so, 3 only the month or less.
ACLED_TIME_PRECISION = {"day": 1, "approximate": 2, "month": 3, "year": 3}


def label(table: dict[str, str], code: str | None) -> str:
    """The Arabic word for a code, or the code itself made readable."""
    if not code:
        return ""
    return table.get(code, code.replace("_", " "))


def format_date(day: dt.date | None, precision: str | None = "day") -> str:
    """One date at the precision the source gave: a month is not its first day."""
    if day is None:
        return ""
    month = MONTHS_AR[day.month - 1]
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return f"{month} {day.year}"
    text = f"{day.day} {month} {day.year}"
    return f"نحو {text}" if precision == "approximate" else text


def format_span(start: dt.date | None, end: dt.date | None, precision: str | None) -> str:
    """A date or a range («3 – 5 آب/أغسطس 2024» is left to read as two full dates)."""
    if start is None and end is None:
        return "تاريخ غير معروف"
    if start is None:
        return f"حتى {format_date(end, precision)}"
    first = format_date(start, precision)
    if end is None or end == start:
        return first
    last = format_date(end, precision)
    return first if last == first else f"{first} – {last}"


def format_period(start: dt.date | None, end: dt.date | None, precision: str | None) -> str:
    """A time range of an office or affiliation; open ends say so."""
    if start is None and end is None:
        return "المدة غير محددة"
    if end is None:
        return f"منذ {format_date(start, precision)}"
    if start is None:
        return f"حتى {format_date(end, precision)}"
    return format_span(start, end, precision)


def iso_date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
