"""A plugin's small, safe door to its OWN tables: rows in, rows out, as dicts.

Plugins do not import SQLAlchemy or touch the engine (only ``persistence`` does); they name a table
without its prefix and get plain dicts back. Every name is prefixed with ``plg_<plugin id>_``, so a
plugin cannot read or write the core's tables or another plugin's through this door. Tables are
reflected once from the database the plugin's migrations created.

A failed statement is told apart by asking the database itself: if it does not answer, that is an
outage (``DatabaseUnavailable``, which the plugin host shows and retries); if it does, the statement
was the plugin's own mistake (``PluginTableError``: an unknown column, a broken constraint), and the
host disables the plugin as for any of its errors.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, MetaData, Table, delete, exc, func, insert, inspect, select, update

from commandcenter.persistence.access import writing
from commandcenter.persistence.database import DatabaseUnavailable, describe_error
from commandcenter.persistence.store import Store


class PluginTableError(RuntimeError):
    """A plugin's own statement failed while the database answers: the plugin's fault."""


class PluginTables:
    def __init__(self, store: Store, prefix: str) -> None:
        self._store = store
        self._prefix = prefix
        self._metadata = MetaData()
        self._tables: dict[str, Table] = {}
        self._reflecting = threading.Lock()  # panels, cards and layers reflect from several workers

    def rows(
        self, name: str, where: Mapping[str, Any] | None = None, order_by: Sequence[str] = ("id",)
    ) -> list[dict[str, Any]]:
        table = self._table(name)
        statement = select(table).where(*(table.c[key] == value for key, value in (where or {}).items()))
        statement = statement.order_by(*(table.c[column] for column in order_by))
        with self._connect() as connection:
            return [dict(row._mapping) for row in connection.execute(statement)]

    def count(self, name: str) -> int:
        with self._connect() as connection:
            return int(connection.execute(select(func.count()).select_from(self._table(name))).scalar_one())

    def insert(self, name: str, /, **values: Any) -> int:
        """Insert one row; returns its ``id``. (``name`` is positional-only: a column may be "name".)"""
        table = self._table(name)
        with self._begin() as connection:
            result = connection.execute(insert(table).values(**values).returning(table.c.id))
            return int(result.scalar_one())

    def insert_many(self, name: str, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            with self._begin() as connection:
                connection.execute(insert(self._table(name)), [dict(row) for row in rows])

    def update(self, name: str, row_id: int, /, **values: Any) -> bool:
        """Change one row; False when no row has that id."""
        table = self._table(name)
        with self._begin() as connection:
            return bool(
                connection.execute(update(table).where(table.c.id == row_id).values(**values)).rowcount
            )

    # ------------------------------------------------------------------ internals
    def _table(self, name: str) -> Table:
        with self._reflecting:
            table = self._tables.get(name)
            if table is None:
                with self._connect() as connection:
                    table = Table(self._prefix + name, self._metadata, autoload_with=connection)
                self._tables[name] = table
            return table

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        try:
            with self._store.engine.connect() as connection:
                yield connection
        except exc.DBAPIError as error:
            raise self._failure(error) from error

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        try:
            with self._store.engine.begin() as connection:
                yield connection
        except exc.DBAPIError as error:
            raise self._failure(error) from error

    def _failure(self, error: exc.DBAPIError) -> Exception:
        """An outage when the database does not answer now, else the plugin's own error."""
        try:
            self._store.ping()
        except DatabaseUnavailable as down:
            return down
        return PluginTableError(
            f"插件数据表语句出错 (plugin table statement failed): {describe_error(error)}"
        )


def empty_tables(store: Store, prefix: str) -> None:
    """Delete every row of every table named ``prefix…`` (a plugin's tables before its demo rows)."""
    with writing(store) as connection:
        metadata = MetaData()
        for name in inspect(connection).get_table_names():
            if name.startswith(prefix):
                connection.execute(delete(Table(name, metadata, autoload_with=connection)))
