"""Reading the credit record for a screen, an export or a case: the list, the violators and their
violations — each read narrowed to one office when the reader is an office user (the violations of
that office's cases, and the violators who have one) — and what a case names: its number, office and
category, and the vehicles its alerts or text name (a muck truck's plate and transport company).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, Select, and_, func, select

from commandcenter.domain.credit import ListedViolator, Listing, Violation, Violator
from commandcenter.persistence.access import read_one, read_rows
from commandcenter.persistence.cases.models import Case, CaseCategory
from commandcenter.persistence.credit.models import CreditListing, CreditViolation, CreditViolator
from commandcenter.persistence.credit.rows import (
    LISTING_COLUMNS,
    VIOLATOR_COLUMNS,
    listing_of,
    select_violations,
    violation_of,
    violator_of,
)
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.map.models import MapAlert
from commandcenter.persistence.store import Store

_PLATE_IN_TEXT = re.compile(r"[\u4e00-\u9fff][A-Z][A-Z0-9]{5,6}")


@dataclass(frozen=True)
class CaseForCredit:
    id: int
    number: str
    office_id: int | None
    category: str
    status: str


@dataclass(frozen=True)
class CaseVehicle:
    plate: str
    company: str  # "" when the register names none


def _counting(now: datetime) -> list[ColumnElement[bool]]:
    when = now.astimezone(UTC)
    return [
        CreditViolation.appeal_status != "upheld",
        CreditViolation.confirmed_at <= when,
        CreditViolation.expires_at > when,
    ]


def listed(store: Store, now: datetime, office_id: int | None) -> list[ListedViolator]:
    """Everyone on the list at ``now`` (listed, term not over, not removed), newest listing first,
    with how many of their violations count now; an office's reader sees the violators with a
    violation of one of the office's cases, and only those violations are counted."""
    when = now.astimezone(UTC)
    scope = [] if office_id is None else [CreditViolation.office_id == office_id]
    counted = (
        select(CreditViolation.violator_id, func.count().label("n"))
        .where(*_counting(now), *scope)
        .group_by(CreditViolation.violator_id)
        .subquery()
    )
    statement = (
        select(*VIOLATOR_COLUMNS, *LISTING_COLUMNS, func.coalesce(counted.c.n, 0))
        .join(CreditListing, CreditListing.violator_id == CreditViolator.id)
        .outerjoin(counted, counted.c.violator_id == CreditViolator.id)
        .where(
            CreditListing.removed_at.is_(None),
            CreditListing.listed_at <= when,
            CreditListing.expires_at > when,
        )
        .order_by(CreditListing.listed_at.desc(), CreditListing.id.desc())
    )
    if office_id is not None:
        statement = statement.where(CreditViolator.id.in_(_office_violators(office_id)))
    width = len(VIOLATOR_COLUMNS)
    return [
        ListedViolator(
            violator_of(row[:width]), listing_of(row[width : width + len(LISTING_COLUMNS)]), int(row[-1])
        )
        for row in read_rows(store, statement)
    ]


def _office_violators(office_id: int) -> Select[int]:
    return select(CreditViolation.violator_id).where(CreditViolation.office_id == office_id)


def find_violators(store: Store, text: str, office_id: int | None, limit: int = 500) -> list[Violator]:
    """Violators whose name or identifier holds ``text`` (all when empty), by name."""
    statement = select(*VIOLATOR_COLUMNS).order_by(CreditViolator.name, CreditViolator.id).limit(limit)
    if text.strip():
        pattern = f"%{text.strip()}%"
        statement = statement.where(
            CreditViolator.name.like(pattern) | CreditViolator.identifier.like(pattern)
        )
    if office_id is not None:
        statement = statement.where(CreditViolator.id.in_(_office_violators(office_id)))
    return [violator_of(row) for row in read_rows(store, statement)]


def violations_for(store: Store, violator_id: int, office_id: int | None) -> list[Violation]:
    """One violator's violations, newest first (an office's reader: its cases' only)."""
    statement = select_violations().where(CreditViolation.violator_id == violator_id)
    if office_id is not None:
        statement = statement.where(CreditViolation.office_id == office_id)
    statement = statement.order_by(CreditViolation.confirmed_at.desc(), CreditViolation.id.desc())
    return [violation_of(row) for row in read_rows(store, statement)]


def violation_by_id(store: Store, violation_id: int) -> Violation | None:
    row = read_one(store, select_violations().where(CreditViolation.id == violation_id))
    return None if row is None else violation_of(row)


def listings_for(store: Store, violator_id: int) -> list[Listing]:
    statement = (
        select(*LISTING_COLUMNS)
        .where(CreditListing.violator_id == violator_id)
        .order_by(CreditListing.listed_at.desc(), CreditListing.id.desc())
    )
    return [listing_of(row) for row in read_rows(store, statement)]


def case_for_credit(store: Store, number: str) -> CaseForCredit | None:
    row = read_one(
        store,
        select(Case.id, Case.number, Case.office_id, CaseCategory.name, Case.status)
        .join(CaseCategory, CaseCategory.id == Case.category_id)
        .where(Case.number == number.strip()),
    )
    return None if row is None else CaseForCredit(int(row[0]), row[1], row[2], row[3], row[4])


def case_vehicles(store: Store, case_id: int) -> list[CaseVehicle]:
    """The vehicles a case names: those whose alerts became the case (a muck truck leaving its
    permit's area, dumping), then plates written in its description that the register holds."""
    from_alerts = read_rows(
        store,
        select(Vehicle.plate, Vehicle.company)
        .join(MapAlert, and_(MapAlert.unit_id == Vehicle.unit_id, MapAlert.case_id == case_id))
        .distinct()
        .order_by(Vehicle.plate),
    )
    description = read_one(store, select(Case.description).where(Case.id == case_id))
    written = sorted(set(_PLATE_IN_TEXT.findall((description[0] if description else "").upper())))
    from_text = (
        read_rows(
            store,
            select(Vehicle.plate, Vehicle.company).where(Vehicle.plate.in_(written)).order_by(Vehicle.plate),
        )
        if written
        else []
    )
    found: dict[str, CaseVehicle] = {}
    for plate, company in [*from_alerts, *from_text]:
        found.setdefault(plate, CaseVehicle(plate, company or ""))
    return list(found.values())
