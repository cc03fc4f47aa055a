"""Wiping and reloading the district's tables in one transaction: the demo generator and full imports.

Tables go in foreign-key order (loads forwards, wipes backwards). The append-only trigger of
``case_events`` is lifted for the wipe only, inside the same transaction, so a reload never leaves the
log unprotected; on PostgreSQL the id sequences are moved past the loaded ids afterwards. Tables of
later migrations (saved views, alerts, plugin tables, the audit log) are not touched: they keep plain
ids instead of foreign keys into these tables precisely so a reload is not blocked (AGENTS.md).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, exists, insert, select, update

from commandcenter.domain.district_import import DistrictImportPlan
from commandcenter.persistence.access import reading, writing
from commandcenter.persistence.accounts.models import User
from commandcenter.persistence.base import Base
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cases.desk_models import CaseRequest, ScreeningReview
from commandcenter.persistence.cases.models import (
    Case,
    CaseCategory,
    CaseDayCounter,
    CaseEvent,
    CasePhoto,
    CaseReporter,
)
from commandcenter.persistence.district.imports import store_district_plan
from commandcenter.persistence.district.models import Department, Office, Road, Segment, Staff, Vehicle
from commandcenter.persistence.duty.models import DutyExceptionRow, DutyRosterRow, DutyShift
from commandcenter.persistence.evaluation.models import ConsultationCase
from commandcenter.persistence.gateway.models import (
    Open311Request,
    TerminalCommand,
    TerminalSession,
    WebhookOutbox,
)
from commandcenter.persistence.inspections.models import (
    InspectionFindingRow,
    InspectionGroupRow,
    InspectionRoundRow,
    InspectorRow,
)
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import PositionRollup, PositionRow, Unit

# Tables in foreign-key order: loads go forwards, wipes go backwards.
LOAD_ORDER: tuple[type[Base], ...] = (
    Office,
    Road,
    Segment,
    Unit,
    Staff,
    Vehicle,
    Camera,
    CaseCategory,
    Department,
    Case,
    CaseEvent,
    CaseReporter,
    CasePhoto,
    ScreeningReview,
    CaseRequest,
    ConsultationCase,  # 协商 flags go with their cases (plain ids)
    InspectorRow,  # 督查 (migration 0016): plain ids of staff, offices and cases, emptied with them
    InspectionRoundRow,
    InspectionGroupRow,
    InspectionFindingRow,
    Open311Request,
    WebhookOutbox,
    TerminalSession,
    TerminalCommand,
    CaseDayCounter,
    PositionRow,
    PositionRollup,
    DutyShift,  # the rosters name staff and segments by id: a reload empties them with the district
    DutyRosterRow,
    DutyExceptionRow,
    User,
)


# What a district import writes itself (``district`` below): its records and their map units.
_IMPORTED: tuple[type[Base], ...] = (Office, Road, Segment, Staff, Vehicle, CaseCategory)
_KEYS: dict[type[Base], str] = {
    Office: "name",
    Road: "name",
    Segment: "number",
    Staff: "code",
    Vehicle: "plate",
}


class DistrictDrift(ValueError):
    """The rows given beside a district plan do not match what the importer stored from it."""


def replace_all(
    store: Store,
    rows_by_model: Mapping[type[Base], Sequence[Mapping[str, Any]]],
    *,
    district: DistrictImportPlan | None = None,
    keep: Collection[type[Base]] = (),
) -> None:
    """Wipe the district's tables and load new rows in one transaction (demo data, imports). Tables
    in ``keep`` are neither wiped nor loaded: the setup wizard's demo district keeps the first
    administrator it has just created in ``users``.

    With ``district``, the base records (offices, roads, segments, staff, vehicles, their map units,
    the national categories) are written by the district importer's own write into the emptied
    tables, exactly as ``district import`` stores a real district; the rows of those tables in
    ``rows_by_model`` then only say which ids the other rows use, and must name the ids the importer
    gave (``DistrictDrift`` otherwise). Units keep the importer's rows, updated with the given ones
    (a demo unit's first position)."""
    with writing(store) as connection:
        _lift_append_only(connection, store.dialect)
        for model in reversed(LOAD_ORDER):
            if model in keep:
                continue
            if model is Unit:
                connection.execute(update(Staff).values(unit_id=None))
                connection.execute(update(Vehicle).values(unit_id=None))
            connection.execute(delete(model.__table__))  # type: ignore[arg-type]
        _restore_append_only(connection, store.dialect)
        written: tuple[type[Base], ...] = ()
        if district is not None:
            if store.dialect == "postgresql":
                _reset_sequences(connection)  # empty tables: the importer's ids start at 1
            store_district_plan(connection, district)
            _check_ids(connection, rows_by_model)
            _update_units(connection, rows_by_model.get(Unit, ()))
            written = (*_IMPORTED, Unit)
        for model in LOAD_ORDER:
            rows = rows_by_model.get(model)
            if rows and model not in written and model not in keep:
                connection.execute(insert(model.__table__), list(rows))  # type: ignore[arg-type]
        if store.dialect == "postgresql":
            _reset_sequences(connection)


def _check_ids(
    connection: Connection, rows_by_model: Mapping[type[Base], Sequence[Mapping[str, Any]]]
) -> None:
    """Every given row of an imported table names the id (and unit) the importer stored under its key."""
    for model, key in _KEYS.items():
        table: Table = model.__table__  # type: ignore[assignment]
        unit = table.c.unit_id if "unit_id" in table.c else None
        columns = [table.c[key], table.c.id, *([unit] if unit is not None else [])]
        stored = {row[0]: tuple(row[1:]) for row in connection.execute(select(*columns))}
        for row in rows_by_model.get(model, ()):
            expected = (row["id"], row["unit_id"]) if unit is not None else (row["id"],)
            if stored.get(row[key]) != expected:
                raise DistrictDrift(
                    f"{table.name} {row[key]!r}: stored as {stored.get(row[key])}, the rows say {expected}"
                )


def _update_units(connection: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    stored = {unit_id for (unit_id,) in connection.execute(select(Unit.id))}
    known = [{**row, "_id": row["id"]} for row in rows if row["id"] in stored]
    if known:
        columns = [column for column in known[0] if column not in ("id", "_id")]
        values: dict[str, Any] = {column: bindparam(column) for column in columns}
        connection.execute(update(Unit).where(Unit.id == bindparam("_id")).values(values), known)
    extra = [row for row in rows if row["id"] not in stored]
    if extra:
        connection.execute(insert(Unit), list(extra))


def holds_replaceable_rows(store: Store, *, ignore: Collection[type[Base]] = ()) -> bool:
    """True when any table ``replace_all`` empties (but those in ``ignore``) has a row (asked before
    ``demo-data`` replaces a configured database: imported cameras alone count). ``DatabaseUnavailable``
    if unreadable."""
    with reading(store) as connection:
        return any(
            connection.execute(select(exists().select_from(model.__table__))).scalar()
            for model in LOAD_ORDER
            if model not in ignore
        )


def _lift_append_only(connection: Connection, dialect: str) -> None:
    if dialect == "sqlite":
        connection.exec_driver_sql("DROP TRIGGER IF EXISTS case_events_no_delete")
    else:
        connection.exec_driver_sql("ALTER TABLE case_events DISABLE TRIGGER case_events_append_only")


def _restore_append_only(connection: Connection, dialect: str) -> None:
    if dialect == "sqlite":
        connection.exec_driver_sql(
            "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events "
            "BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END"
        )
    else:
        connection.exec_driver_sql("ALTER TABLE case_events ENABLE TRIGGER case_events_append_only")


def _reset_sequences(connection: Connection) -> None:
    """After loading explicit ids, move PostgreSQL's sequences past them."""
    for model in LOAD_ORDER:
        table = model.__table__
        primary = list(table.primary_key.columns)  # type: ignore[attr-defined]
        if len(primary) == 1 and primary[0].autoincrement and primary[0].type.python_type is int:
            name = table.name  # type: ignore[attr-defined]
            column = primary[0].name
            connection.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{name}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {name}), 0) + 1, false)"
            )
