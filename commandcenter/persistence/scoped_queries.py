"""Reads the permission-enforcing services need: a case's office, case search, and segments and
staff — each optionally limited to one office, so an office user's query never even fetches another
office's rows. Search text is always a bound parameter (never formatted into SQL).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exc, or_, select

from commandcenter.cases.workflow_errors import CaseNotFound
from commandcenter.persistence import models
from commandcenter.persistence.reads import unavailable
from commandcenter.persistence.store import CaseRow, Store, case_rows_statement


@dataclass(frozen=True)
class SegmentRow:
    id: int
    number: str
    name: str
    office_id: int
    length_m: float


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    role: str
    office_id: int
    segment_id: int | None
    phone: str


def case_office(store: Store, case_id: int) -> int | None:
    """The office a case belongs to (None: not yet located); ``CaseNotFound`` if there is no case."""
    try:
        with store.engine.connect() as connection:
            row = connection.execute(select(models.Case.office_id).where(models.Case.id == case_id)).first()
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
    if row is None:
        raise CaseNotFound(case_id)
    return None if row[0] is None else int(row[0])


def search_cases(
    store: Store, *, office_id: int | None, text: str = "", status: str | None = None, limit: int = 200
) -> list[CaseRow]:
    """Newest first. ``office_id`` None means every office; ``text`` matches number, address or
    description as a literal substring (LIKE wildcards in it are escaped)."""
    case = models.Case
    statement = case_rows_statement(limit)
    if office_id is not None:
        statement = statement.where(case.office_id == office_id)
    if status:
        statement = statement.where(case.status == status)
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(
            or_(
                case.number.like(pattern, escape="\\"),
                case.address.like(pattern, escape="\\"),
                case.description.like(pattern, escape="\\"),
            )
        )
    try:
        with store.engine.connect() as connection:
            return [CaseRow(*row) for row in connection.execute(statement)]
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def segments_of(store: Store, office_id: int | None) -> list[SegmentRow]:
    segment = models.Segment
    statement = select(segment.id, segment.number, segment.name, segment.office_id, segment.length_m)
    if office_id is not None:
        statement = statement.where(segment.office_id == office_id)
    try:
        with store.engine.connect() as connection:
            return [SegmentRow(*row) for row in connection.execute(statement.order_by(segment.id))]
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def staff_of(store: Store, office_id: int | None) -> list[StaffRow]:
    staff = models.Staff
    statement = select(staff.id, staff.name, staff.role, staff.office_id, staff.segment_id, staff.phone)
    if office_id is not None:
        statement = statement.where(staff.office_id == office_id)
    try:
        with store.engine.connect() as connection:
            return [StaffRow(*row) for row in connection.execute(statement.order_by(staff.id))]
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error
