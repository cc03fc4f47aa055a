"""Editing the category table (小类): what each office tunes — filing condition, deadlines in working
hours, responsible department, photo requirement, active — and adding its own 小类.

Every value is checked before anything is written, and a change is one transaction: an invalid edit
names the field and the reason and leaves the table as it was. Codes are the key other tables and
incoming reports use, so a code is never renamed; a 小类 no longer used is deactivated, not deleted
(old cases keep pointing at it).
"""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import insert, select, update

from commandcenter.domain.categories import CategoryRecord, CategorySpec
from commandcenter.domain.category_rules import EDITABLE, validate_category
from commandcenter.domain.kinds import CategoryKind
from commandcenter.persistence.access import read_rows, reading, writing
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.store import Store


def list_categories(store: Store) -> list[CategoryRecord]:
    columns = [getattr(CaseCategory, field.name) for field in fields(CategoryRecord)]
    with reading(store) as connection:
        rows = connection.execute(select(*columns).order_by(CaseCategory.code)).all()
    return [CategoryRecord(*row) for row in rows]


def save_categories(store: Store, rows: list[CategoryRecord]) -> int:
    """Update existing 小类 (editable fields only) and insert new codes, all or nothing; returns how
    many rows were written. Raises ``InvalidCategory`` before touching the database."""
    for row in rows:
        validate_category(row)
    table = CaseCategory
    with writing(store) as connection:
        known = set(connection.execute(select(table.code)).scalars())
        for row in rows:
            if row.code in known:
                values = {name: getattr(row, name) for name in EDITABLE}
                connection.execute(update(table).where(table.code == row.code).values(values))
            else:
                connection.execute(
                    insert(table), {f.name: getattr(row, f.name) for f in fields(CategoryRecord)}
                )
    return len(rows)


def active_categories(store: Store) -> dict[str, CategorySpec]:
    """The active 小类 by code, as an office has edited them (not the built-in defaults)."""
    category = CaseCategory
    statement = select(
        category.kind,
        category.major_code,
        category.major_name,
        category.code,
        category.name,
        category.filing_condition,
        category.dispatch_hours,
        category.dispose_hours,
        category.department,
        category.photo_required,
    ).where(category.active.is_(True))
    rows = read_rows(store, statement)
    return {row[3]: CategorySpec(CategoryKind(row[0]), *row[1:]) for row in rows}


def category_codes(store: Store) -> list[str]:
    """The codes of the active 小类 (what the simulator draws reports from)."""
    rows = read_rows(store, select(CaseCategory.code).where(CaseCategory.active.is_(True)))
    return [code for (code,) in rows]
