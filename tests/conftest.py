"""Fixtures shared by every test: an isolated user home, and the real databases.

``store`` is parametrised over SQLite and PostgreSQL so store tests run on both engines; the
PostgreSQL side is a real throwaway cluster started once per session (``commandcenter.testing``).
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from commandcenter.district_time import district_clock, use_time_zone
from commandcenter.persistence.store import Store
from commandcenter.testing.postgres import ThrowawayPostgres

_database_names = itertools.count(1)
pytest_plugins = ["commandcenter.testing.skip_gate"]  # unallowed skips fail (tests/allowed_skips.txt)


# The shared GIS files live beside the repository (``../shared/geodata``), wherever it is checked out.
GEODATA = Path(__file__).resolve().parents[1].parent / "shared" / "geodata"


@pytest.fixture(scope="session")
def geodata() -> Path:
    """The real GIS files; missing, the test is skipped — and the skip gate fails the run, because
    this skip is not allowed (tests/allowed_skips.txt)."""
    if not GEODATA.is_dir():
        pytest.skip(f"the shared geodata folder is not at {GEODATA}")
    return GEODATA


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
def pg_gate(pg_url: str) -> Iterator[Callable[[bool], None]]:
    """``allow(False)`` shuts the test's PostgreSQL database to new connections and ends the open
    ones (a database gone away, for real); ``allow(True)`` reopens it, as the teardown always does."""
    database = str(make_url(pg_url).database)
    admin = create_engine(pg_url.replace(f"/{database}?", "/postgres?"), isolation_level="AUTOCOMMIT")

    def allow(allowed: bool) -> None:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS {str(allowed).lower()}'))
            if not allowed:
                connection.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :d"),
                    {"d": database},
                )

    try:
        yield allow
    finally:
        allow(True)
        admin.dispose()


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


@pytest.fixture
def workstation_zone() -> Iterator[Callable[[str], None]]:
    """Set this process's own time zone (``TZ`` + ``time.tzset``), as a workstation configured for
    another zone has it; restored afterwards. The district's clock must not follow it."""
    before = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def district_zone() -> Iterator[Callable[[str], None]]:
    """Set the district's zone (``use_time_zone``) for one test; the default is restored after."""
    before = district_clock().name

    def set_zone(name: str) -> None:
        use_time_zone(name)

    yield set_zone
    use_time_zone(before)
