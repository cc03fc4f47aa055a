"""The one idiom every query module uses: ``read_rows`` / ``read_one`` for one read, ``reading`` for
several on one connection, ``writing`` for a transaction, and ``unavailable`` for a database that
cannot answer.

Every query module used to repeat the same five lines (connect, execute, fetch, catch ``DBAPIError``,
raise ``DatabaseUnavailable`` naming the store); the UI relies on that one exception type to show
"database unavailable" instead of a traceback, so it lives here once. Times leave persistence as
aware UTC (``as_utc``): SQLite keeps only the wall clock of what was written in UTC.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, TypeVarTuple, overload

from sqlalchemy import Connection, Row, exc
from sqlalchemy.sql import Executable
from sqlalchemy.sql.selectable import TypedReturnsRows

from commandcenter.persistence.database import DatabaseUnavailable, describe_error
from commandcenter.persistence.store import Store


def unavailable(store: Store, error: exc.DBAPIError) -> DatabaseUnavailable:
    """The error to raise (``from error``) when ``store``'s database failed a statement."""
    return DatabaseUnavailable(store.url, describe_error(error))


_Columns = TypeVarTuple("_Columns")


@overload
def read_rows(store: Store, statement: TypedReturnsRows[*_Columns]) -> Sequence[Row[*_Columns]]: ...
@overload
def read_rows(store: Store, statement: Executable) -> Sequence[Row[*tuple[Any, ...]]]: ...
def read_rows(store: Store, statement: Executable) -> Sequence[Row[*tuple[Any, ...]]]:
    """All rows of one read statement, on a pooled connection."""
    try:
        with store.autocommit.connect() as connection:
            return connection.execute(statement).all()
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


@overload
def read_one(store: Store, statement: TypedReturnsRows[*_Columns]) -> Row[*_Columns] | None: ...
@overload
def read_one(store: Store, statement: Executable) -> Row[*tuple[Any, ...]] | None: ...
def read_one(store: Store, statement: Executable) -> Row[*tuple[Any, ...]] | None:
    """The first row of one read statement, or None."""
    try:
        with store.autocommit.connect() as connection:
            return connection.execute(statement).first()
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


@contextmanager
def reading(store: Store) -> Iterator[Connection]:
    """One connection for several reads that belong together (on PostgreSQL outside a transaction:
    under READ COMMITTED each statement sees what was committed when it began either way)."""
    try:
        with store.autocommit.connect() as connection:
            yield connection
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


@contextmanager
def writing(store: Store) -> Iterator[Connection]:
    """One transaction: committed when the block ends, rolled back when it raises. A driver error
    becomes ``DatabaseUnavailable``; the caller's own exceptions pass through unchanged (callers that
    must tell an ``IntegrityError`` apart catch it inside the block)."""
    try:
        with store.engine.begin() as connection:
            yield connection
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; the store writes UTC, so say so (aware values pass)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def maybe_utc(moment: datetime | None) -> datetime | None:
    return None if moment is None else as_utc(moment).astimezone(UTC)
