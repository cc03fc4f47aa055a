"""Opening a database: engines for SQLite and PostgreSQL, and errors a person can act on.

Every failure to reach or read the database becomes ``DatabaseUnavailable`` whose message names the
URL (password hidden) and what failed — never a raw driver traceback in front of an operator.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url

from commandcenter.persistence.multihost import normalize_url


class DatabaseUnavailable(RuntimeError):
    """The database at ``url`` cannot be used; ``reason`` says why, in words."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"无法使用数据库 {url}: {reason}")
        self.url = url
        self.reason = reason


SUPPORTED_URLS = (
    "sqlite:///PATH, postgresql+psycopg2://user@host/db, "
    "postgresql+psycopg2://user@host1:5432,host2:5432/db?target_session_attrs=read-write"
)
_SUPPORTED_DRIVERS = {"sqlite": "pysqlite", "postgresql": "psycopg2"}  # the change feed speaks psycopg2


class UnsupportedDatabaseURL(DatabaseUnavailable):
    """The URL names a database or driver this program cannot use: a mistake to fix in the URL (the
    command line answers with a usage error), not an outage to wait out."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(url, f"{reason} (supported 支持: {SUPPORTED_URLS})")


def check_supported_url(url: str) -> None:
    """Refuse, in words, a URL SQLAlchemy would answer with an import traceback: an unknown scheme,
    another database, or a driver that is not installed (``postgresql://`` means psycopg 3 today)."""
    try:
        parsed = make_url(normalize_url(url))
    except (exc.ArgumentError, ValueError):
        raise UnsupportedDatabaseURL(redact(url), "URL 格式无效 (not a database URL)") from None
    backend = parsed.get_backend_name()
    if backend not in _SUPPORTED_DRIVERS:
        raise UnsupportedDatabaseURL(redact(url), f"不支持的数据库 unsupported database {backend!r}")
    driver = parsed.get_driver_name()  # the dialect's default when the URL names none
    if driver != _SUPPORTED_DRIVERS[backend]:
        raise UnsupportedDatabaseURL(redact(url), f"不支持的驱动 unsupported driver {driver!r}")
    try:
        parsed.get_dialect().import_dbapi()
    except ImportError as error:
        raise UnsupportedDatabaseURL(redact(url), f"驱动未安装 driver not installed: {error}") from None


def redact(url: str) -> str:
    """The URL as it may be shown or logged: the password replaced by ***."""
    try:
        return make_url(normalize_url(url)).render_as_string(hide_password=True).replace("%3A", ":")
    except (exc.ArgumentError, ValueError):
        return "<invalid database URL>"


def create_database_engine(
    url: str, *, echo: bool = False, create: bool = True, pre_ping: bool = True
) -> Engine:
    """An engine tuned for our workload; SQLite gets WAL, foreign keys and a busy timeout so the
    simulator thread and the UI's reader threads share the file without "database is locked".
    ``create=False`` (``db check``) refuses a SQLite file that does not exist instead of making one.
    ``pre_ping=False`` (the gateway) skips PostgreSQL's test query at each checkout: a connection
    the server dropped then fails its first statement instead (``DatabaseUnavailable``, the caller's
    503), SQLAlchemy sees the disconnect and renews the whole pool, so the next request works; a
    desk keeps the ping (one failed click there is worth more than a round trip)."""
    check_supported_url(url)
    parsed = make_url(normalize_url(url))  # a multi-host URL in libpq's form too (``multihost``)
    kwargs: dict[str, Any] = {"echo": echo, "future": True}
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        if database and database != ":memory:":
            folder = Path(database).expanduser().parent
            if not folder.exists():
                raise DatabaseUnavailable(redact(url), f"目录不存在 (folder does not exist): {folder}")
            if not create and not Path(database).expanduser().exists():
                raise DatabaseUnavailable(
                    redact(url), "数据库文件不存在 (no database file; nothing was created)"
                )
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    else:
        kwargs.update(pool_pre_ping=pre_ping, pool_size=5, max_overflow=10)
        kwargs["connect_args"] = {"connect_timeout": 5}
    engine = create_engine(parsed, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
        if parsed.database and parsed.database != ":memory:":
            hook = _NeverRecreate(Path(parsed.database).expanduser())
            hook.created = not create
            event.listen(engine, "do_connect", hook)
    return engine


def autocommit_engine(engine: Engine) -> Engine:
    """PostgreSQL: an engine on the same database whose connections run without a transaction of
    their own, set once when each connects (switching a pooled psycopg2 connection to autocommit and
    back at every checkout costs two ``SET`` round trips: more than the BEGIN and ROLLBACK it would
    save). A small pool of its own. SQLite: the engine itself (pysqlite opens no transaction for a
    read anyway, and one file wants one pool)."""
    if engine.dialect.name == "sqlite":
        return engine
    autocommit = _autocommit_pool(engine, engine.url)
    _renew_together(autocommit, engine)
    return autocommit


def binary_engine(engine: Engine, *siblings: Engine) -> Engine:
    """PostgreSQL: an autocommit engine on the same database through psycopg 3, which sends a value
    as its own bytes (binary parameters) where psycopg2 writes every value into the SQL text. A
    report's 100 KB photo went as 200 KB of hex that psycopg2 built and the server scanned and
    decoded: 2.9 ms of CPU a photo between them, 1.0 ms this way (measured 2026-12-03). Only the
    statements that carry large binary values use it (``gateway.open311.reserve_request``); the rest
    stay on psycopg2, whose change feed (LISTEN) and COPY the core is built on. The same URL (one or
    several hosts, ``target_session_attrs``), pre-ping choice and connect timeout as ``engine``; it
    and ``engine`` and its ``siblings`` (the store's other pools) renew one another."""
    binary = _autocommit_pool(engine, engine.url.set(drivername="postgresql+psycopg"))
    _renew_together(binary, engine, *siblings)
    return binary


def _autocommit_pool(engine: Engine, url: URL) -> Engine:
    """A small pool of autocommit connections beside ``engine``, pre-pinged as its caller chose."""
    return create_engine(
        url,
        isolation_level="AUTOCOMMIT",
        pool_pre_ping=engine.pool._pre_ping,
        pool_size=3,
        max_overflow=10,
        connect_args={"connect_timeout": 5},
    )


def _renew_together(new: Engine, *existing: Engine) -> None:
    """A connection found dead in one pool means the server dropped them all (a restart, a failover):
    ``new`` and the database's ``existing`` pools renew one another, so an outage costs one failed
    statement, not one per pool."""
    event.listen(new, "handle_error", _renew(*existing))
    for engine in existing:
        event.listen(engine, "handle_error", _renew(new))


def _renew(*others: Engine) -> Any:
    def renew(context: Any) -> None:
        if context.is_disconnect:
            for other in others:
                other.dispose()

    return renew


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
    """The driver's own first line, without SQLAlchemy's boilerplate and SQL echo. A multi-host URL
    that reached no writable server gets one line per server ("Connection refused; … session is
    read-only": the primary is down and the standby not promoted yet)."""
    original = getattr(error, "orig", None) or error
    lines = str(original).strip().splitlines()
    servers = [line.strip() for line in lines if line.startswith("connection to server at")]
    first_line = "; ".join(servers) if len(servers) > 1 else (lines[0] if lines else type(original).__name__)
    return f"{type(original).__name__}: {first_line}"
