"""The case's vocabularies: the stable keys extraction proposes, forms store and exports show.

One table per vocabulary, each key with its English and Arabic label. The forms
(``casefile.services.vocab``), the exports (``casefile.export.labels``) and the interface
(``ui.core.vocabulary``, through Qt's translator) all read these tables, so a key extraction can
produce always has a name in both languages. Incident types follow ACLED's codebook; the
strategic-development sub-types are those the extraction proposes (see
``casefile/extraction/README.md``).
"""

from __future__ import annotations

from typing import NamedTuple


class Term(NamedTuple):
    en: str
    ar: str


OTHER = Term("Other", "أخرى")

INCIDENT_TYPES: dict[str, Term] = {
    "battles": Term("Battles", "معارك"),
    "explosions_remote_violence": Term("Explosions/Remote violence", "انفجارات / عنف عن بعد"),
    "violence_against_civilians": Term("Violence against civilians", "عنف ضد المدنيين"),
    "protests": Term("Protests", "احتجاجات"),
    "riots": Term("Riots", "أعمال شغب"),
    "strategic_developments": Term("Strategic developments", "تطورات استراتيجية"),
}

# incident type → its sub-types, in the order a form offers them.
SUBTYPES_BY_TYPE: dict[str, dict[str, Term]] = {
    "battles": {
        "armed_clash": Term("Armed clash", "اشتباك مسلح"),
        "government_regains_territory": Term("Government regains territory",
                                             "استعادة الحكومة لأراضٍ"),
        "non_state_actor_overtakes_territory": Term("Non-state actor overtakes territory",
                                                    "سيطرة جهة غير حكومية على أراضٍ"),
    },
    "explosions_remote_violence": {
        "shelling_artillery_missile_attack": Term("Shelling/artillery/missile attack",
                                                  "قصف مدفعي أو صاروخي"),
        "air_drone_strike": Term("Air/drone strike", "غارة جوية أو بمسيرة"),
        "suicide_bomb": Term("Suicide bomb", "تفجير انتحاري"),
        "remote_explosive_landmine_ied": Term("Remote explosive/landmine/IED",
                                              "عبوة ناسفة أو لغم"),
        "grenade": Term("Grenade", "قنبلة يدوية"),
        "chemical_weapon": Term("Chemical weapon", "سلاح كيميائي"),
    },
    "violence_against_civilians": {
        "attack": Term("Attack", "هجوم"),
        "abduction_forced_disappearance": Term("Abduction/forced disappearance",
                                               "اختطاف أو إخفاء قسري"),
        "sexual_violence": Term("Sexual violence", "عنف جنسي"),
    },
    "protests": {
        "peaceful_protest": Term("Peaceful protest", "احتجاج سلمي"),
        "protest_with_intervention": Term("Protest with intervention", "احتجاج مع تدخل"),
        "excessive_force_against_protesters": Term("Excessive force against protesters",
                                                   "قوة مفرطة ضد المحتجين"),
    },
    "riots": {
        "violent_demonstration": Term("Violent demonstration", "تظاهرة عنيفة"),
        "mob_violence": Term("Mob violence", "عنف جماعي"),
    },
    "strategic_developments": {
        "checkpoint_setup": Term("Checkpoint set up", "إقامة حاجز"),
        "arrest": Term("Arrest", "اعتقال"),
        "visit_meeting": Term("Visit or meeting", "زيارة أو لقاء"),
        "statement_call": Term("Statement or call", "تصريح أو دعوة"),
        "verbal_altercation": Term("Verbal altercation", "مشادة كلامية"),
        "pressure": Term("Pressure", "ضغط"),
        "escalation_tension": Term("Escalation or tension", "تصاعد التوتر"),
        "deployment": Term("Deployment", "انتشار"),
        "withdrawal": Term("Withdrawal", "انسحاب"),
        "recruitment": Term("Recruitment", "تجنيد"),
        "evacuation": Term("Evacuation", "إجلاء"),
        "expulsion": Term("Expulsion or deportation", "طرد أو ترحيل"),
        "agreement": Term("Agreement", "اتفاق"),
        "headquarters_or_base_established": Term("Headquarters or base established",
                                                 "إنشاء مقر أو قاعدة"),
        "looting_property_destruction": Term("Looting/property destruction",
                                             "نهب أو تدمير ممتلكات"),
        "other": OTHER,
    },
}
SUBTYPES: dict[str, Term] = {k: t for subs in SUBTYPES_BY_TYPE.values() for k, t in subs.items()}

# An actor's part in an incident («بين X و Y» participants, «بتكليف من X» sponsor…).
ROLES: dict[str, Term] = {
    "perpetrator": Term("Perpetrator", "فاعل"),
    "target": Term("Target", "مستهدف"),
    "participant": Term("Participant", "مشارك"),
    "associated": Term("Associated", "طرف مرتبط"),
    "sponsor": Term("Sponsor", "جهة مكلفة أو داعمة"),
    "mediator": Term("Mediator", "وسيط"),
    "visitor": Term("Visitor", "زائر"),
    "host": Term("Host", "مضيف"),
    "speaker": Term("Speaker", "صاحب التصريح"),
    "addressee": Term("Addressee", "مخاطب"),
    "witness": Term("Witness", "شاهد"),
    "victim": Term("Victim", "ضحية"),
}

# Actor → actor or actor → place links; "present_in" and "alias" come from extraction,
# "shared_incident" is the graph's edge between actors of one incident.
RELATION_TYPES: dict[str, Term] = {
    "member_of": Term("Member of", "عضو في"),
    "commands": Term("Commands", "يقود"),
    "affiliated_with": Term("Affiliated with", "مرتبط بـ"),
    "backed_by": Term("Backed by", "مدعوم من"),
    "allied_with": Term("Allied with", "متحالف مع"),
    "rival_of": Term("Rival of", "خصم لـ"),
    "office": Term("Holds office", "يشغل منصب"),
    "present_in": Term("Present in", "موجود في"),
    "alias": Term("Alias of", "اسم آخر لـ"),
    "shared_incident": Term("Shared incidents", "حوادث مشتركة"),
}

ACTOR_KINDS: dict[str, Term] = {
    "person": Term("Person", "شخص"),
    "state_force": Term("State force", "قوة حكومية"),
    "militia": Term("Militia", "مليشيا"),
    "armed_group": Term("Armed group", "جماعة مسلحة"),
    "organisation": Term("Organisation", "منظمة"),
    "institution": Term("Institution", "مؤسسة"),
}
ALIAS_KINDS: dict[str, Term] = {
    "name": Term("Name", "اسم"),
    "kunya": Term("Kunya / nickname", "كنية / لقب"),
    "spelling": Term("Spelling variant", "تهجئة أخرى"),
    "transliteration": Term("Transliteration", "كتابة بالحروف اللاتينية"),
    "translation": Term("Translation", "ترجمة"),
}
PLACE_KINDS: dict[str, Term] = {
    "country": Term("Country", "دولة"),
    "governorate": Term("Governorate", "محافظة"),
    "district": Term("District", "منطقة إدارية"),
    "subdistrict": Term("Subdistrict", "ناحية"),
    "town": Term("Town", "بلدة"),
    "village": Term("Village", "قرية"),
    "area": Term("Area", "منطقة"),
    "facility": Term("Facility", "منشأة"),
    "river": Term("River", "نهر"),
}
PRECISIONS: dict[str, Term] = {
    "day": Term("Day", "يوم"),
    "month": Term("Month", "شهر"),
    "year": Term("Year", "سنة"),
    "approximate": Term("Approximate", "تقريبي"),
}

ALL: tuple[dict[str, Term], ...] = (INCIDENT_TYPES, SUBTYPES, ROLES, RELATION_TYPES,
                                    ACTOR_KINDS, ALIAS_KINDS, PLACE_KINDS, PRECISIONS)


def english(table: dict[str, Term]) -> dict[str, str]:
    return {key: term.en for key, term in table.items()}


def arabic(table: dict[str, Term]) -> dict[str, str]:
    return {key: term.ar for key, term in table.items()}


def arabic_of_english() -> dict[str, str]:
    """Every English label with its Arabic, for the interface's translator."""
    pairs = {OTHER.en: OTHER.ar}
    for table in ALL:
        pairs.update((term.en, term.ar) for term in table.values())
    return pairs
