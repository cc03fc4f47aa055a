"""Rows of the credit tables as domain records (``domain.credit``), in one place for every query."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from commandcenter.domain.credit import (
    AppealStatus,
    Listing,
    ListingBasis,
    RemovalReason,
    Violation,
    Violator,
    ViolatorKind,
)
from commandcenter.persistence.access import as_utc, maybe_utc
from commandcenter.persistence.credit.models import CreditListing, CreditViolation, CreditViolator

_v, _x, _l = CreditViolation, CreditViolator, CreditListing
VIOLATION_COLUMNS = (
    _v.id, _v.violator_id, _v.case_id, _v.case_number, _v.office_id, _v.category, _v.points,
    _v.confirmed_by, _v.confirmed_at, _v.expires_at, _v.note, _v.appeal_status, _v.appeal_note,
    _v.appeal_decided_by,
)  # fmt: skip
VIOLATOR_COLUMNS = (_x.id, _x.kind, _x.name, _x.identifier)
LISTING_COLUMNS = (
    _l.id, _l.violator_id, _l.basis, _l.listed_at, _l.expires_at, _l.facts, _l.removed_at,
    _l.removed_reason, _l.removed_by, _l.removal_note,
)  # fmt: skip


def select_violations() -> Select[*tuple[Any, ...]]:
    return select(*VIOLATION_COLUMNS)


def violation_of(row: Any) -> Violation:
    return Violation(
        id=int(row[0]),
        violator_id=int(row[1]),
        case_id=int(row[2]),
        case_number=row[3],
        office_id=row[4],
        category=row[5],
        points=int(row[6]),
        confirmed_by=row[7],
        confirmed_at=as_utc(row[8]),
        expires_at=as_utc(row[9]),
        note=row[10] or "",
        appeal=AppealStatus(row[11]),
        appeal_note=row[12] or "",
        appeal_decided_by=row[13] or "",
    )


def violator_of(row: Any) -> Violator:
    return Violator(int(row[0]), ViolatorKind(row[1]), row[2], row[3])


def listing_of(row: Any) -> Listing:
    return Listing(
        id=int(row[0]),
        violator_id=int(row[1]),
        basis=ListingBasis(row[2]),
        listed_at=as_utc(row[3]),
        expires_at=as_utc(row[4]),
        facts=dict(row[5] or {}),
        removed_at=maybe_utc(row[6]),
        removed_reason=RemovalReason(row[7]) if row[7] else None,
        removed_by=row[8] or "",
        removal_note=row[9] or "",
    )
