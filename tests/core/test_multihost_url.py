"""A multi-host PostgreSQL URL (a primary and its standby) is accepted wherever a database URL is, in
libpq's form (``u@h1:5432,h2:5433/db``) as well as SQLAlchemy's (``?host=h1:5432&host=h2:5433``), and
reaches libpq as ``host=h1,h2 port=5432,5433`` — for the pooled engine and the change feed alike."""

from __future__ import annotations

import psycopg2
import pytest

from commandcenter.persistence.change_feed.postgres import PostgresChangeFeed
from commandcenter.persistence.database import (
    check_supported_url,
    create_database_engine,
    describe_error,
    redact,
)
from commandcenter.persistence.database_check import check_database
from commandcenter.persistence.multihost import normalize_url
from commandcenter.persistence.store import Store
from commandcenter.secrets import with_database_password

LIBPQ_FORM = "postgresql+psycopg2://cc:secret@db1:5432,db2:5433/city?target_session_attrs=read-write"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            LIBPQ_FORM,
            "postgresql+psycopg2://cc:secret@/city?host=db1:5432&host=db2:5433&target_session_attrs=read-write",
        ),
        ("postgresql+psycopg2://cc@db1,db2/city", "postgresql+psycopg2://cc@/city?host=db1&host=db2"),
        ("postgresql+psycopg2://cc@db1:5432/city", "postgresql+psycopg2://cc@db1:5432/city"),
        ("sqlite:////tmp/a,b.sqlite", "sqlite:////tmp/a,b.sqlite"),
    ],
)
def test_the_libpq_form_becomes_sqlalchemys_and_others_stay(url: str, expected: str) -> None:
    assert normalize_url(url) == expected


def test_both_servers_reach_libpq_in_order() -> None:
    check_supported_url(LIBPQ_FORM)
    engine = create_database_engine(LIBPQ_FORM)
    try:
        _, kwargs = engine.dialect.create_connect_args(engine.url)
        assert (kwargs["host"], kwargs["port"]) == ("db1,db2", "5432,5433")
        assert kwargs["target_session_attrs"] == "read-write"
        feed = PostgresChangeFeed(Store(engine))
        assert feed._connect_kwargs["host"] == "db1,db2"  # the feed follows the failover too
    finally:
        engine.dispose()


def test_the_shown_url_names_both_servers_and_hides_the_password() -> None:
    shown = redact(LIBPQ_FORM)
    assert "secret" not in shown
    assert "db1:5432" in shown
    assert "db2:5433" in shown


def test_the_stored_password_goes_into_the_libpq_form() -> None:
    url = with_database_password(LIBPQ_FORM.replace(":secret", ""), {"COMMANDCENTER_DB_PASSWORD": "pw"})
    assert url.startswith("postgresql+psycopg2://cc:pw@db1:5432,db2:5433/city")


def test_the_connection_check_answers_in_words_when_no_server_answers() -> None:
    check = check_database("postgresql+psycopg2://cc@127.0.0.1:1,127.0.0.1:2/city?connect_timeout=2")
    assert check.problem is not None
    assert "127.0.0.1" in check.detail


def test_no_writable_server_is_told_server_by_server() -> None:
    error = psycopg2.OperationalError(
        'connection to server at "10.0.0.1", port 5432 failed: Connection refused\n'
        "\tIs the server running on that host and accepting TCP/IP connections?\n"
        'connection to server at "10.0.0.2", port 5432 failed: session is read-only\n'
    )
    described = describe_error(error)
    assert "\n" not in described
    assert "Connection refused" in described
    assert "session is read-only" in described
