"""A plugin's small, safe door to its OWN tables: rows in, rows out, as dicts.

Plugins do not import SQLAlchemy or touch the engine (only ``persistence`` does); they name a table
without its prefix and get plain dicts back. Every name is prefixed with ``plg_<plugin id>_``, so a
plugin cannot read or write the core's tables or another plugin's through this door. Tables are
reflected once from the database the plugin's migrations created.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, MetaData, Table, exc, func, insert, select, update

from commandcenter.persistence.database import DatabaseUnavailable, describe_error
from commandcenter.persistence.store import Store


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
            raise DatabaseUnavailable(self._store.url, describe_error(error)) from error

    @contextmanager
    def _begin(self) -> Iterator[Connection]:
        try:
            with self._store.engine.begin() as connection:
                yield connection
        except exc.DBAPIError as error:
            raise DatabaseUnavailable(self._store.url, describe_error(error)) from error
