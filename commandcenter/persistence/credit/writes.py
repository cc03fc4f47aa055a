"""Writing the credit record, each function on the caller's connection so that a violation, the
listing rule's answer and nothing else land in one transaction (``credit.record`` holds it).

``lock_violator`` starts every change of one violator with a no-op UPDATE of their row: PostgreSQL's
row lock (SQLite's write lock) serialises two workstations confirming violations of one violator at
once, so the rule always sees every violation and never lists anyone twice.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, exc, insert, select, update

from commandcenter.domain.credit import (
    AppealStatus,
    Listing,
    RemovalReason,
    Violation,
    Violator,
    ViolatorKind,
)
from commandcenter.persistence.credit.models import CreditListing, CreditViolation, CreditViolator
from commandcenter.persistence.credit.rows import (
    LISTING_COLUMNS,
    VIOLATOR_COLUMNS,
    listing_of,
    select_violations,
    violation_of,
    violator_of,
)


class DuplicateViolation(LookupError):
    """The violator already has a violation on this case (nothing was written)."""


def violator_by_key(connection: Connection, kind: ViolatorKind, match_key: str) -> Violator | None:
    row = connection.execute(
        select(*VIOLATOR_COLUMNS).where(
            CreditViolator.kind == kind.value, CreditViolator.match_key == match_key
        )
    ).first()
    return None if row is None else violator_of(row)


def violator_for(
    connection: Connection,
    kind: ViolatorKind,
    name: str,
    identifier: str,
    match_key: str,
    who: str,
    now: datetime,
) -> Violator:
    """The violator of ``kind`` known by ``match_key``, added when new. Two workstations adding the
    same new violator at once: the second meets the unique constraint (in a savepoint) and reads
    the row the first committed."""
    found = violator_by_key(connection, kind, match_key)
    if found is not None:
        return found
    try:
        with connection.begin_nested():
            new_id = connection.execute(
                insert(CreditViolator)
                .values(
                    kind=kind.value,
                    name=name,
                    identifier=identifier,
                    match_key=match_key,
                    created_at=now.astimezone(UTC),
                    created_by=who,
                )
                .returning(CreditViolator.id)
            ).scalar_one()
    except exc.IntegrityError:
        raced = violator_by_key(connection, kind, match_key)
        if raced is None:
            raise
        return raced
    return Violator(int(new_id), kind, name, identifier)


def lock_violator(connection: Connection, violator_id: int) -> Violator | None:
    connection.execute(
        update(CreditViolator).where(CreditViolator.id == violator_id).values(id=CreditViolator.id)
    )
    row = connection.execute(select(*VIOLATOR_COLUMNS).where(CreditViolator.id == violator_id)).first()
    return None if row is None else violator_of(row)


def add_violation(connection: Connection, values: dict[str, Any]) -> Violation:
    """Insert one violation (``values`` by column name); ``DuplicateViolation`` on a second one of
    the same violator and case (a savepoint keeps the transaction usable)."""
    try:
        with connection.begin_nested():
            new_id = connection.execute(
                insert(CreditViolation).values(**values).returning(CreditViolation.id)
            ).scalar_one()
    except exc.IntegrityError as error:
        raise DuplicateViolation(values["case_number"]) from error
    return violation_by_id(connection, int(new_id))


def violation_by_id(connection: Connection, violation_id: int) -> Violation:
    return violation_of(
        connection.execute(select_violations().where(CreditViolation.id == violation_id)).one()
    )


def violations_of(connection: Connection, violator_id: int) -> list[Violation]:
    rows = connection.execute(
        select_violations()
        .where(CreditViolation.violator_id == violator_id)
        .order_by(CreditViolation.confirmed_at)
    )
    return [violation_of(row) for row in rows]


def set_appeal(
    connection: Connection,
    violation_id: int,
    expected: AppealStatus,
    status: AppealStatus,
    note: str,
    who: str,
    now: datetime,
) -> bool:
    """Move the appeal from ``expected`` to ``status``; False when it was not in ``expected``
    (another workstation decided first)."""
    when = now.astimezone(UTC)
    values: dict[str, Any] = {"appeal_status": status.value, "appeal_note": note}
    if status is AppealStatus.FILED:
        values.update(appeal_filed_by=who, appeal_filed_at=when)
    else:
        values.update(appeal_decided_by=who, appeal_decided_at=when)
    changed = connection.execute(
        update(CreditViolation)
        .where(CreditViolation.id == violation_id, CreditViolation.appeal_status == expected.value)
        .values(**values)
    ).rowcount
    return bool(changed)


def newly_expired(connection: Connection, now: datetime) -> list[int]:
    """The violators with a violation that expired by ``now`` and has not been re-counted since;
    those violations are marked, so each expiry runs the rule once."""
    when = now.astimezone(UTC)
    due = CreditViolation.counted.is_(True), CreditViolation.expires_at <= when
    ids = sorted({int(v) for (v,) in connection.execute(select(CreditViolation.violator_id).where(*due))})
    connection.execute(update(CreditViolation).where(*due).values(counted=False))
    return ids


def current_listing(connection: Connection, violator_id: int) -> Listing | None:
    row = connection.execute(
        select(*LISTING_COLUMNS).where(
            CreditListing.violator_id == violator_id, CreditListing.removed_at.is_(None)
        )
    ).first()
    return None if row is None else listing_of(row)


def lapsed_listings(connection: Connection, now: datetime) -> list[int]:
    """Violators whose listing's term ended by ``now`` but is not yet removed."""
    rows = connection.execute(
        select(CreditListing.violator_id).where(
            CreditListing.removed_at.is_(None), CreditListing.expires_at <= now.astimezone(UTC)
        )
    )
    return sorted({int(v) for (v,) in rows})


def add_listing(connection: Connection, values: dict[str, Any]) -> Listing:
    new_id = connection.execute(
        insert(CreditListing).values(**values).returning(CreditListing.id)
    ).scalar_one()
    return listing_of(connection.execute(select(*LISTING_COLUMNS).where(CreditListing.id == new_id)).one())


def remove_listing(
    connection: Connection, listing_id: int, reason: RemovalReason, who: str, note: str, at: datetime
) -> bool:
    changed = connection.execute(
        update(CreditListing)
        .where(CreditListing.id == listing_id, CreditListing.removed_at.is_(None))
        .values(removed_at=at.astimezone(UTC), removed_reason=reason.value, removed_by=who, removal_note=note)
    ).rowcount
    return bool(changed)
