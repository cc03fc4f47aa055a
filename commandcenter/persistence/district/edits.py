"""Hand edits of the district's records (issue 13), each in one transaction with its audit entries.

Values arrive checked and typed (``domain.edit_fields.parse_changes``); here the store's own rules
apply: references must exist, numbers, codes and plates stay unique, a member of staff's segment
belongs to his office, and the map units the importer keeps beside city managers and vehicles
follow their names, plates and offices (``imports.py`` gives them units; an edit keeps them in step).
A refusal raises ``EditRefused`` before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from commandcenter.domain.district_edits import Change, EditKind, EditRefused, Outcome, Problem, changed
from commandcenter.domain.kinds import StaffRole, UnitKind, VehicleKind
from commandcenter.persistence.access import writing
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.district.edit_reads import record_in
from commandcenter.persistence.district.edit_tables import TABLES, column, resolve
from commandcenter.persistence.district.journal import Journal
from commandcenter.persistence.district.models import Segment, Staff, Vehicle
from commandcenter.persistence.map.models import TruckPermitRow
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import PositionRow, Unit

VEHICLE_UNITS = {
    VehicleKind.MUCK_TRUCK.value: UnitKind.MUCK_TRUCK,
    VehicleKind.ENFORCEMENT.value: UnitKind.ENFORCEMENT,
}


def edit_record(
    store: Store, kind: EditKind, record_id: int, values: Mapping[str, Any], journal: Journal
) -> Outcome:
    """Change some fields of one record; an edit that changes nothing writes nothing."""
    with writing(store) as connection:
        before = record_in(connection, kind, record_id)
        wanted = {k: v for k, v in values.items() if before.values.get(k) != v}
        if not wanted:
            return Outcome([Change(kind, record_id, {}, {})])
        _check_unique(connection, kind, wanted, record_id)
        row = resolve(connection, kind, wanted)
        merged = {**before.values, **wanted}
        _check_rules(connection, kind, record_id, merged)
        model: Any = TABLES[kind].model
        connection.execute(update(model).where(model.id == record_id).values(row))
        _units_in_step(connection, kind, record_id)
        after = record_in(connection, kind, record_id)
        change = Change(kind, record_id, *changed(before.values, after.values))
        journal.write(connection, change)
        return Outcome([change])


def add_staff(store: Store, values: Mapping[str, Any], journal: Journal) -> Outcome:
    """A new member of staff (a city manager also gets his map unit, as an import gives one)."""
    with writing(store) as connection:
        _check_unique(connection, EditKind.STAFF, values, None)
        _check_rules(connection, EditKind.STAFF, None, values)
        row = resolve(connection, EditKind.STAFF, values)
        new_id = connection.execute(insert(Staff).values(row).returning(Staff.id)).scalar_one()
        _units_in_step(connection, EditKind.STAFF, new_id)
        after = record_in(connection, EditKind.STAFF, new_id)
        change = Change(EditKind.STAFF, new_id, {}, after.values, "add")
        journal.write(connection, change)
        return Outcome([change])


def remove_staff(store: Store, staff_id: int, journal: Journal) -> Outcome:
    """Delete a member of staff no case names as its assignee (``IN_USE`` otherwise: a case's
    history must keep who handled it — take him off his segment instead). His map unit goes too
    unless it has a track, which stays as history."""
    with writing(store) as connection:
        before = record_in(connection, EditKind.STAFF, staff_id)
        cases = connection.execute(
            select(func.count()).select_from(Case).where(Case.assignee_staff_id == staff_id)
        ).scalar_one()
        if cases:
            raise EditRefused(Problem.IN_USE, "", what="cases", count=cases)
        unit_id = connection.execute(select(Staff.unit_id).where(Staff.id == staff_id)).scalar()
        connection.execute(delete(Staff).where(Staff.id == staff_id))
        if (
            unit_id is not None
            and connection.execute(
                select(PositionRow.id).where(PositionRow.unit_id == unit_id).limit(1)
            ).first()
            is None
        ):
            connection.execute(delete(Unit).where(Unit.id == unit_id))
        change = Change(EditKind.STAFF, staff_id, before.values, {}, "remove")
        journal.write(connection, change)
        return Outcome([change])


def rename_company(store: Store, old: str, new: str, journal: Journal) -> Outcome:
    """Every vehicle of company ``old`` now belongs to ``new`` (a takeover, a typo in a delivery)."""
    with writing(store) as connection:
        ids = connection.execute(
            select(Vehicle.id).where(Vehicle.company == old).order_by(Vehicle.id)
        ).scalars()
        changes = [
            Change(EditKind.VEHICLE, i, {"company": old}, {"company": new}, "rename_company") for i in ids
        ]
        if not changes:
            raise EditRefused(Problem.UNKNOWN_REFERENCE, "company", value=old)
        connection.execute(update(Vehicle).where(Vehicle.company == old).values(company=new))
        for change in changes:
            journal.write(connection, change)
        return Outcome(changes)


def replace_permit_shape(
    store: Store,
    permit_id: int,
    area: list[list[float]] | None,
    route: list[list[float]] | None,
    journal: Journal,
) -> Outcome:
    """A permit's area (ring) or route (line) from a file; the other one is cleared."""
    with writing(store) as connection:
        before = connection.execute(
            select(TruckPermitRow.area, TruckPermitRow.route).where(TruckPermitRow.id == permit_id)
        ).first()
        if before is None:
            raise EditRefused(Problem.NOT_FOUND, "", kind="permit", id=permit_id)
        connection.execute(
            update(TruckPermitRow).where(TruckPermitRow.id == permit_id).values(area=area, route=route)
        )
        old = {"area": before[0], "route": before[1]}
        change = Change(EditKind.PERMIT, permit_id, old, {"area": area, "route": route}, "shape")
        journal.write(connection, change)
        return Outcome([change])


def _check_unique(
    connection: Connection, kind: EditKind, values: Mapping[str, Any], own_id: int | None
) -> None:
    model: Any = TABLES[kind].model
    for name in TABLES[kind].unique:
        value = values.get(name)
        if value is None:
            continue
        statement = select(model.id).where(column(kind, name) == value)
        if own_id is not None:
            statement = statement.where(model.id != own_id)
        if connection.execute(statement.limit(1)).first() is not None:
            raise EditRefused(Problem.DUPLICATE, name, value=value)


def _check_rules(
    connection: Connection, kind: EditKind, record_id: int | None, merged: Mapping[str, Any]
) -> None:
    """Rules across records: a member of staff's segment lies in his office; a segment moved to
    another office may not leave its staff behind in the old one."""
    if kind is EditKind.STAFF and merged.get("segment") is not None:
        office = connection.execute(
            select(Segment.office_id).where(Segment.number == merged["segment"])
        ).scalar()
        wanted = resolve(connection, EditKind.STAFF, {"office": merged.get("office")})["office_id"]
        if office is not None and office != wanted:
            raise EditRefused(Problem.SEGMENT_OF_OTHER_OFFICE, "segment", value=merged["segment"])
    if kind is EditKind.SEGMENT and record_id is not None:
        office = resolve(connection, EditKind.SEGMENT, {"office": merged.get("office")})["office_id"]
        others = connection.execute(
            select(func.count())
            .select_from(Staff)
            .where(Staff.segment_id == record_id, Staff.office_id != office)
        ).scalar_one()
        if others:
            raise EditRefused(
                Problem.SEGMENT_OF_OTHER_OFFICE, "office", value=merged.get("number"), count=others
            )


def _units_in_step(connection: Connection, kind: EditKind, record_id: int) -> None:
    """The map unit shows a city manager's name or a vehicle's plate and carries its office."""
    if kind is EditKind.STAFF:
        row = connection.execute(
            select(Staff.name, Staff.office_id, Staff.role, Staff.unit_id).where(Staff.id == record_id)
        ).one()
        name, office_id, role, unit_id = row
        if unit_id is None and role == StaffRole.CITY_MANAGER.value:
            unit = {"kind": UnitKind.PATROLLER.value, "label": name, "office_id": office_id}
            new_unit = connection.execute(insert(Unit).values(unit).returning(Unit.id)).scalar_one()
            connection.execute(update(Staff).where(Staff.id == record_id).values(unit_id=new_unit))
        elif unit_id is not None:
            connection.execute(update(Unit).where(Unit.id == unit_id).values(label=name, office_id=office_id))
    elif kind is EditKind.VEHICLE:
        _vehicle_unit(connection, record_id)


def _vehicle_unit(connection: Connection, record_id: int) -> None:
    plate, kind_value, office_id, unit_id = connection.execute(
        select(Vehicle.plate, Vehicle.kind, Vehicle.office_id, Vehicle.unit_id).where(Vehicle.id == record_id)
    ).one()
    if unit_id is not None:
        unit = {"label": plate, "office_id": office_id, "kind": VEHICLE_UNITS[kind_value].value}
        connection.execute(update(Unit).where(Unit.id == unit_id).values(unit))
