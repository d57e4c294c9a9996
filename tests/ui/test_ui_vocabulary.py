"""Every key extraction can emit has an English and an Arabic label, in the interface and in
the exports, and the widgets that offer the vocabularies use the keys the case stores."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casefile import vocabulary as terms
from casefile.export import labels as export_labels
from casefile.extraction import extract, incident_words
from casefile.extraction import incidents as extraction_incidents
from casefile.extraction.types import RELATION_TYPES as EXTRACTED_RELATIONS
from casefile.services import vocab as form_vocab
from ui.core import i18n
from ui.core import vocabulary as ui_vocab

ARABIC = re.compile(r"[\u0600-\u06FF]")
LATIN = re.compile(r"[A-Za-z]")
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def emitted_keys() -> dict[str, set[str]]:
    """The types, sub-types, roles and relation types extraction can produce, read from
    its own tables and from the role literals in its source."""
    made = [(t, sub) for t, sub, _prio, _kind in incident_words.TRIGGERS.values()]
    made += incident_words.MADE_SUBTYPES
    types = {t for t, _sub in made}
    subtypes = {sub for _t, sub in made}
    roles = {*extraction_incidents.AGENT_ROLE.values(), *extraction_incidents.SUB_AGENT.values(),
             *extraction_incidents.PATIENT_ROLE.values(), "perpetrator", "target"}
    source = Path(extraction_incidents.__file__).read_text(encoding="utf-8")
    roles |= set(re.findall(r'IncidentActor\([^()]*?,\s*"(\w+)"\)', source))
    return {"types": types, "subtypes": subtypes, "roles": roles,
            "relations": set(EXTRACTED_RELATIONS)}


def test_the_source_scan_finds_the_roles_named_in_the_readme():
    keys = emitted_keys()
    assert {"associated", "sponsor", "mediator", "speaker", "visitor", "host",
            "participant", "target", "perpetrator"} <= keys["roles"]
    assert {"battles", "explosions_remote_violence", "violence_against_civilians", "protests",
            "riots", "strategic_developments"} <= keys["types"]
    assert {"checkpoint_setup", "visit_meeting", "statement_call", "verbal_altercation",
            "pressure", "escalation_tension", "shelling_artillery_missile_attack"} <= \
        keys["subtypes"]


def test_extraction_on_the_seed_reports_emits_only_known_keys():
    seen = {"types": set(), "subtypes": set(), "roles": set(), "relations": set()}
    for path in sorted(SEEDS.glob("*.txt"))[:3]:
        result = extract(path.read_text(encoding="utf-8"))
        for inc in result.incidents:
            seen["types"].add(inc.type)
            seen["subtypes"].add(inc.subtype)
            seen["roles"].update(a.role for a in inc.actors)
        seen["relations"].update(r.type for r in result.relations)
    assert seen["roles"] and seen["subtypes"]
    known = {"types": terms.INCIDENT_TYPES, "subtypes": terms.SUBTYPES, "roles": terms.ROLES,
             "relations": terms.RELATION_TYPES}
    for what, keys in seen.items():
        assert keys <= set(known[what]), (what, keys - set(known[what]))


CASES = [
    ("types", ui_vocab.incident_type, ui_vocab.INCIDENT_TYPES, export_labels.EVENT_TYPES),
    ("subtypes", ui_vocab.subtype, ui_vocab.SUBTYPES, export_labels.SUB_EVENT_TYPES),
    ("roles", ui_vocab.role, ui_vocab.ROLES, export_labels.ROLES),
    ("relations", ui_vocab.relation_type, ui_vocab.RELATION_TYPES,
     export_labels.RELATION_TYPES),
]


@pytest.mark.parametrize(("what", "ui_label", "ui_table", "export_table"), CASES,
                         ids=[c[0] for c in CASES])
def test_every_emitted_key_has_english_and_arabic_labels(qapp, what, ui_label, ui_table,
                                                         export_table):
    keys = emitted_keys()[what]
    missing_ui = sorted(keys - set(ui_table))
    missing_export = sorted(keys - set(export_table))
    assert not missing_ui, f"UI vocabulary lacks {what}: {missing_ui}"
    assert not missing_export, f"export labels lack {what}: {missing_export}"
    i18n.apply_language("en")
    for key in keys:
        english = ui_label(key)
        assert english and LATIN.search(english) and not ARABIC.search(english), key
        assert english == ui_table[key]  # the table's label, not the key made readable
        arabic = export_labels.label(export_table, key)
        assert ARABIC.search(arabic) and not LATIN.search(arabic), (key, arabic)
    i18n.apply_language("ar")
    try:
        for key in keys:
            shown = ui_label(key)
            assert shown == export_labels.label(export_table, key), key  # one source
            assert ARABIC.search(shown) and not LATIN.search(shown), (key, shown)
    finally:
        i18n.apply_language("en")


def test_forms_offer_every_role_and_subtype_extraction_stores():
    keys = emitted_keys()
    assert keys["roles"] <= set(form_vocab.ROLES)  # "associated" and "sponsor" included
    assert keys["types"] <= set(form_vocab.INCIDENT_TYPES)
    offered = {sub for _label, subs in form_vocab.INCIDENT_TYPES.values() for sub in subs}
    assert keys["subtypes"] <= offered
    # an English label never stands for two Arabic words (the translator maps by text)
    pairs: dict[str, set[str]] = {}
    for table in terms.ALL:
        for term in table.values():
            pairs.setdefault(term.en, set()).add(term.ar)
    assert {en: ars for en, ars in pairs.items() if len(ars) > 1} == {}


def test_filter_bar_and_incident_form_show_arabic_for_stored_keys(desk, qtbot):
    window, _ids = desk
    views = window.linked_views
    menu_keys = {a.data() for a in views.filter_bar.types_menu.actions()}
    assert set(terms.INCIDENT_TYPES) <= menu_keys
    assert not {"battle", "protest", "strategic_development"} & menu_keys
    window.actions_by_name["new_incident"].trigger()
    form = window.panels["record"].forms["incident"]
    form.type_box.setCurrentIndex(form.type_box.findData("strategic_developments"))
    assert form.subtype_box.findData("visit_meeting") > 0
    form.involvements.add_button.click()
    role_box = form.involvements.cell(0, 1)
    assert role_box.findData("associated") >= 0 and role_box.findData("sponsor") >= 0

    i18n.apply_language("ar")
    try:
        qtbot.waitUntil(lambda: views.filter_bar.types_menu.actions()[0].text() != "Battles",
                        timeout=5000)
        texts = {a.data(): a.text() for a in views.filter_bar.types_menu.actions()}
        assert texts["battles"] == "معارك"
        assert texts["strategic_developments"] == "تطورات استراتيجية"
        assert ui_vocab.subtype("visit_meeting") == "زيارة أو لقاء"
        assert ui_vocab.role("associated") == "طرف مرتبط"
    finally:
        i18n.apply_language("en")


def test_document_languages_are_the_codes_detection_gives_with_readable_names():
    from casefile.importing.language import detect_language
    from ui.core import vocabulary

    detected = {detect_language("قال المدعو أبو رقية إن القوات انسحبت من القرية"),
                detect_language("The forces withdrew from the village on Tuesday and the"),
                detect_language("Les forces se sont retirées du village mardi")}
    assert detected <= set(vocabulary.LANGUAGES)
    assert vocabulary.language_name("ar") == "Arabic"
    assert vocabulary.language_name("other") == "Other"
