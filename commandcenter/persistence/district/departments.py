"""Reads and writes of ``departments`` (migration 0011): the list a desk offers for 转办, the lookup of
a category's or a user's department by name, and adding one (the ``departments`` command, the demo)."""

from __future__ import annotations

from sqlalchemy import insert, select

from commandcenter.domain.departments import DepartmentRecord
from commandcenter.persistence.access import read_rows, writing
from commandcenter.persistence.district.models import Department
from commandcenter.persistence.store import Store

_COLUMNS = (Department.id, Department.code, Department.name, Department.phone, Department.active)


def departments(store: Store, *, active_only: bool = True) -> list[DepartmentRecord]:
    statement = select(*_COLUMNS).order_by(Department.code)
    if active_only:
        statement = statement.where(Department.active.is_(True))
    return [DepartmentRecord(*row) for row in read_rows(store, statement)]


def department_named(store: Store, name: str) -> DepartmentRecord | None:
    rows = read_rows(store, select(*_COLUMNS).where(Department.name == name))
    return DepartmentRecord(*rows[0]) if rows else None


def add_department(store: Store, code: str, name: str, phone: str = "") -> int:
    """Raises ``sqlalchemy.exc.IntegrityError`` for a code or name already taken (the caller words it)."""
    with writing(store) as connection:
        values = {"code": code, "name": name, "phone": phone, "active": True}
        return int(connection.execute(insert(Department).returning(Department.id), values).scalar_one())
