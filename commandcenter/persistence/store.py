"""``Store``: one database, opened, checked and kept healthy — the handle every query module takes.

Reads and writes live with their aggregate (``persistence/<aggregate>/queries.py`` and friends, each a
function taking the store first); ``Store`` owns only what is about the database as a whole: opening
(and migrating) it, the pooled engine, health probes that notice a vanished SQLite file, and dropping
pooled connections after an outage. It is safe to share between threads (one engine, pooled
connections; every query opens its own short transaction).
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, exc, text

from commandcenter.persistence.database import (
    DatabaseUnavailable,
    autocommit_engine,
    binary_engine,
    check_connection,
    create_database_engine,
    describe_error,
    redact,
)
from commandcenter.persistence.migrate import is_up_to_date, refuse_newer_schema, upgrade

log = logging.getLogger(__name__)

WAL_SHRINK_EVERY_S = 60.0  # how often a continuous writer empties SQLite's write-ahead log (``shrink_wal``)


class Store:
    """Thread-safe handle on one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = redact(str(engine.url))
        self.dialect = engine.dialect.name
        # Reads (``access.read_rows``/``read_one``/``reading``) and single-statement writes on
        # PostgreSQL run without a transaction of their own: under READ COMMITTED each statement sees
        # what was committed when it began, in a transaction or not, and one statement is atomic by
        # itself, so BEGIN and COMMIT/ROLLBACK were two round trips for nothing (a third of a busy
        # gateway's statements). Its own small pool (``autocommit_engine``).
        self.autocommit = autocommit_engine(engine)
        self._binary: Engine | None = None  # ``binary``: made at its first use
        self._binary_lock = threading.Lock()
        self._wal_shrunk_at = -float("inf")  # ``shrink_wal``

    @property
    def binary(self) -> Engine:
        """Autocommit connections that send values in binary (``database.binary_engine``: psycopg 3),
        for single statements that carry a photo's bytes. Made at the first use, so a workstation
        that never stores a report's photo never opens it. SQLite: the engine itself."""
        if self.dialect == "sqlite":
            return self.engine
        with self._binary_lock:
            if self._binary is None:
                self._binary = binary_engine(self.engine, self.autocommit)
            return self._binary

    @classmethod
    def open(cls, url: str, *, migrate: bool = True, pre_ping: bool = True) -> Store:
        """Connect, check, and (by default) bring the schema up to date; ``pre_ping``: see
        ``create_database_engine``."""
        engine = create_database_engine(url, pre_ping=pre_ping)
        check_connection(engine)
        try:
            refuse_newer_schema(engine)  # also read-only: this program's queries do not know that schema
        except DatabaseUnavailable:
            engine.dispose()
            raise
        if migrate and not is_up_to_date(engine):
            upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self._dispose_pools()

    def ping(self) -> None:
        """Raise ``DatabaseUnavailable`` if the database cannot answer right now."""
        check_connection(self.engine)

    def sqlite_file(self) -> Path | None:
        """The SQLite database file, or None for PostgreSQL and in-memory databases."""
        database = self.engine.url.database
        if self.dialect != "sqlite" or not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database).expanduser().resolve()

    def verify(self) -> None:
        """Like ``ping`` but through a connection of its own: a pooled SQLite connection keeps reading
        a file that was deleted or overwritten, so only a fresh open notices (and ``mode=rw`` keeps the
        check from creating an empty file). Raises ``DatabaseUnavailable``."""
        path = self.sqlite_file()
        if path is None:
            self.ping()
            return
        if not path.exists():
            raise DatabaseUnavailable(self.url, f"数据库文件不存在 (database file missing): {path}")
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=rw", uri=True, timeout=5)
            try:
                tables = connection.execute(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'units'"
                ).fetchone()[0]
            finally:
                connection.close()
        except sqlite3.Error as error:
            raise DatabaseUnavailable(self.url, f"{type(error).__name__}: {error}") from error
        if not tables:
            raise DatabaseUnavailable(self.url, "数据库中没有数据表 (schema missing)")

    def shrink_wal(self, every_s: float = 0.0) -> bool:
        """SQLite: copy the write-ahead log into the database and empty it (``wal_checkpoint(TRUNCATE)``,
        waiting up to the connection's timeout for readers to finish), unless the last time was less
        than ``every_s`` ago. SQLite's own checkpoints after a commit never wait, and the log starts
        over only at a moment no reader is using it: with a writer that never stops (the simulator,
        2,658 units every 2 s) and a reader always open (a map every 2 s, a briefing's figures), that
        moment never came — the log grew 40 MB a minute, 0.7 GB in a 16-minute soak. Continuous
        writers call this after their writes, which are stored whatever happens here: a checkpoint that
        fails (the file locked past the timeout, the disk full) is one log line and False, never an
        error to the writer — its batch was committed. True when the log is empty now (or on
        PostgreSQL)."""
        now = time.monotonic()
        if self.dialect != "sqlite" or now - self._wal_shrunk_at < every_s:
            return True
        self._wal_shrunk_at = now
        try:
            with self.engine.connect() as connection:
                busy, _frames, _copied = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                connection.commit()
        except exc.DBAPIError as error:
            log.warning("write-ahead log not emptied: %s", describe_error(error))
            return False
        return not busy

    def reset_connections(self) -> None:
        """Drop pooled connections so the next call reconnects (after the database came back)."""
        self._dispose_pools()

    def _dispose_pools(self) -> None:
        self.engine.dispose()
        self.autocommit.dispose()
        if self._binary is not None:
            self._binary.dispose()

    def execute_raw(self, sql: str) -> list[tuple[Any, ...]]:
        """For diagnostics and tests only: run one statement and return its rows."""
        with self.engine.begin() as connection:
            result = connection.execute(text(sql))
            return [tuple(row) for row in result] if result.returns_rows else []
