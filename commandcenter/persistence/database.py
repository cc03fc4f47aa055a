"""Opening a database: engines for SQLite and PostgreSQL, and errors a person can act on.

Every failure to reach or read the database becomes ``DatabaseUnavailable`` whose message names the
URL (password hidden) and what failed — never a raw driver traceback in front of an operator.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import make_url


class DatabaseUnavailable(RuntimeError):
    """The database at ``url`` cannot be used; ``reason`` says why, in words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"无法使用数据库 {url}: {reason}")
        self.url = url
        self.reason = reason


def redact(url: str) -> str:
    """The URL as it may be shown or logged: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return "<invalid database URL>"


def create_database_engine(url: str, *, echo: bool = False) -> Engine:
    """An engine tuned for our workload; SQLite gets WAL, foreign keys and a busy timeout so the
    simulator thread and the UI's reader threads share the file without "database is locked"."""
    try:
        parsed = make_url(url)
    except exc.ArgumentError as error:
        raise DatabaseUnavailable(url, f"URL 格式无效 (invalid URL): {error}") from error
    kwargs: dict[str, Any] = {"echo": echo, "future": True}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).expanduser().parent
            if not folder.exists():
                raise DatabaseUnavailable(redact(url), f"目录不存在 (folder does not exist): {folder}")
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    else:
        kwargs.update(pool_pre_ping=True, pool_size=5, max_overflow=10)
        kwargs["connect_args"] = {"connect_timeout": 5}
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
        if parsed.database and parsed.database != ":memory:":
            event.listen(engine, "do_connect", _NeverRecreate(Path(parsed.database).expanduser()))
    return engine


class _NeverRecreate:
    """Once the file exists, open it read-write only (``mode=rw``): a database file that was moved
    or deleted under a running workstation must fail loudly, not come back as a new empty file that
    a fresh pooled connection silently created. Used as SQLAlchemy's ``do_connect`` hook."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.created = False

    def __call__(self, _dialect: object, _record: object, _args: object, params: dict[str, Any]) -> object:
        first = not self.created and not self.path.exists()
        self.created = True
        if first:
            return None  # the first connection of a new database creates the file
        return sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=rw", uri=True, **params)


def _tune_sqlite(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def check_connection(engine: Engine) -> None:
    """Run a trivial query; raise ``DatabaseUnavailable`` with a readable reason if it fails."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1")).scalar_one()
    except exc.DBAPIError as error:
        raise DatabaseUnavailable(redact(str(engine.url)), describe_error(error)) from error


def describe_error(error: BaseException) -> str:
    """The driver's own first line, without SQLAlchemy's boilerplate and SQL echo."""
    original = getattr(error, "orig", None) or error
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    return f"{type(original).__name__}: {first_line}"
