"""Inserting many rows at once, the fastest way each database offers, inside the caller's transaction.

On PostgreSQL a city's 67,850 cameras or 19,450 staff go through ``COPY … FROM STDIN`` (text format): one
round trip and no per-row statement work, several times faster than even multi-row INSERTs. SQLite
(and a few rows anywhere) use an ordinary executemany INSERT. Rows must share their keys; ``None`` is
NULL; lists and dicts (JSON columns) are written as JSON text.
"""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Table, insert, text

_COPY_FROM = 500  # rows; below this a plain INSERT costs less than building the COPY text


_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _cell(value: Any) -> str:
    """One value in COPY's text format: ``\\N`` is NULL, backslash escapes the separators, JSON
    columns (geometry as ``[[lon, lat], …]``) travel as their JSON text."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, list | dict):
        value = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    elif isinstance(value, datetime):
        value = value.isoformat()
    return str(value).translate(_ESCAPES)


def insert_rows(connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` into ``table`` in the caller's transaction."""
    if not rows:
        return
    if connection.dialect.name != "postgresql" or len(rows) < _COPY_FROM:
        connection.execute(insert(table), list(rows))
        return
    # COPY bypasses SQLAlchemy, so the models' Python-side defaults (difficulty=1 …) are added here.
    defaults = {
        column.name: column.default.arg  # type: ignore[attr-defined]
        for column in table.columns
        if column.default is not None and column.default.is_scalar and column.name not in rows[0]
    }
    columns = [*rows[0], *defaults]
    full = [{**row, **defaults} for row in rows] if defaults else rows
    copy_tuples(connection, table.name, columns, [tuple(row[c] for c in columns) for row in full])


def copy_tuples(
    connection: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """PostgreSQL only: ``COPY table (columns) FROM STDIN`` of ``rows`` (tuples in ``columns`` order),
    in the caller's transaction — also into a temporary table the caller made."""
    copy_text(
        connection, table, columns, "".join("\t".join(_cell(value) for value in row) + "\n" for row in rows)
    )


def copy_text(connection: Connection, table: str, columns: Sequence[str], lines: str) -> None:
    """PostgreSQL only: ``COPY`` of rows the caller already wrote in COPY's text format (one line per
    row, tab-separated, ``\\N`` for NULL) — for a hot path that formats its own few column types
    faster than ``_cell`` can guess them."""
    quoted = ", ".join(f'"{column}"' for column in columns)
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.copy_expert(f'COPY "{table}" ({quoted}) FROM STDIN', io.StringIO(lines))
    finally:
        cursor.close()


def copy_word(value: str | None) -> str:
    """A short text cell in COPY's text format (``\\N`` for None)."""
    return "\\N" if value is None else value.translate(_ESCAPES)


def insert_rows_with_ids(
    connection: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> list[int]:
    """``insert_rows`` for callers that need the new ids, in row order. On PostgreSQL the ids are
    drawn from the table's own sequence first (so concurrent writers never collide) and the rows
    copied with them; elsewhere an INSERT … RETURNING keeps the order."""
    if not rows:
        return []
    if connection.dialect.name != "postgresql" or len(rows) < _COPY_FROM:
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(connection.execute(statement, list(rows)).scalars().all())
    drawn = connection.execute(
        text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)"),
        {"table": table.name, "count": len(rows)},
    )
    ids = [int(value) for value in drawn.scalars().all()]
    insert_rows(connection, table, [{"id": new_id, **row} for new_id, row in zip(ids, rows, strict=True)])
    return ids
