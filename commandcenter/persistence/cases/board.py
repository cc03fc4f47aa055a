"""Reads of the live case board: the open cases with everything the queue, the pop-up and the
urgency sort need, in one query (category, office, segment, assignee, reporter count, first photo).

``board_rows(store)`` loads the whole board at start and after a resync; ``board_rows(store, ids)``
refreshes only the cases the change feed named, so a burst of 1,000 new cases costs a few batched
queries, never 1,000 reloads of the board.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import func, select

from commandcenter.domain.cases import BoardCase
from commandcenter.domain.kinds import OPEN_CASE_STATUSES, PhotoStage
from commandcenter.persistence.access import as_utc, reading
from commandcenter.persistence.cases.models import Case, CaseCategory, CasePhoto, CaseReporter
from commandcenter.persistence.district.models import Department, Office, Segment, Staff
from commandcenter.persistence.store import Store

ID_BATCH = 500  # bound parameters per IN (...) stay well under SQLite's limit


def _statement() -> Any:
    case, category, office = Case, CaseCategory, Office
    segment, staff = Segment, Staff
    reporters = select(func.count()).where(CaseReporter.case_id == case.id).correlate(case).scalar_subquery()
    photo = (
        select(CasePhoto.uri)
        .where(CasePhoto.case_id == case.id, CasePhoto.stage == PhotoStage.REPORTED.value)
        .order_by(CasePhoto.id)
        .limit(1)
        .correlate(case)
        .scalar_subquery()
    )
    return (
        select(
            case.id,
            case.number,
            category.code,
            category.name,
            case.status,
            case.version,
            case.urgency,
            case.source,
            case.description,
            case.address,
            case.lon,
            case.lat,
            case.office_id,
            office.name,
            case.segment_id,
            segment.name,
            case.assignee_staff_id,
            staff.name,
            case.created_at,
            case.deadline_at,
            reporters,
            photo,
            case.dispatched_at,
            case.rule_notes,
            case.department_id,
            Department.name,
            case.handoff_deadline_at,
        )
        .join(category, category.id == case.category_id)
        .outerjoin(Department, Department.id == case.department_id)
        .outerjoin(office, office.id == case.office_id)
        .outerjoin(segment, segment.id == case.segment_id)
        .outerjoin(staff, staff.id == case.assignee_staff_id)
    )


def _row(values: Any) -> BoardCase:
    fields = list(values)
    fields[18] = as_utc(fields[18])
    fields[19] = as_utc(fields[19]) if fields[19] is not None else None
    fields[20] = max(int(fields[20] or 0), 1)  # demo history has no reporter rows: the case itself is one
    fields[22] = as_utc(fields[22]) if fields[22] is not None else None
    fields[23] = tuple(fields[23] or ())
    fields[26] = as_utc(fields[26]) if fields[26] is not None else None
    return BoardCase(*fields)


def board_rows(
    store: Store,
    ids: Collection[int] | None = None,
    *,
    office_id: int | None = None,
    department_id: int | None = None,
    limit: int = 5000,
) -> list[BoardCase]:
    """The open cases (``ids`` None), or exactly the named cases whatever their status (a refresh
    must also learn that a case was closed, to drop it); only ``office_id``'s (an office desk) or
    ``department_id``'s (a department desk: the cases handed to it) when given."""
    scope = () if office_id is None else (Case.office_id == office_id,)
    if department_id is not None:
        scope = (*scope, Case.department_id == department_id)
    with reading(store) as connection:
        if ids is None:
            statuses = [status.value for status in OPEN_CASE_STATUSES]
            query = _statement().where(Case.status.in_(statuses), *scope)
            return [
                _row(values) for values in connection.execute(query.order_by(Case.id.desc()).limit(limit))
            ]
        wanted = sorted(set(ids))
        rows: list[BoardCase] = []
        for start in range(0, len(wanted), ID_BATCH):
            batch = _statement().where(Case.id.in_(wanted[start : start + ID_BATCH]), *scope)
            rows.extend(_row(values) for values in connection.execute(batch))
        return rows
