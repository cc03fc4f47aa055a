"""Fixtures shared by every test: an isolated user home, and the real databases.

``store`` is parametrised over SQLite and PostgreSQL so store tests run on both engines; the
PostgreSQL side is a real throwaway cluster started once per session (``commandcenter.testing``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from commandcenter.persistence.store import Store
from commandcenter.testing.postgres import ThrowawayPostgres

_database_names = itertools.count(1)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own COMMANDCENTER_HOME: no test reads or writes the real profile."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("COMMANDCENTER_HOME", str(home))
    monkeypatch.delenv("COMMANDCENTER_DB_URL", raising=False)
    monkeypatch.delenv("COMMANDCENTER_CONFIG", raising=False)
    return home


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[ThrowawayPostgres]:
    cluster = ThrowawayPostgres.start()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: ThrowawayPostgres) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    name = f"cc_test_{next(_database_names)}"
    url = pg_cluster.create_database(name)
    yield url
    pg_cluster.drop_database(name)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'commandcenter.sqlite'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test on both databases."""
    fixture = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return str(request.getfixturevalue(fixture))


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = Store.open(db_url)
    try:
        yield opened
    finally:
        opened.close()
