"""CSV (ACLED-style, UTF-8 with BOM) and JSON (validated against docs/export-json-schema.json)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from test_export_data import ACTOR, ALIAS, QUOTES, audit_count, build_sample_case

from casefile.export import export_dossier, export_timeline
from casefile.export.tabular import CSV_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "export-json-schema.json").read_text(encoding="utf-8"))
ACLED_HEAD = ["event_id", "event_date", "year", "time_precision", "event_type", "sub_event_type",
              "actor1", "assoc_actor_1", "actor2", "assoc_actor_2"]


@pytest.fixture
def sample(sqlite_case):
    return sqlite_case, build_sample_case(sqlite_case)


def _validate(instance, schema, root=SCHEMA, path="$"):
    """A small JSON Schema validator for the keywords the export schema uses.

    jsonschema is used instead when installed; this keeps the test honest without it.
    """
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return _validate(instance, root["$defs"][name], root, path)
    for key, many in (("oneOf", 1), ("anyOf", None)):
        if key in schema:
            ok = 0
            for option in schema[key]:
                try:
                    _validate(instance, option, root, path)
                    ok += 1
                except AssertionError:
                    pass
            assert ok >= 1 and (many is None or ok == many), f"{path}: {key} matched {ok}"
            return None
    types = schema.get("type")
    if types:
        types = [types] if isinstance(types, str) else types
        pytypes = {"string": str, "integer": int, "number": (int, float), "boolean": bool,
                   "null": type(None), "object": dict, "array": list}
        assert any(isinstance(instance, pytypes[t]) and not (t in ("integer", "number") and
                   isinstance(instance, bool)) for t in types), f"{path}: {instance!r} not {types}"
    if "const" in schema:
        assert instance == schema["const"], path
    if "enum" in schema:
        assert instance in schema["enum"], f"{path}: {instance!r}"
    if isinstance(instance, str) and "pattern" in schema:
        assert re.search(schema["pattern"], instance), f"{path}: {instance!r}"
    if isinstance(instance, int | float) and not isinstance(instance, bool):
        assert instance >= schema.get("minimum", instance), path
        assert instance <= schema.get("maximum", instance), path
    if isinstance(instance, dict):
        for key in schema.get("required", []):
            assert key in instance, f"{path}: missing {key}"
        props = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            assert set(instance) <= set(props), f"{path}: extra {set(instance) - set(props)}"
        for key, value in instance.items():
            if key in props:
                _validate(value, props[key], root, f"{path}.{key}")
    if isinstance(instance, list) and "items" in schema:
        for i, item in enumerate(instance):
            _validate(item, schema["items"], root, f"{path}[{i}]")
    return None


def validate(instance):
    try:
        import jsonschema
    except ImportError:
        _validate(instance, SCHEMA)
    else:
        jsonschema.validate(instance, SCHEMA)


def test_the_validator_rejects_what_the_schema_forbids():
    good = {"format": "casefile-export", "version": 1, "kind": "timeline", "exported_at": "x",
            "case": "c", "analyst": "a", "marking": "m", "filters": [], "incidents": [],
            "citations": []}
    validate(good)
    for bad in ({**good, "kind": "other"}, {**good, "incidents": [{"id": 1}]},
                {k: v for k, v in good.items() if k != "citations"}, {**good, "extra": 1}):
        with pytest.raises(Exception):  # noqa: B017 - AssertionError or jsonschema's own
            validate(bad)


def test_timeline_csv_has_acled_columns_bom_and_one_row_per_incident(sample, tmp_path):
    case, ids = sample
    out = export_timeline(case, tmp_path / "timeline.csv", fmt="csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the file as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
        fh.seek(0)
        header = next(csv.reader(fh))
    assert header == CSV_COLUMNS and header[:10] == ACLED_HEAD
    assert [r["event_id"] for r in rows] == [f"CF{ids['visit']}", f"CF{ids['boycott']}",
                                            f"CF{ids['altercation']}"]
    visit = rows[0]
    assert visit["event_date"] == "2024-08-01" and visit["year"] == "2024"
    assert visit["time_precision"] == "3"  # month precision: ACLED code 3
    assert visit["event_type"] == "Strategic developments"
    assert visit["actor1"] == ACTOR and visit["assoc_actor_1"] == "الحرس الثوري الإيراني"
    assert (visit["location"], visit["admin1"], visit["country"]) == ("حطلة", "دير الزور", "سوريا")
    assert (visit["latitude"], visit["longitude"]) == ("35.36360", "40.20030")
    assert visit["citation_count"] == "2" and len(visit["source_sha256"]) == 64
    boycott = rows[1]
    assert boycott["actor1"] == ACTOR
    assert boycott["actor2"] == "محمد الركاض"
    assert "فاضل الظاهر" in boycott["assoc_actor_2"].split("; ")
    assert rows[2]["time_precision"] == "2"  # approximate day
    assert rows[2]["actor1"] and rows[2]["actor2"]  # two participants, one on each side


def test_timeline_csv_filters(sample, tmp_path):
    case, ids = sample

    def event_ids(**filters):
        out = export_timeline(case, tmp_path / "t.csv", fmt="csv", **filters)
        with out.open(encoding="utf-8-sig", newline="") as fh:
            return [r["event_id"] for r in csv.DictReader(fh)]

    assert event_ids(actor=ALIAS) == [f"CF{ids['visit']}", f"CF{ids['boycott']}"]
    assert event_ids(place="Hatla") == [f"CF{ids['visit']}"]
    assert len(event_ids(place="دير الزور")) == 3  # the villages lie within the governorate
    assert event_ids(types=("verbal_altercation",)) == [f"CF{ids['altercation']}"]
    import datetime as dt

    # A month-precision incident runs to the end of its month.
    assert len(event_ids(date_from=dt.date(2024, 8, 25), date_to=dt.date(2024, 9, 30))) == 2
    assert event_ids(date_from=dt.date(2024, 9, 1)) == []


def test_dossier_json_validates_and_carries_the_facts(sample, tmp_path):
    case, ids = sample
    before = audit_count(case)
    out = export_dossier(case, ACTOR, tmp_path / "d.json", fmt="json")
    data = json.loads(out.read_text(encoding="utf-8"))
    validate(data)
    assert data["kind"] == "dossier" and data["actor"]["id"] == ids["actor"]
    assert [a["text"] for a in data["aliases"]] == [ALIAS, "أبو رقية"]
    assert data["aliases"][0]["source_id"] == ids["source"]
    assert data["offices"][0]["title"] == "مسؤول المركز الثقافي الإيراني"
    assert [i["precision"] for i in data["incidents"]] == ["month", "month"]
    quotes = {c["quote"] for c in data["citations"]}
    assert {QUOTES["actor"], QUOTES["visit"], QUOTES["boycott"]} <= quotes
    numbers = [c["number"] for c in data["citations"]]
    assert numbers == list(range(1, len(numbers) + 1))
    cited = {n for i in data["incidents"] for n in i["citations"]}
    assert cited <= set(numbers)
    assert audit_count(case) == before  # an export writes nothing


def test_timeline_json_validates(sample, tmp_path):
    case, _ids = sample
    data = json.loads(export_timeline(case, tmp_path / "t.json", fmt="json", place="حطلة")
                      .read_text(encoding="utf-8"))
    validate(data)
    assert data["kind"] == "timeline" and len(data["incidents"]) == 1
    assert data["filters"] == ["المكان: حطلة"]


def test_whole_case_json_validates_and_holds_everything(sample, tmp_path):
    from sqlalchemy import func, select

    from casefile.db import models as m
    from casefile.export import export_case

    case, ids = sample
    before = audit_count(case)
    data = json.loads(export_case(case, tmp_path / "case.json").read_text(encoding="utf-8"))
    validate(data)
    assert data["kind"] == "case" and audit_count(case) == before
    with case.read_session() as s:
        counts = {name: s.scalar(select(func.count()).select_from(model)) for name, model in
                  {"actors": m.Actor, "places": m.Place, "relations": m.Relation,
                   "incidents": m.Incident, "sources": m.Source, "citations": m.Citation}.items()}
    assert {k: len(data[k]) for k in counts} == counts
    actor = next(a for a in data["actors"] if a["id"] == ids["actor"])
    assert [a["text"] for a in actor["aliases"]] == [ALIAS, "أبو رقية"]
    assert actor["aliases"][0]["citations"]  # the alias citation is numbered
    quotes = {c["quote"] for c in data["citations"]}
    assert set(QUOTES.values()) <= quotes


def test_exports_work_on_both_backends(new_case, tmp_path):
    """SQLite and PostgreSQL: the same dossier JSON and timeline CSV."""
    ids = build_sample_case(new_case)
    data = json.loads(export_dossier(new_case, ALIAS, tmp_path / "d.json", fmt="json")
                      .read_text(encoding="utf-8"))
    validate(data)
    assert data["actor"]["id"] == ids["actor"] and len(data["citations"]) == 6
    out = export_timeline(new_case, tmp_path / "t.csv", fmt="csv", place="دير الزور")
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 3
