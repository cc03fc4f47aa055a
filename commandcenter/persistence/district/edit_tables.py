"""Where each kind of editable record lives (issue 13): its table, which column holds each field, and
which fields name another record (an office by name, a segment by number, a vehicle by plate).

Reading and writing are generic over this table (``edit_reads``, ``edits``), so a field added to a
kind is one line here and one in ``domain.edit_fields``, not a new query per screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, or_, select
from sqlalchemy.orm import aliased

from commandcenter.domain.district_edits import EditKind, EditRefused, Problem
from commandcenter.domain.edit_fields import FIELDS
from commandcenter.persistence.base import Base
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Office, Road, Segment, Staff, Vehicle
from commandcenter.persistence.map.models import TruckPermitRow


@dataclass(frozen=True)
class Ref:
    """A field naming another record: ``column`` of this table holds ``model.<id_column>``, the
    person sees and types ``model.<key>``."""

    column: str
    model: type[Base]
    key: str
    id_column: str = "id"


@dataclass(frozen=True)
class KindTable:
    model: type[Base]
    columns: Mapping[str, str]  # field → column of ``model``
    refs: Mapping[str, Ref] = field(default_factory=dict)
    unique: tuple[str, ...] = ()  # fields no two records may share
    search: tuple[str, ...] = ()  # fields the filter looks in


_OFFICE = Ref("office_id", Office, "name")
TABLES: Mapping[EditKind, KindTable] = {
    EditKind.OFFICE: KindTable(
        Office, {"code": "code", "name": "name", "kind": "kind"}, {}, ("name",), ("name", "code")
    ),
    EditKind.ROAD: KindTable(
        Road, {"name": "name", "grade": "grade", "length_m": "length_m"}, {}, ("name",), ("name",)
    ),
    EditKind.SEGMENT: KindTable(
        Segment,
        {"number": "number", "name": "name", "difficulty": "difficulty", "length_m": "length_m"},
        {"road": Ref("road_id", Road, "name"), "office": _OFFICE},
        ("number",),
        ("number", "name"),
    ),
    EditKind.STAFF: KindTable(
        Staff,
        {"code": "code", "name": "name", "phone": "phone", "role": "role", "shift": "shift"},
        {"office": _OFFICE, "segment": Ref("segment_id", Segment, "number")},
        ("code",),
        ("code", "name", "phone"),
    ),
    EditKind.VEHICLE: KindTable(
        Vehicle,
        {"plate": "plate", "kind": "kind", "company": "company", "terminal_id": "terminal_id"},
        {"office": _OFFICE},
        ("plate", "terminal_id"),
        ("plate", "company", "terminal_id"),
    ),
    EditKind.CAMERA: KindTable(
        Camera,
        {
            "code": "code",
            "name": "name",
            "kind": "kind",
            "group": "group_name",
            "main_url": "main_url",
            "sub_url": "sub_url",
            "lon": "lon",
            "lat": "lat",
        },
        {"office": _OFFICE, "segment": Ref("segment_id", Segment, "number")},
        (),
        ("code", "name", "group"),
    ),
    EditKind.PERMIT: KindTable(
        TruckPermitRow,
        {"number": "number", "start": "start_minute", "end": "end_minute", "buffer_m": "buffer_m"},
        {"vehicle": Ref("unit_id", Vehicle, "plate", "unit_id")},
        ("number",),
        ("number", "vehicle"),
    ),
}


def column(kind: EditKind, name: str) -> Any:
    table = TABLES[kind]
    return getattr(table.model, table.columns[name])


def record_select(kind: EditKind, text: str = "") -> tuple[Select[Any], list[str]]:
    """SELECT id and every field of ``kind`` (references as their key), optionally filtered by
    ``text`` in the searched fields; with the field names in column order after the id."""
    table = TABLES[kind]
    names = list(table.columns)
    columns: list[Any] = [table.model.id, *(column(kind, n) for n in names)]  # type: ignore[attr-defined]
    statement_joins = []
    searched: dict[str, Any] = {n: column(kind, n) for n in names}
    for name, ref in table.refs.items():
        other = aliased(ref.model)
        key = getattr(other, ref.key)
        statement_joins.append((other, getattr(other, ref.id_column) == getattr(table.model, ref.column)))
        columns.append(key)
        searched[name] = key
        names.append(name)
    if kind is EditKind.PERMIT:  # which shape the permit has: shown, replaced from a file
        columns.append(TruckPermitRow.area)
        names.append("shape")
    statement = select(*columns)
    for other, on in statement_joins:
        statement = statement.outerjoin(other, on)
    if text:
        pattern = f"%{text.strip()}%"
        wanted: list[ColumnElement[bool]] = [searched[n].ilike(pattern) for n in table.search]
        statement = statement.where(or_(*wanted))
    return statement, names


def values_of(kind: EditKind, names: list[str], row: Any) -> dict[str, Any]:
    values = dict(zip(names, row[1:], strict=True))
    if kind is EditKind.PERMIT:
        values["shape"] = "area" if values["shape"] else "route"
    return {spec.name: values[spec.name] for spec in FIELDS[kind]}  # the editor's order


def resolve(connection: Connection, kind: EditKind, values: Mapping[str, Any]) -> dict[str, Any]:
    """Column → value for an UPDATE or INSERT: plain fields renamed, references looked up by key
    (``UNKNOWN_REFERENCE`` when nothing has that name, number or plate)."""
    table = TABLES[kind]
    row: dict[str, Any] = {}
    for name, value in values.items():
        if name in table.columns:
            row[table.columns[name]] = value
            continue
        ref = table.refs[name]
        found = None
        if value is not None:
            key, id_column = getattr(ref.model, ref.key), getattr(ref.model, ref.id_column)
            found = connection.execute(select(id_column).where(key == value)).scalar()
            if found is None:
                raise EditRefused(Problem.UNKNOWN_REFERENCE, name, value=value)
        row[ref.column] = found
    return row
