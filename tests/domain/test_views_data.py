"""The view queries (no Qt): precision spans, bins vs items, filters, graph, map, focus.

Run on SQLite and PostgreSQL: the day arithmetic and binning are written per dialect.
"""

from __future__ import annotations

import datetime as dt

import pytest
from views_case import build_views_case

from casefile.queries import (
    ViewFilters,
    density,
    focus_for,
    graph_data,
    incident_span,
    map_places,
    neighbours,
    spring_positions,
    timeline_extent,
    timeline_lanes,
    timeline_window,
)
from casefile.queries.filters import place_with_parts

D = dt.date


def test_date_precision_decides_the_span():
    assert incident_span(D(2024, 8, 1), None, "month") == (
        D(2024, 8, 1).toordinal(), D(2024, 9, 1).toordinal())
    assert incident_span(D(2023, 1, 1), None, "year") == (
        D(2023, 1, 1).toordinal(), D(2024, 1, 1).toordinal())
    first, after = incident_span(D(2024, 8, 20), None, "approximate")
    assert first < D(2024, 8, 20).toordinal() < after and after - first > 20
    assert incident_span(D(2024, 8, 21), D(2024, 8, 22), "day") == (
        D(2024, 8, 21).toordinal(), D(2024, 8, 23).toordinal())


@pytest.fixture
def case_ids(new_case):
    return new_case, build_views_case(new_case, extra=60)


def test_bins_count_what_items_list(case_ids):
    case, ids = case_ids
    with case.read_session() as s:
        f = ViewFilters()
        extent = timeline_extent(s, f)
        assert extent.undated == 1 and extent.dated == 66
        lanes = timeline_lanes(s, f, "type")
        start, end = extent.first, extent.last + 1
        items = timeline_window(s, f, lanes, "type", start, end, 7.0, item_limit=10_000)
        binned = timeline_window(s, f, lanes, "type", start, end, 7.0, item_limit=10)
        assert binned.items is None and items.bins is None
        assert sum(sum(b.values()) for b in binned.bins.values()) == binned.total == 66
        assert len(items.items) == 66
        month = next(i for i in items.items if i.id == ids["incident:checkpoints"])
        assert (month.start, month.end) == incident_span(D(2024, 8, 1), None, "month")
        assert sum(density(s, f, start, end, 50)) == 66


def test_actor_lanes_put_an_incident_in_each_of_its_actors_lanes(case_ids):
    case, ids = case_ids
    with case.read_session() as s:
        f = ViewFilters()
        lanes = timeline_lanes(s, f, "actor")
        e = timeline_extent(s, f)
        window = timeline_window(s, f, lanes, "actor", e.first, e.last + 1, 1.0)
        boycott = next(i for i in window.items if i.id == ids["incident:boycott"])
        assert set(boycott.lanes) == {f"actor:{ids['actor:hadi']}", f"actor:{ids['actor:mukhtar']}",
                                      f"actor:{ids['actor:mayor']}"}


def test_filters_and_scopes(case_ids):
    case, ids = case_ids
    with case.read_session() as s:
        def count(f: ViewFilters) -> int:
            return timeline_extent(s, f).dated

        assert count(ViewFilters(incident_types=frozenset({"battles"}))) < count(ViewFilters())
        august = ViewFilters(date_from=D(2024, 8, 1), date_to=D(2024, 8, 31))
        lanes = timeline_lanes(s, august, "type")
        w = timeline_window(s, august, lanes, "type", D(2024, 7, 1).toordinal(),
                            D(2024, 10, 1).toordinal(), 1.0)
        assert {ids["incident:checkpoints"], ids["incident:visit"],
                ids["incident:boycott"]} <= {i.id for i in w.items}
        assert all(i.date_start <= D(2024, 8, 31) for i in w.items)
        hadi = ViewFilters().scoped(actor_id=ids["actor:hadi"])
        persons = ViewFilters(actor_kinds=frozenset({"person"}))
        assert count(hadi) <= count(persons) < count(ViewFilters())
        hatla = place_with_parts(s, ids["place:hatla"])
        assert hatla == {ids["place:hatla"], ids["place:centre_bldg"]}
        w = timeline_window(s, ViewFilters().scoped(place_ids=hatla), [], "type", 1, 800_000,
                            1000.0)
        assert ids["incident:visit"] in {i.id for i in w.items}  # at the building in Hatla


def test_graph_centre_neighbours_and_link_types(case_ids):
    case, ids = case_ids
    hadi, centre, irgc = ids["actor:hadi"], ids["actor:centre"], ids["actor:irgc"]
    with case.read_session() as s:
        data = graph_data(s, ViewFilters(), center=hadi)
        assert data.center == hadi and {hadi, centre, ids["actor:mukhtar"]} <= {
            n.id for n in data.nodes}
        assert any(e.type == "member_of" and (e.source, e.target) == (hadi, centre)
                   for e in data.edges)
        only = graph_data(s, ViewFilters(), center=hadi, types=frozenset({"member_of"}))
        assert {e.type for e in only.edges} == {"member_of"}
        overview = graph_data(s, ViewFilters(), types=frozenset({"backed_by"}), min_degree=1)
        assert {n.id for n in overview.nodes} == {ids["actor:fatemiyoun"], irgc}
        more = neighbours(s, ViewFilters(), centre, types=frozenset({"affiliated_with"}))
        assert irgc in {n.id for n in more.nodes}
        persons = graph_data(s, ViewFilters(actor_kinds=frozenset({"person"})))
        assert {n.kind for n in persons.nodes} == {"person"}
    pos = spring_positions([n.id for n in data.nodes], data.edges, fixed={hadi: (5.0, 7.0)})
    assert pos[hadi] == pytest.approx((5.0, 7.0)) and len(pos) == len(data.nodes)


def test_map_counts_roll_up_to_a_located_place(case_ids):
    case, ids = case_ids
    with case.read_session() as s:
        places = {p.id: p for p in map_places(s, ViewFilters())}
        assert ids["place:centre_bldg"] not in places  # no coordinates
        only_visit = ViewFilters(date_from=D(2024, 8, 20), date_to=D(2024, 8, 20))
        counted = {p.id: p.incidents for p in map_places(s, only_visit)}
        assert counted[ids["place:hatla"]] >= 1  # the visit, at the building inside Hatla


def test_focus_brings_what_a_selection_means(case_ids):
    case, ids = case_ids
    with case.read_session() as s:
        visit = focus_for(s, "incident", ids["incident:visit"])
        assert visit.actor_ids == {ids["actor:hadi"], ids["actor:centre"]}
        assert visit.place_ids == {ids["place:hatla"]}
        assert visit.source_ids == {ids["source"]}
        assert visit.span is not None
        mukhtar = focus_for(s, "actor", ids["actor:mukhtar"])
        assert ids["incident:boycott"] in mukhtar.incident_ids
        assert ids["place:marrat"] in mukhtar.place_ids  # the office he holds
        source = focus_for(s, "source", ids["source"])
        assert ids["place:hatla"] in source.place_ids and ids["incident:visit"] in \
            source.incident_ids
        assert not focus_for(s, "actor", 99_999).exists
