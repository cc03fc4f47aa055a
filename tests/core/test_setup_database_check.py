"""The wizard's "Test connection" (``persistence.database_check``) against the real throwaway
PostgreSQL cluster and SQLite files: each failure a person can meet comes back as the key that
tells them what to fix, and a good database is migrated once."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from commandcenter.domain.database_check import DatabaseProblem
from commandcenter.persistence.database_check import check_database
from commandcenter.persistence.migrate import head_revision
from commandcenter.testing.postgres import ThrowawayPostgres

ROLE, PASSWORD = "cc_wizard", "Right-pass-2026"


@pytest.fixture
def role_url(pg_cluster: ThrowawayPostgres) -> str:
    """A password-checked login role without superuser (``…@/postgres``, no password in it)."""
    return pg_cluster.add_password_role(ROLE, PASSWORD)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.postgres
def test_a_new_postgresql_database_is_migrated_once(pg_url: str) -> None:
    first = check_database(pg_url)
    assert first.ok, first
    assert (first.schema_before, first.schema_after, first.migrated) == (None, head_revision(), True)
    assert first.server.startswith("PostgreSQL ")
    again = check_database(pg_url)
    assert (again.ok, again.migrated, again.schema_before) == (True, False, head_revision())


@pytest.mark.postgres
def test_a_wrong_password_is_named(role_url: str) -> None:
    check = check_database(role_url.replace(f"{ROLE}@", f"{ROLE}:not-it@"))
    assert check.problem is DatabaseProblem.WRONG_PASSWORD
    assert "not-it" not in check.shown_url + check.detail


@pytest.mark.postgres
def test_a_missing_password_is_named(role_url: str) -> None:
    assert check_database(role_url).problem is DatabaseProblem.NO_PASSWORD


@pytest.mark.postgres
def test_a_missing_database_is_named(role_url: str) -> None:
    url = role_url.replace(f"{ROLE}@", f"{ROLE}:{PASSWORD}@").replace("/postgres?", "/no_such_db?")
    check = check_database(url)
    assert check.problem is DatabaseProblem.NO_DATABASE
    assert "no_such_db" in check.detail


@pytest.mark.postgres
def test_a_user_who_may_not_create_tables_is_told_so(role_url: str, pg_url: str) -> None:
    database = pg_url.split("@/", 1)[1].split("?", 1)[0]  # owned by postgres: no CREATE for the role
    url = role_url.replace(f"{ROLE}@", f"{ROLE}:{PASSWORD}@").replace("/postgres?", f"/{database}?")
    check = check_database(url)
    assert check.problem is DatabaseProblem.NO_PERMISSION
    assert check.schema_after is None


@pytest.mark.postgres
def test_an_unknown_user_is_named(pg_url: str) -> None:
    assert check_database(pg_url.replace("postgres@", "ghost@")).problem is DatabaseProblem.UNKNOWN_USER


@pytest.mark.postgres
def test_a_port_nobody_listens_on_is_a_refused_connection() -> None:
    check = check_database(f"postgresql+psycopg2://cc@127.0.0.1:{_free_port()}/commandcenter")
    assert check.problem is DatabaseProblem.REFUSED


@pytest.mark.postgres
def test_a_schema_from_a_newer_program_is_refused_and_left_alone(pg_url: str) -> None:
    assert check_database(pg_url).ok
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    check = check_database(pg_url)
    with engine.connect() as connection:
        stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    engine.dispose()
    assert (check.problem, check.detail, stamped) == (
        DatabaseProblem.SCHEMA_TOO_NEW,
        "9999_future",
        "9999_future",
    )


def test_sqlite_new_file_missing_folder_and_not_a_database(tmp_path: Path) -> None:
    created = check_database(f"sqlite:///{tmp_path / 'new.sqlite'}")
    assert (created.ok, created.schema_after, created.server.startswith("SQLite ")) == (
        True,
        head_revision(),
        True,
    )
    missing = check_database(f"sqlite:///{tmp_path / 'nowhere' / 'x.sqlite'}")
    assert (missing.problem, missing.detail) == (DatabaseProblem.FOLDER_MISSING, str(tmp_path / "nowhere"))
    junk = tmp_path / "notes.sqlite"
    junk.write_text("这不是数据库 " * 200, encoding="utf-8")
    assert check_database(f"sqlite:///{junk}").problem is DatabaseProblem.NOT_A_DATABASE


def test_tables_of_another_application_are_named(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE offices (x INTEGER)")
    connection.close()
    assert check_database(f"sqlite:///{path}").problem is DatabaseProblem.FOREIGN_TABLES


def test_an_unusable_url_is_named() -> None:
    assert check_database("mysql://cc@db/commandcenter").problem is DatabaseProblem.BAD_URL
