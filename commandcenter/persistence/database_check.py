"""Connect to a database, bring its schema up to date, and say in keys what went wrong.

The setup wizard's "Test connection" (``commandcenter.setup``) runs this on a worker thread. Unlike
``Store.open`` it never raises: every failure becomes a ``DatabaseCheck`` with one
``DatabaseProblem`` and the driver's first line. psycopg2 reports connection-phase failures without
an SQLSTATE, so those are recognised by libpq's (English) wording; server errors by their SQLSTATE.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, exc, text
from sqlalchemy.engine import make_url

from commandcenter.domain.database_check import DatabaseCheck, DatabaseProblem
from commandcenter.persistence.database import (
    DatabaseUnavailable,
    UnsupportedDatabaseURL,
    check_supported_url,
    create_database_engine,
    redact,
)
from commandcenter.persistence.migrate import current_revision, head_revision, is_known_revision, upgrade
from commandcenter.persistence.multihost import normalize_url

_SQLSTATES = {
    "28P01": DatabaseProblem.WRONG_PASSWORD,
    "3D000": DatabaseProblem.NO_DATABASE,
    "42501": DatabaseProblem.NO_PERMISSION,
    "42P07": DatabaseProblem.FOREIGN_TABLES,
}
# libpq's and SQLite's words, first match wins (lower case)
_WORDS: tuple[tuple[str, DatabaseProblem], ...] = (
    ("password authentication failed", DatabaseProblem.WRONG_PASSWORD),
    ("no password supplied", DatabaseProblem.NO_PASSWORD),
    ("no pg_hba.conf entry", DatabaseProblem.NOT_ALLOWED),
    ("role", DatabaseProblem.UNKNOWN_USER),  # 'role "x" does not exist' (checked with "does not exist")
    ("database", DatabaseProblem.NO_DATABASE),  # 'database "x" does not exist'
    ("connection refused", DatabaseProblem.REFUSED),
    ("no such file or directory", DatabaseProblem.REFUSED),  # a Unix socket nobody listens on
    ("could not translate host name", DatabaseProblem.UNKNOWN_HOST),
    ("name or service not known", DatabaseProblem.UNKNOWN_HOST),
    ("timeout expired", DatabaseProblem.TIMEOUT),
    ("timed out", DatabaseProblem.TIMEOUT),
    ("permission denied", DatabaseProblem.NO_PERMISSION),
    ("already exists", DatabaseProblem.FOREIGN_TABLES),
    ("file is not a database", DatabaseProblem.NOT_A_DATABASE),
    ("readonly database", DatabaseProblem.NOT_WRITABLE),
    ("unable to open database file", DatabaseProblem.NOT_WRITABLE),
)


def check_database(url: str, *, migrate: bool = True) -> DatabaseCheck:
    """Connect to ``url``, refuse a schema from a newer program, and (``migrate``) upgrade it."""
    url = normalize_url(url)
    shown = redact(url)
    try:
        check_supported_url(url)
    except UnsupportedDatabaseURL as error:
        return DatabaseCheck(shown, DatabaseProblem.BAD_URL, error.reason)
    problem = _sqlite_file_problem(url)
    if problem is not None:
        return DatabaseCheck(shown, *problem)
    try:
        engine = create_database_engine(url)
    except DatabaseUnavailable as error:
        return DatabaseCheck(shown, DatabaseProblem.OTHER, error.reason)
    try:
        return _check(engine, shown, migrate)
    finally:
        engine.dispose()


def _check(engine: Engine, shown: str, migrate: bool) -> DatabaseCheck:
    before: str | None = None
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1")).scalar_one()
            server = _server(engine)
        before = current_revision(engine)
        if not is_known_revision(before):
            return DatabaseCheck(shown, DatabaseProblem.SCHEMA_TOO_NEW, str(before), before, before, server)
        if migrate and before != head_revision():
            upgrade(engine)
        return DatabaseCheck(shown, None, "", before, current_revision(engine), server)
    except (DatabaseUnavailable, exc.DBAPIError) as error:
        problem, detail = classify(error)
        return DatabaseCheck(shown, problem, detail, before, before)


def classify(error: BaseException) -> tuple[DatabaseProblem, str]:
    """The problem behind ``error`` (a ``DatabaseUnavailable`` keeps the driver's error as its cause)."""
    original: BaseException = error
    while isinstance(original, DatabaseUnavailable | exc.StatementError) and original.__cause__ is not None:
        original = original.__cause__
    driver = getattr(original, "orig", None) or original
    lines = [line.strip() for line in str(driver).splitlines() if line.strip()]
    detail = lines[0] if lines else type(driver).__name__
    code = getattr(driver, "pgcode", None)
    if code in _SQLSTATES:
        return _SQLSTATES[code], detail
    words = str(driver).lower()
    for needle, problem in _WORDS:
        if needle in words and (
            problem not in (DatabaseProblem.UNKNOWN_USER, DatabaseProblem.NO_DATABASE)
            or "does not exist" in words
        ):
            return problem, detail
    return DatabaseProblem.OTHER, detail


def _sqlite_file_problem(url: str) -> tuple[DatabaseProblem, str] | None:
    """An embedded database's file checked before SQLite would create or refuse it silently."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    path = Path(parsed.database).expanduser()
    if not path.parent.is_dir():
        return DatabaseProblem.FOLDER_MISSING, str(path.parent)
    target = path if path.exists() else path.parent
    if not os.access(target, os.W_OK):
        return DatabaseProblem.NOT_WRITABLE, str(target)
    return None


def _server(engine: Engine) -> str:
    if engine.dialect.name == "sqlite":
        return f"SQLite {sqlite3.sqlite_version}"
    version = engine.dialect.server_version_info or ()
    return "PostgreSQL " + ".".join(str(part) for part in version)
