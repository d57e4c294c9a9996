"""The timeline CSV speaks ACLED: event_type and sub_event_type are always ACLED's own English
values (docs/acled_mapping.md), Casefile's finer sub-type stays in its own column, and
time_precision follows ACLED's codes."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from test_export_data import build_sample_case

from casefile import vocabulary as terms
from casefile.db import models as m
from casefile.export import export_timeline
from casefile.export.acled import (
    ACLED_EVENT_TYPES,
    ACLED_SUB_EVENT_TYPES,
    SUBTYPE_TO_ACLED,
    event_and_sub_event,
    time_precision,
)


@pytest.mark.parametrize("type_, subtype", [(t, s) for t, subs in terms.SUBTYPES_BY_TYPE.items()
                                            for s in subs])
def test_every_casefile_sub_type_maps_to_an_acled_value_of_its_type(type_, subtype):
    assert subtype in SUBTYPE_TO_ACLED, f"docs/acled_mapping.md lacks {subtype}"
    event, sub = event_and_sub_event(type_, subtype)
    assert event == ACLED_EVENT_TYPES[type_]
    assert sub == SUBTYPE_TO_ACLED[subtype] and sub in ACLED_SUB_EVENT_TYPES[event]


def test_values_typed_by_hand_still_give_acled_values():
    assert event_and_sub_event("strategic_developments", "تصاعد التوتر") == (
        "Strategic developments", "Other")
    assert event_and_sub_event("battles", "arrest") == ("Battles", "Armed clash")
    assert event_and_sub_event("حادث", "air_drone_strike") == (
        "Explosions/Remote violence", "Air/drone strike")
    assert event_and_sub_event(None, None) == ("Strategic developments", "Other")


def test_time_precision_codes():
    day = dt.date(2024, 8, 14)
    assert time_precision("day", day, None) == 1
    assert time_precision("approximate", day, None) == 2
    assert time_precision("day", day, day + dt.timedelta(days=3)) == 2
    assert time_precision("month", dt.date(2024, 8, 1), dt.date(2024, 8, 31)) == 3
    assert time_precision("year", dt.date(2024, 1, 1), dt.date(2024, 12, 31)) == 3
    assert time_precision(None, None, None) == 3


def test_the_csv_has_only_acled_values_and_keeps_the_finer_sub_type(sqlite_case, tmp_path):
    ids = build_sample_case(sqlite_case)
    with sqlite_case.session() as s:  # an analyst types a sub-type of their own
        s.get(m.Incident, ids["altercation"]).subtype = "تصاعد التوتر"
    out = export_timeline(sqlite_case, tmp_path / "timeline.csv", fmt="csv")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["event_id"]: r for r in csv.DictReader(fh)}
    for row in rows.values():
        assert row["event_type"] in ACLED_SUB_EVENT_TYPES
        assert row["sub_event_type"] in ACLED_SUB_EVENT_TYPES[row["event_type"]]
    visit = rows[f"CF{ids['visit']}"]
    assert (visit["sub_event_type"], visit["casefile_subtype"]) == ("Other", "visit_meeting")
    typed = rows[f"CF{ids['altercation']}"]
    assert typed["sub_event_type"] == "Other" and typed["casefile_subtype"] == "تصاعد التوتر"
