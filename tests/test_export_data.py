"""Export data: the dossier and timeline read from a case built with the models.

``build_sample_case`` (also used by the other export tests) files the seed report and the
facts an analyst would confirm from it: «أبو رقية الأحوازي», his alias, his office in
Deir ez-Zor, his visit to Hatla (August 2024, month precision) and his call to boycott.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casefile.db import models as m
from casefile.normalize import key

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_42518da6be7191c8.txt"
ACTOR = "أبو رقية الأحوازي"
ALIAS = "محمد علي الهادي"
LATIN = "Abu Ruqayya al-Ahwazi"
OFFICE = "مسؤول المركز الثقافي الإيراني"
QUOTES = {
    "actor": 'أجرى المدعو "محمد علي الهادي" والملقب بـ "أبو رقية الأحوازي" مسؤول "المركز الثقافي" الإيراني بديرالزور',
    "office": 'مسؤول "المركز الثقافي" الإيراني بديرالزور',
    "visit": 'زيارة للقرى السبع بتكليف من قيادة "الحرس الثوري" الإيراني بديرالزور، وتحديدًا إلى قرية حطلة',
    "month": "التوتر بين الطرفين تصاعد خلال شهر آب/ أغسطس 2024",
    "boycott": 'المدعو" أبو رقية" دعا أهالي القرى السبع إلى عدم التعاون مع القوات الروسية أو الشخصيات المرتبطة بها',
    "altercation": "وصل إلى مشادات كلامية بين عناصر المليشيات الإيرانية وعناصر المليشيات المحلية",
}
FIGURES = [  # the five local figures of the boycott call: name, office title, place
    ("محمد الركاض", "مختار", "مراط"),
    ("معتصم المشوح", "مختار", "حطلة"),
    ("عبد الرحمن غازي العبد الرحمن", "مختار", "الصالحية"),
    ("محمد خلف الحسين", "رئيس بلدية", "مظلوم"),
    ("فاضل الظاهر", "أحد وجهاء", "حطلة"),
]


def _cite(s, source, text, quote, fact_type, fact_id, rel="B", cred=2):
    start = text.index(quote)
    s.add(m.Citation(fact_type=fact_type, fact_id=fact_id, source_id=source.id, start=start,
                     end=start + len(quote), quote=quote, reliability=rel, credibility=cred))


def build_sample_case(case) -> dict[str, int]:
    """Fill ``case`` with the seed report's facts; returns the ids tests need."""
    raw = SEED.read_bytes()
    text = raw.decode("utf-8")
    with case.session() as s:
        source = m.Source(
            sha256=hashlib.sha256(raw).hexdigest(), original=raw, file_name=SEED.name,
            media_type="text/plain", size=len(raw), title=text.splitlines()[0],
            publisher="تقرير ميداني", published=dt.date(2024, 9, 2), language="ar", text=text,
            reliability="B")
        syria = m.Place(name="سوريا", name_latin="Syria", kind="country")
        dez = m.Place(name="دير الزور", name_latin="Deir ez-Zor", kind="governorate",
                      parent=syria, latitude=35.3359, longitude=40.1408)
        villages = {name: m.Place(name=name, kind="village", parent=dez)
                    for name in ("حطلة", "مراط", "الصالحية", "مظلوم", "خشام")}
        villages["حطلة"].name_latin, villages["حطلة"].latitude = "Hatla", 35.3636
        villages["حطلة"].longitude = 40.2003
        seven = m.Place(name="القرى السبع", name_latin="the Seven Villages", kind="area", parent=dez)
        actor = m.Actor(name=ACTOR, name_latin=LATIN, kind="person",
                        notes="مسؤول المركز الثقافي الإيراني في دير الزور.")
        start = text.index(ALIAS)
        actor.aliases = [
            m.Alias(text=ALIAS, key=key(ALIAS), kind="kunya",
                    start=start, end=start + len(ALIAS)),
            m.Alias(text="أبو رقية", key=key("أبو رقية"), kind="kunya"),
        ]
        irgc = m.Actor(name="الحرس الثوري الإيراني", kind="state_force",
                       name_latin="Islamic Revolutionary Guard Corps (IRGC)")
        russians = m.Actor(name="الشرطة العسكرية الروسية", name_latin="Russian Military Police",
                           kind="state_force")
        figures = [m.Actor(name=n, kind="person") for n, _t, _p in FIGURES]
        s.add_all([source, syria, dez, *villages.values(), seven, actor, irgc, russians, *figures])
        s.flush()
        actor.aliases[0].source_id = source.id
        office = m.Relation(type="office", title=OFFICE, subject=actor, object_place=dez,
                            date_start=dt.date(2024, 8, 1), precision="month")
        tasked = m.Relation(type="affiliated_with", subject=actor, object_actor=irgc)
        mukhtars = [m.Relation(type="office", title=t, subject=f, object_place=villages[p])
                    for f, (_n, t, p) in zip(figures, FIGURES, strict=True)]
        backed = [m.Relation(type="backed_by", subject=f, object_actor=russians) for f in figures]
        visit = m.Incident(title="زيارة أبو رقية الأحوازي إلى قرية حطلة",
                           type="strategic_developments", subtype="visit_meeting",
                           date_start=dt.date(2024, 8, 1), precision="month",
                           place=villages["حطلة"], credibility=2,
                           summary="زيارة بتكليف من الحرس الثوري لطمأنة الأهالي.")
        visit.involvements = [m.Involvement(actor=actor, role="visitor"),
                              m.Involvement(actor=irgc, role="participant")]
        boycott = m.Incident(title="دعوة إلى مقاطعة شخصيات مرتبطة بالقوات الروسية",
                             type="strategic_developments", subtype="statement_call",
                             date_start=dt.date(2024, 8, 1), precision="month", place=seven)
        boycott.involvements = [m.Involvement(actor=actor, role="speaker")] + [
            m.Involvement(actor=f, role="addressee") for f in figures]
        altercation = m.Incident(title="مشادات كلامية في مركز المصالحة الروسي",
                                 type="strategic_developments", subtype="verbal_altercation",
                                 date_start=dt.date(2024, 8, 20), precision="approximate",
                                 place=villages["خشام"])
        altercation.involvements = [m.Involvement(actor=irgc, role="participant"),
                                    m.Involvement(actor=russians, role="participant")]
        s.add_all([office, tasked, *mukhtars, *backed, visit, boycott, altercation])
        s.flush()
        _cite(s, source, text, QUOTES["actor"], "actor", actor.id)
        _cite(s, source, text, ALIAS, "alias", actor.aliases[0].id)
        _cite(s, source, text, QUOTES["office"], "relation", office.id)
        _cite(s, source, text, QUOTES["visit"], "incident", visit.id, cred=2)
        _cite(s, source, text, QUOTES["month"], "incident", visit.id, cred=3)
        _cite(s, source, text, QUOTES["boycott"], "incident", boycott.id)
        _cite(s, source, text, QUOTES["altercation"], "incident", altercation.id, rel="C", cred=3)
        s.add(m.Note(target_type="actor", target_id=actor.id, text="يُتابع نشاطه في القرى السبع."))
        return {"actor": actor.id, "irgc": irgc.id, "source": source.id, "hatla": villages["حطلة"].id,
                "dez": dez.id, "visit": visit.id, "boycott": boycott.id,
                "altercation": altercation.id, "lonely": figures[0].id}


def audit_count(case) -> int:
    with case.read_session() as s:
        return s.scalar(select(func.count()).select_from(m.AuditEntry))


@pytest.fixture
def sample(sqlite_case):
    return sqlite_case, build_sample_case(sqlite_case)
