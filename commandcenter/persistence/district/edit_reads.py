"""Reading editable records (issue 13): a filtered page of one kind, one record, and every record of
a kind for an export. A city holds 56,850 cameras, so a screen only ever gets a page (at most
``MAX_PAGE`` rows) and the total that matched."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, func, select

from commandcenter.domain.district_edits import EditKind, EditRefused, Problem, Record, RecordPage
from commandcenter.persistence.access import reading
from commandcenter.persistence.district.edit_tables import TABLES, record_select, values_of
from commandcenter.persistence.store import Store

MAX_PAGE = 500


def record_page(
    store: Store, kind: EditKind, text: str = "", offset: int = 0, limit: int = 200
) -> RecordPage:
    """Records of ``kind`` whose searched fields contain ``text``, in id order, from ``offset``."""
    limit = max(1, min(int(limit), MAX_PAGE))
    offset = max(0, int(offset))
    statement, names = record_select(kind, text)
    model = TABLES[kind].model
    with reading(store) as connection:
        total = connection.execute(select(func.count()).select_from(statement.subquery())).scalar_one()
        rows = connection.execute(statement.order_by(model.id).offset(offset).limit(limit)).all()  # type: ignore[attr-defined]
    return RecordPage([Record(kind, row[0], values_of(kind, names, row)) for row in rows], total, offset)


def get_record(store: Store, kind: EditKind, record_id: int) -> Record:
    with reading(store) as connection:
        return record_in(connection, kind, record_id)


def record_in(connection: Connection, kind: EditKind, record_id: int) -> Record:
    """One record read inside the caller's transaction (``NOT_FOUND`` refused)."""
    statement, names = record_select(kind)
    model: Any = TABLES[kind].model
    row = connection.execute(statement.where(model.id == record_id)).first()
    if row is None:
        raise EditRefused(Problem.NOT_FOUND, "", kind=kind.value, id=record_id)
    return Record(kind, row[0], values_of(kind, names, row))


def all_records(store: Store, kind: EditKind, geometry: bool = False) -> Iterator[tuple[Record, Any]]:
    """Every record of ``kind`` in id order with its geometry (None unless ``geometry``): offices
    their boundary ring, roads and segments their line, permits their area ring or route line,
    cameras their point."""
    statement, names = record_select(kind)
    model: Any = TABLES[kind].model
    shape = _geometry_columns(kind) if geometry else []
    with reading(store) as connection:
        for row in connection.execute(statement.add_columns(*shape).order_by(model.id)):
            width = len(names) + 1
            record = Record(kind, row[0], values_of(kind, names, row[:width]))
            yield record, (row[width:] if shape else None)


def _geometry_columns(kind: EditKind) -> list[Any]:
    model: Any = TABLES[kind].model
    if kind is EditKind.OFFICE:
        return [model.boundary]
    if kind is EditKind.PERMIT:
        return [model.area, model.route]
    if kind is EditKind.CAMERA:
        return []  # its point is its lon and lat fields
    return [model.geometry]
