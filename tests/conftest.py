"""Shared fixtures: a fresh case per test on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CASEFILE_USER", "tester")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
_db_counter = itertools.count()


@pytest.fixture(scope="session")
def pg_server():
    from pg_server import PostgresServer, find_pg_bin

    if find_pg_bin() is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed; the test command installs it")
        pytest.skip("PostgreSQL is not installed")
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def case_url(request, tmp_path):
    """A location for a new case: a file path, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "case.casefile")
    server = request.getfixturevalue("pg_server")
    return server.create_database(f"case_{os.getpid()}_{next(_db_counter)}")


@pytest.fixture
def new_case(case_url):
    from casefile.cases import create_case

    case = create_case(case_url)
    yield case
    case.close()


@pytest.fixture
def sqlite_case(tmp_path):
    from casefile.cases import create_case

    case = create_case(tmp_path / "case.casefile")
    yield case
    case.close()
