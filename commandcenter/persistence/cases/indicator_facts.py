"""Reads for the evaluation: the facts of every case a period's indicators can count, and the names
of the table's groups.

One SELECT of ``cases`` (only the columns ``CaseFacts`` holds) takes every case received, dispatched
or due in the period, and every case still open at its end with its deadline passed before it began
(超期未处置 carried over); a second one the approved 挂账 holds (``case_requests``) with the 恢复办理
steps that ended them. A month of a seed district's year is a few tens of thousands of rows, read in
well under a second on both databases (``bench/evaluation.py``). An office's read asks for that
office's rows only.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, or_, select

from commandcenter.domain.case_requests import RequestStatus
from commandcenter.domain.indicators import CaseFacts, Hold, IndicatorNames
from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.access import as_utc, reading
from commandcenter.persistence.cases.desk_models import CaseRequest
from commandcenter.persistence.cases.models import Case, CaseCategory, CaseEvent
from commandcenter.persistence.district.models import Office, Segment, Staff
from commandcenter.persistence.store import Store

_SUSPEND, _RESUME = "挂账", "恢复办理"
_ENDED_BY_CHANGE = (CaseStatus.VOIDED.value, CaseStatus.REJECTED.value)


def period_facts(
    store: Store, start: datetime, end: datetime, office_id: int | None = None
) -> list[CaseFacts]:
    """The facts of the cases the period [start, end) can count (``office_id``: that office's only)."""
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    with reading(store) as connection:
        rows = connection.execute(_cases(start, end, office_id)).all()
        holds = _holds(connection, end, office_id)
    return [_facts(row, holds.get(row[0], ())) for row in rows]


def _cases(start: datetime, end: datetime, office_id: int | None) -> Any:
    case = Case
    touches = or_(
        and_(case.created_at >= start, case.created_at < end),
        and_(case.dispatched_at >= start, case.dispatched_at < end),
        and_(case.deadline_at >= start, case.deadline_at < end),
        and_(  # still open at the period's end, already late when it began
            case.deadline_at < start,
            case.dispatched_at.is_not(None),
            or_(case.closed_at.is_(None), case.closed_at >= end),
        ),
    )
    statement = select(
        case.id,
        case.status,
        case.created_at,
        case.category_id,
        case.office_id,
        case.segment_id,
        case.assignee_staff_id,
        case.dispatched_at,
        case.deadline_at,
        case.closed_at,
        case.updated_at,
        case.rework_count,
        case.extension_count,
    ).where(touches, case.created_at < end)
    if office_id is not None:
        statement = statement.where(case.office_id == office_id)
    return statement


def _facts(row: Sequence[Any], holds: Sequence[Hold]) -> CaseFacts:
    (id_, status, created, category, office, segment, staff, dispatched, deadline, closed, updated) = row[:11]
    ended = _utc(closed) if status == CaseStatus.CLOSED.value else None
    if status in _ENDED_BY_CHANGE:
        ended = _utc(updated)
    return CaseFacts(
        id_,
        status,
        as_utc(created).astimezone(UTC),
        category,
        office,
        segment,
        staff,
        _utc(dispatched),
        _utc(deadline),
        ended,
        row[11],
        row[12],
        tuple(holds),
    )


def _utc(moment: datetime | None) -> datetime | None:
    """``maybe_utc`` inlined for the tens of thousands of values a month holds (SQLite: naive UTC)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _holds(connection: Connection, end: datetime, office_id: int | None) -> dict[int, list[Hold]]:
    """Approved 挂账 holds begun before ``end``, each ended by the next 恢复办理 (or still running)."""
    approved = select(CaseRequest.case_id, CaseRequest.decided_at).where(
        CaseRequest.action == _SUSPEND,
        CaseRequest.status == RequestStatus.APPROVED.value,
        CaseRequest.decided_at < end,
    )
    if office_id is not None:
        approved = approved.where(CaseRequest.office_id == office_id)
    starts: dict[int, list[datetime]] = defaultdict(list)
    for case_id, decided in connection.execute(approved):
        if decided is not None:
            starts[case_id].append(as_utc(decided))
    if not starts:
        return {}
    resumed = select(CaseEvent.case_id, CaseEvent.ts).where(
        CaseEvent.action == _RESUME, CaseEvent.case_id.in_(approved.with_only_columns(CaseRequest.case_id))
    )
    resumes: dict[int, list[datetime]] = defaultdict(list)
    for case_id, ts in connection.execute(resumed):
        resumes[case_id].append(as_utc(ts))
    return {
        case_id: _pair(sorted(begun), sorted(resumes.get(case_id, []))) for case_id, begun in starts.items()
    }


def _pair(starts: list[datetime], resumes: list[datetime]) -> list[Hold]:
    holds = []
    for start in starts:
        end = next((moment for moment in resumes if moment >= start), None)
        holds.append(Hold(start, end))
    return holds


def indicator_names(store: Store) -> IndicatorNames:
    """The names of offices, segments, categories (and their 责任单位) and staff, in one connection."""
    with reading(store) as connection:
        offices = {row.id: row.name for row in connection.execute(select(Office.id, Office.name))}
        segments = {
            id_: f"{number} {name}"
            for id_, number, name in connection.execute(select(Segment.id, Segment.number, Segment.name))
        }
        categories = connection.execute(
            select(CaseCategory.id, CaseCategory.code, CaseCategory.name, CaseCategory.department)
        ).all()
        people = connection.execute(select(Staff.id, Staff.name, Staff.role, Staff.code))
        staff = {id_: f"{name}（{role} {code}）" for id_, name, role, code in people}
    return IndicatorNames(
        offices=offices,
        segments=segments,
        categories={id_: f"{code} {name}" for id_, code, name, _department in categories},
        category_departments={id_: department for id_, _code, _name, department in categories},
        staff=staff,
    )
