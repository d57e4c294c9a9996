"""Every released schema's case file opens with the current code."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from casefile.cases import open_case
from casefile.db import models as m
from casefile.db.case import head_revision
from casefile.search import search

FIXTURES = sorted((Path(__file__).parents[1] / "fixtures" / "schemas").glob("*.casefile"))


def test_there_is_a_fixture_for_the_current_schema():
    assert head_revision() in {p.stem for p in FIXTURES}


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_old_case_opens_upgraded_with_its_data(fixture, tmp_path):
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    case = open_case(path)
    try:
        with case.session() as s:
            assert s.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
                head_revision()
            actor = s.scalars(select(m.Actor)).one()
            assert actor.name == "أبو رقية الأحوازي"
            assert [a.text for a in actor.aliases] == ["محمد علي الهادي"]
            assert s.scalars(select(m.Citation.quote)).one() in s.scalars(select(m.Source.text)).one()
            assert {h.kind for h in search(s, "ابو رقيه")} == {"actor", "source"}
            assert {h.kind for h in search(s, "حطلة")} == {"place", "source"}
    finally:
        case.close()
