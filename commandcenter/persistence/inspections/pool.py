"""Reads and writes of the inspector pool (``inspectors``): the list, adding a staff member or a
department's member (their name and own office read from the district), and (de)activating one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select, update

from commandcenter.domain.inspections import Inspector
from commandcenter.persistence.access import read_one, read_rows, writing
from commandcenter.persistence.district.models import Department, Staff
from commandcenter.persistence.inspections.models import InspectorRow
from commandcenter.persistence.store import Store

_COLUMNS = (
    InspectorRow.id,
    InspectorRow.name,
    InspectorRow.office_id,
    InspectorRow.staff_id,
    InspectorRow.department_id,
    InspectorRow.active,
)


def inspectors(store: Store, *, active_only: bool = False) -> list[Inspector]:
    statement = select(*_COLUMNS).order_by(InspectorRow.id)
    if active_only:
        statement = statement.where(InspectorRow.active.is_(True))
    return [Inspector(*row) for row in read_rows(store, statement)]


def staff_member(store: Store, staff_id: int) -> tuple[str, int] | None:
    """A staff member's name and office, or None."""
    row = read_one(store, select(Staff.name, Staff.office_id).where(Staff.id == staff_id))
    return None if row is None else (row[0], row[1])


def department_exists(store: Store, department_id: int) -> bool:
    return read_one(store, select(Department.id).where(Department.id == department_id)) is not None


def add_inspector(
    store: Store,
    name: str,
    *,
    office_id: int | None,
    staff_id: int | None,
    department_id: int | None,
    by: str,
    at: datetime,
) -> int:
    values = {
        "name": name,
        "office_id": office_id,
        "staff_id": staff_id,
        "department_id": department_id,
        "active": True,
        "added_at": at,
        "added_by": by,
    }
    with writing(store) as connection:
        return int(connection.execute(insert(InspectorRow).returning(InspectorRow.id), values).scalar_one())


def set_active(store: Store, inspector_id: int, active: bool) -> bool:
    """False when there is no such inspector."""
    with writing(store) as connection:
        statement = update(InspectorRow).where(InspectorRow.id == inspector_id).values(active=active)
        return connection.execute(statement).rowcount == 1
