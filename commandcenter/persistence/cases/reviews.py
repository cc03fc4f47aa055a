"""The 待甄别 list in ``screening_reviews``: add an item, list the pending ones, read one, and decide.

Deciding is a conditional ``UPDATE … WHERE status = 待甄别``, so of two operators deciding one item
at once exactly one wins and the other is told who did. An accept runs intake between "I take it"
and "it became case N", so it first *claims* the pending item (``decided_by``/``decided_at`` set
while the status stays 待甄别); a claim older than ``CLAIM_TIMEOUT`` (a workstation that died) no
longer holds. ``finish_accept`` and ``release`` act only on their own claim.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Table, and_, func, insert, or_, select, update

from commandcenter.domain.reviews import (
    CLAIM_TIMEOUT,
    NewReview,
    PendingReviews,
    ReviewItem,
    ReviewNotFound,
    ReviewStatus,
    ReviewTaken,
)
from commandcenter.domain.screening import Rejection, RejectReason
from commandcenter.persistence.access import as_utc, maybe_utc, read_one, reading, writing
from commandcenter.persistence.cases.along import AlongWith, Written
from commandcenter.persistence.cases.desk_models import ScreeningReview
from commandcenter.persistence.store import Store

_R = ScreeningReview
_TABLE: Table = ScreeningReview.__table__  # type: ignore[assignment]  # rows with every column by name
_PENDING = ReviewStatus.PENDING.value


def add_review(store: Store, review: NewReview, along: AlongWith | None = None) -> int:
    """Keep one report screening could not place (with what ``along`` writes, in one transaction);
    returns the item's id (raises ``DatabaseUnavailable``)."""
    report = review.report
    values = {
        "received_at": review.received_at.astimezone(UTC),
        "source": report.source[:16],
        "reporter": report.reporter[:40],
        "reporter_phone": review.reporter_phone[:20],
        "external_ref": review.external_ref,
        "category_code": report.category_code[:8],
        "description": report.description,
        "lon": _number(report.lon),
        "lat": _number(report.lat),
        "datum": report.datum[:8],
        "photos": list(report.photos),
        "reasons": [{"reason": r.reason.value, "detail": r.detail} for r in review.reasons],
        "status": _PENDING,
        "decision_note": "",
    }
    with writing(store) as connection:
        review_id = int(connection.execute(insert(_R).returning(_R.id), values).scalar_one())
        if along is not None:
            along(connection, Written(review_id=review_id))
        return review_id


def pending(store: Store, limit: int = 500) -> PendingReviews:
    """The pending items, newest first (at most ``limit``), and how many are pending in all."""
    with reading(store) as connection:
        newest_first = _R.received_at.desc(), _R.id.desc()
        rows = connection.execute(
            select(_TABLE).where(_R.status == _PENDING).order_by(*newest_first).limit(limit)
        ).all()
        items = tuple(_item(row) for row in rows)
        count = connection.execute(select(func.count()).where(_R.status == _PENDING)).scalar_one()
    return PendingReviews(items, int(count))


def pending_count(store: Store) -> int:
    row = read_one(store, select(func.count()).where(_R.status == _PENDING))
    return 0 if row is None else int(row[0])


def review(store: Store, review_id: int) -> ReviewItem:
    """One item, whatever its status (raises ``ReviewNotFound``)."""
    row = read_one(store, select(_TABLE).where(_R.id == review_id))
    if row is None:
        raise ReviewNotFound(review_id)
    return _item(row)


def claim(store: Store, review_id: int, by: str, now: datetime) -> None:
    """Take a pending item for an accept (raises ``ReviewTaken`` when decided or claimed by another)."""
    now = now.astimezone(UTC)
    free = or_(_R.decided_by.is_(None), _R.decided_by == by, _R.decided_at < now - CLAIM_TIMEOUT)
    _conditional(store, review_id, free, {"decided_by": by, "decided_at": now})


def release(store: Store, review_id: int, by: str) -> None:
    """Give a claimed item back to the list (intake still refused it, or failed)."""
    with writing(store) as connection:
        connection.execute(
            update(_R)
            .where(_R.id == review_id, _R.status == _PENDING, _R.decided_by == by)
            .values(decided_by=None, decided_at=None)
        )


def finish_accept(store: Store, review_id: int, by: str, now: datetime, case_id: int, note: str) -> None:
    """The claimed item became (or joined) case ``case_id``."""
    now = now.astimezone(UTC)
    values = {
        "status": ReviewStatus.ACCEPTED.value,
        "decided_at": now,
        "case_id": case_id,
        "decision_note": note,
    }
    _conditional(store, review_id, _R.decided_by == by, values)


def reject(store: Store, review_id: int, by: str, now: datetime, reason: str) -> None:
    """Reject a pending item nobody is accepting, with the reason the reporter receives."""
    now = now.astimezone(UTC)
    free = or_(_R.decided_by.is_(None), _R.decided_by == by, _R.decided_at < now - CLAIM_TIMEOUT)
    values = {
        "status": ReviewStatus.REJECTED.value,
        "decided_by": by,
        "decided_at": now,
        "decision_note": reason,
    }
    _conditional(store, review_id, free, values)


def _conditional(
    store: Store, review_id: int, condition: ColumnElement[bool], values: dict[str, Any]
) -> None:
    """UPDATE the item if it is still pending and ``condition`` holds; otherwise say who has it."""
    with writing(store) as connection:
        changed = connection.execute(
            update(_R).where(and_(_R.id == review_id, _R.status == _PENDING, condition)).values(**values)
        ).rowcount
    if changed != 1:
        current = review(store, review_id)  # raises ReviewNotFound for an unknown id
        raise ReviewTaken(review_id, current.status, current.decided_by)


def _item(row: Row[Any]) -> ReviewItem:
    return ReviewItem(
        id=row.id,
        received_at=as_utc(row.received_at),
        source=row.source,
        reporter=row.reporter or "",
        reporter_phone=row.reporter_phone or "",
        external_ref=row.external_ref,
        category_code=row.category_code or "",
        description=row.description or "",
        lon=row.lon,
        lat=row.lat,
        datum=row.datum,
        photos=tuple(row.photos or ()),
        reasons=tuple(_rejection(reason) for reason in row.reasons or ()),
        status=ReviewStatus(row.status),
        decided_by=row.decided_by,
        decided_at=maybe_utc(row.decided_at),
        decision_note=row.decision_note or "",
        case_id=row.case_id,
    )


def _rejection(stored: dict[str, Any]) -> Rejection:
    return Rejection(RejectReason(stored["reason"]), str(stored.get("detail", "")))


def _number(value: float) -> float | None:
    """NaN and infinities are not numbers a database keeps (PostgreSQL JSON and SQLite differ): NULL."""
    return value if value == value and abs(value) != float("inf") else None
