"""Case outcomes per responsible segment: what an assessment (考核) scores 路长 on.

One row per case with its segment, deadline, close time and rework count; scoring belongs to whoever
asks (the 嵩山路 assessment plugin, the evaluation of issue 9), not to the database.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from commandcenter.domain.cases import CaseOutcome
from commandcenter.persistence.access import as_utc, reading
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.store import Store


def case_outcomes(
    store: Store, office_id: int | None = None, since: datetime | None = None
) -> list[CaseOutcome]:
    """Cases located on a segment (of one office, created at or after ``since`` when given)."""
    case = Case
    statement = select(
        case.id,
        case.segment_id,
        case.status,
        case.created_at,
        case.deadline_at,
        case.closed_at,
        case.rework_count,
    ).where(case.segment_id.is_not(None))
    if office_id is not None:
        statement = statement.where(case.office_id == office_id)
    if since is not None:
        statement = statement.where(case.created_at >= since)
    with reading(store) as connection:
        rows = connection.execute(statement.order_by(case.id)).all()
    return [
        CaseOutcome(
            case_id,
            segment_id or 0,  # not None: the query filters it
            status,
            as_utc(created),
            None if deadline is None else as_utc(deadline),
            None if closed is None else as_utc(closed),
            rework or 0,
        )
        for case_id, segment_id, status, created, deadline, closed, rework in rows
    ]
