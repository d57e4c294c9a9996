"""Gazetteer linking: clitics, glued «ال», spelling variants, the case's own names, Latin names."""

from __future__ import annotations

from casefile.extraction import case_entry, extract, shipped_gazetteer


def ents(text, **kw):
    return [(e.type, e.text, e.canonical) for e in extract(text, **kw).entities if e.type != "DATE"]


def test_clitic_and_glued_forms_link_to_one_place():
    for text, surface in [
        ("اشتباكات بديرالزور", "ديرالزور"),
        ("اشتباكات في دير الزور", "دير الزور"),
        ("وصلت تعزيزات لدير الزور", "دير الزور"),
        ("توترات بريف ديرالزور", "ريف ديرالزور"),
    ]:
        found = [e for e in extract(text).entities if e.type == "PLACE"]
        assert [e.text for e in found] == [surface], text
        assert found[0].ref[0] == "gazetteer" and found[0].latin


def test_lil_form_keeps_an_exact_span():
    text = "تقرير للحرس الثوري عن المنطقة"
    (e,) = [e for e in extract(text).entities if e.type == "GROUP"]
    assert text[e.start : e.end] == e.text == "لحرس الثوري"
    assert e.ref == ("gazetteer", "irgc") and e.matched_alias == "الحرس الثوري"


def test_group_heads_quotes_and_adjectives():
    text = 'قاتل عناصر من مليشيا" حزب الله" السوري و"الحرس الثوري" الإيراني وميليشيا لواء الباقر.'
    got = {(t, c) for t, _, c in ents(text)}
    assert ("GROUP", "حزب الله السوري") in got
    assert ("GROUP", "الحرس الثوري الإيراني") in got
    assert ("GROUP", "لواء الباقر") in got


def test_titles_stay_outside_person_names_and_become_offices():
    text = 'التقى المدعو "خالد العلي" مختار قرية الجنينة مع الشيخ سالم الحمد.'
    res = extract(text)
    persons = [e.text for e in res.entities if e.type == "PERSON"]
    assert persons == ["خالد العلي", "سالم الحمد"]
    (rel,) = [r for r in res.relations if r.type == "office"]
    assert rel.title == "مختار"
    assert res.entities[rel.target].text == "الجنينة" and res.entities[rel.target].type == "PLACE"


def test_nickname_makes_an_alias_relation_and_one_canonical_name():
    text = 'وصل المدعو "سامر الخليل" الملقب بـ "أبو جعفر الديري" إلى الميادين، ثم غادر أبو جعفر المدينة.'
    res = extract(text)
    (alias,) = [r for r in res.relations if r.type == "alias"]
    assert res.entities[alias.source].text == "سامر الخليل"
    assert res.entities[alias.target].text == "أبو جعفر الديري"
    kunyas = [e for e in res.entities if e.type == "PERSON" and e.text.startswith("أبو جعفر")]
    assert kunyas and all(e.canonical == "سامر الخليل" for e in kunyas)


def test_case_entries_improve_the_next_extraction():
    text = "وصل الركاض إلى قرية مراط برفقة عناصر."
    assert not [e for e in extract(text).entities if e.type == "PERSON"]
    known = shipped_gazetteer().extended(
        [case_entry(7, "PERSON", "person", "محمد الركاض", ["الركاض"], latin="Muhammad al-Rakkad")]
    )
    (p,) = [e for e in extract(text, known=known).entities if e.type == "PERSON"]
    assert (p.text, p.canonical, p.ref, p.matched_alias) == (
        "الركاض",
        "محمد الركاض",
        ("actor", 7),
        "الركاض",
    )
    assert p.latin == "Muhammad al-Rakkad"


def test_spelling_variant_links_fuzzily_with_a_lower_score():
    known = shipped_gazetteer().extended([case_entry(9, "PERSON", "person", "معتصم المشوح")])
    text = 'دعا المدعو "معتصم المشوّخ" إلى اجتماع'
    (p,) = [e for e in extract(text, known=known).entities if e.type == "PERSON"]
    assert p.ref == ("actor", 9) and p.canonical == "معتصم المشوح"
    exact = [
        e for e in extract('دعا المدعو "معتصم المشوح"', known=known).entities if e.type == "PERSON"
    ]
    assert exact[0].confidence > p.confidence


def test_case_place_with_coordinates_outranks_nothing_and_is_found_without_context():
    known = shipped_gazetteer().extended(
        [case_entry(3, "PLACE", "village", "الجنينة", ref_kind="place", lat=35.1, lon=40.2)]
    )
    (p,) = [e for e in extract("اشتباكات في الجنينة", known=known).entities if e.type == "PLACE"]
    assert p.ref == ("place", 3)


def test_common_words_are_not_places_without_context():
    assert not [e for e in extract("تضم نسبة عالية من العناصر").entities if e.type == "PLACE"]
    assert not [e for e in extract("فتح الباب أمام الحوار").entities if e.type == "PLACE"]
    found = [e.text for e in extract("سيطرت القوات على مدينة الباب").entities if e.type == "PLACE"]
    assert found == ["الباب"]


def test_every_entity_has_a_latin_name():
    res = extract('زار المدعو "فاضل الظاهر" قرية الشميطية وبلدة التبني بريف دير الزور الغربي')
    assert all(e.latin and e.latin.isascii() for e in res.entities if e.type != "DATE")


def test_a_recognizer_plugs_into_the_pipeline():
    from casefile.extraction.common import Cand

    class Model:
        name = "test-model"

        def propose(self, tm, quotes):
            i = tm.words.index("رونالدو")
            yield Cand("PERSON", "name", tm.starts[i], tm.ends[i], tm.words[i], 0.8, "model:test")

    text = "سجل رونالدو هدفين في مدينة حلب"
    # The rules alone (no shipped tagger) do not know the name; the plugged recognizer does.
    assert not [e for e in extract(text, use_model=False).entities if e.type == "PERSON"]
    found = extract(text, recognizers=[Model()], use_model=False).entities
    (p,) = [e for e in found if e.type == "PERSON"]
    assert (p.text, p.source) == ("رونالدو", "model:test") and p.latin


# Verbs news uses to report speech and events (the forms a report opens a sentence with).
REPORTING_VERBS = ("أفاد", "قال", "أكد", "أعلن", "أشار", "أضاف", "ذكر", "نقل", "أوضح", "صرح",
                   "نفى", "اتهم", "طالب", "دعا", "كشف", "أفادت", "قالت", "أكدت", "أعلنت")


def test_no_gazetteer_actor_alias_is_spelt_like_a_reporting_verb():
    """«آفاد» (the agency AFAD) folds to «افاد», «he said»: as an alias it made an AFAD
    proposal of every «أفاد» in 763 ANT reports. No shipped actor alias may fold to a verb
    that opens news sentences."""
    from casefile.normalize import key

    verbs = {key(verb) for verb in REPORTING_VERBS}
    clashes = [(e.id, name) for e in shipped_gazetteer().entries if e.type in ("PERSON", "GROUP")
               for name in e.names if key(name) in verbs]
    assert clashes == []
    result = extract("أفاد مصدر محلي بأن الأهالي عادوا إلى منازلهم في حلب.")
    assert [e.text for e in result.entities if e.type == "GROUP"] == []
