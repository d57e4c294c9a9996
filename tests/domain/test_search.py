"""Arabic search: normalisation, clitics, glued names; same hits on SQLite and PostgreSQL."""

import hashlib

import pytest

from casefile.db import models as m
from casefile.search import index_source, search

DOCS = {
    "a": "وصل عناصر والحرس الثوري الإيراني إلى قرية حطلة بريف دير الزور الشرقي.",
    "b": "التقى قائد بالحرس مع وجهاء البلدة في مدينة الميادين.",
    "c": "أجرى المدعو أبو رُقيّة الأحوازي زيارة إلى القرى السبع بديرالزور.",
    "d": "Heavy rain fell on the coast of Latakia on Tuesday.",
    "e": "فرضت قوات الأسد حواجز في ١٢ بلدة خلال شهر آب ٢٠٢٤.",
}


def _fill(case):
    ids = {}
    with case.session() as s:
        for name, body in DOCS.items():
            data = body.encode()
            src = m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data,
                           file_name=f"{name}.txt", media_type="text/plain", size=len(data),
                           title=f"report {name}", text=body, language="ar")
            s.add(src)
            s.flush()
            index_source(s, src)
            ids[src.id] = name
        actor = m.Actor(name="الحرس الثوري الإيراني", name_latin="IRGC", kind="state_force")
        actor.aliases.append(m.Alias(text="حرس الثورة", key="حرسالثوره"))
        s.add(actor)
        s.add(m.Place(name="دير الزور", name_latin="Deir ez-Zor", kind="governorate"))
        s.add(m.Incident(title="زيارة أبو رقية إلى حطلة", type="strategic_development",
                         summary="زيارة إلى قرية حطلة"))
    return ids


def _names(case, ids, query):
    with case.session() as s:
        return {ids[h.id] for h in search(s, query, kinds=("source",))}


@pytest.mark.parametrize("query, expected", [
    ("الحرس", {"a", "b"}),               # «والحرس» and «بالحرس»
    ("ابو رقيه", {"c"}),                 # hamza and taa marbuta folded
    ("أبو رقيّة", {"c"}),
    ("دير الزور", {"a", "c"}),           # spaced finds glued «بديرالزور»
    ("ديرالزور", {"a", "c"}),            # glued finds spaced «دير الزور»
    ("2024", {"e"}),                     # Arabic-Indic digits
    ("Latakia", {"d"}),
    ("حطلة", {"a"}),
    ("غير موجود", set()),
])
def test_arabic_queries_find_their_documents(new_case, query, expected):
    ids = _fill(new_case)
    assert _names(new_case, ids, query) == expected


def test_actors_are_found_by_any_name_or_alias(new_case):
    _fill(new_case)
    with new_case.session() as s:
        for query in ("الحرس الثوري", "IRGC", "حرس الثورة", "والحرس"):
            hits = search(s, query, kinds=("actor",))
            assert [h.title for h in hits] == ["الحرس الثوري الإيراني"], query


def test_places_and_incidents_are_searchable_and_follow_edits(new_case):
    _fill(new_case)
    with new_case.session() as s:
        assert [h.kind for h in search(s, "Deir ez-Zor")] == ["place"]
        assert "incident" in {h.kind for h in search(s, "زيارة")}
    with new_case.session() as s:
        place = s.query(m.Place).one()
        place.aliases.append(m.Alias(text="دير الزور المدينة", key="x"))
        place.name_latin = "Dayr al-Zawr"
    with new_case.session() as s:
        assert [h.kind for h in search(s, "Dayr")] == ["place"]
        assert search(s, "Deir ez-Zor", kinds=("place",)) == []
    with new_case.session() as s:
        s.delete(s.query(m.Place).one())
    with new_case.session() as s:
        assert search(s, "Dayr") == []


def test_hits_are_ranked_with_highlighted_snippets(new_case):
    _fill(new_case)
    with new_case.session() as s:
        hits = search(s, "الحرس")
    assert hits[0].kind == "actor"  # the name itself outranks a passing mention
    by_title = {h.title: h for h in hits}
    assert "[والحرس]" in by_title["report a"].snippet
    assert "[بالحرس]" in by_title["report b"].snippet
    assert all(h.score > 0 for h in hits)


def test_sqlite_and_postgresql_give_the_same_hits(tmp_path, pg_server):
    from casefile.cases import create_case

    lite = create_case(tmp_path / "same.casefile")
    pg = create_case(pg_server.create_database("same_hits"))
    try:
        ids_lite, ids_pg = _fill(lite), _fill(pg)
        for query in ("الحرس", "ابو رقيه", "ديرالزور", "زيارة", "قوات", "IRGC", "2024"):
            with lite.session() as a, pg.session() as b:
                hits_a = {(h.kind, ids_lite.get(h.id) if h.kind == "source" else h.title)
                          for h in search(a, query)}
                hits_b = {(h.kind, ids_pg.get(h.id) if h.kind == "source" else h.title)
                          for h in search(b, query)}
            assert hits_a == hits_b, query
            assert hits_a, query
    finally:
        lite.close()
        pg.close()


def test_matching_ids_finds_every_match_without_ranking(new_case):
    from casefile.search import matching_ids

    ids = _fill(new_case)
    with new_case.session() as s:
        assert {ids[i] for i in matching_ids(s, "الحرس", "source")} == {"a", "b"}
        assert {ids[i] for i in matching_ids(s, "ديرالزور", "source")} == {"a", "c"}
        assert matching_ids(s, "   ", "source") == set()


def test_actor_snippet_lists_each_name_once(new_case):
    with new_case.session() as s:
        actor = m.Actor(name="الحرس الثوري الإيراني", name_latin="IRGC", kind="state_force")
        actor.aliases.append(m.Alias(text="IRGC", key="irgc"))
        s.add(actor)
    with new_case.session() as s:
        (hit,) = search(s, "IRGC")
    assert hit.snippet.count("IRGC") == 1
