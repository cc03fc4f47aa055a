"""Reads and writes of ``consultation_cases`` (协商), each with the case's status and 结案 time so the
督办 count needs no second query."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, update

from commandcenter.domain.consultations import Consultation, ConsultationError, ConsultationStatus
from commandcenter.persistence.access import as_utc, maybe_utc, read_one, read_rows, writing
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.evaluation.models import ConsultationCase
from commandcenter.persistence.store import Store

_C = ConsultationCase


def case_office(store: Store, case_id: int) -> tuple[int | None] | None:
    """(the case's office id,) or None when there is no such case."""
    row = read_one(store, select(Case.office_id).where(Case.id == case_id))
    return None if row is None else (row[0],)


def add_consultation(
    store: Store,
    case_id: int,
    office_id: int | None,
    reason: str,
    by: str,
    at: datetime,
    meeting_date: date | None,
    department: str,
) -> int:
    with writing(store) as connection:
        open_flag = connection.execute(
            select(_C.id).where(_C.case_id == case_id, _C.status == ConsultationStatus.PENDING.value)
        ).first()
        if open_flag is not None:
            raise ConsultationError(
                f"案件 #{case_id} 已提请协商 / case #{case_id} is already flagged for consultation"
            )
        values: dict[str, Any] = {
            "case_id": case_id,
            "office_id": office_id,
            "status": ConsultationStatus.PENDING.value,
            "reason": reason,
            "flagged_by": by,
            "flagged_at": at,
            "meeting_date": meeting_date,
            "department": department,
            "outcome": "",
            "decided_by": "",
            "withdrawn_reason": "",
        }
        return int(connection.execute(insert(_C).values(**values).returning(_C.id)).scalar_one())


def change_consultation(store: Store, consultation_id: int, **values: Any) -> None:
    """Update a pending flag (withdraw it, set its meeting, record the outcome)."""
    with writing(store) as connection:
        done = connection.execute(
            update(_C)
            .where(_C.id == consultation_id, _C.status == ConsultationStatus.PENDING.value)
            .values(**values)
        )
        if done.rowcount != 1:
            raise ConsultationError(
                f"协商议题 {consultation_id} 不存在或已办理 / consultation {consultation_id} is not pending"
            )


def consultation(store: Store, consultation_id: int) -> Consultation | None:
    rows = read_rows(store, _select().where(_C.id == consultation_id))
    return _record(rows[0]) if rows else None


def consultations(
    store: Store, office_id: int | None = None, *, include_withdrawn: bool = False
) -> list[Consultation]:
    """Every flag (newest first), ``office_id``'s only when given."""
    statement = _select().order_by(_C.flagged_at.desc(), _C.id.desc())
    if office_id is not None:
        statement = statement.where(_C.office_id == office_id)
    if not include_withdrawn:
        statement = statement.where(_C.status != ConsultationStatus.WITHDRAWN.value)
    return [_record(row) for row in read_rows(store, statement)]


def _select() -> Any:
    return select(
        _C.id,
        _C.case_id,
        _C.office_id,
        _C.status,
        _C.reason,
        _C.flagged_by,
        _C.flagged_at,
        _C.meeting_date,
        _C.department,
        _C.outcome,
        _C.decided_by,
        _C.withdrawn_reason,
        Case.status,
        Case.closed_at,
    ).join(Case, Case.id == _C.case_id, isouter=True)


def _record(row: Any) -> Consultation:
    return Consultation(
        row[0],
        row[1],
        row[2],
        ConsultationStatus(row[3]),
        row[4],
        row[5],
        as_utc(row[6]),
        row[7],
        row[8],
        row[9],
        row[10],
        row[11],
        row[12] or "",
        maybe_utc(row[13]),
    )
