"""延期/挂账 requests (``case_requests``): filing one, and reading them for an inbox or a case.

One pending request per case and action. ``case_requests`` has no unique index for that (a partial
index is not portable and the table came with migration 0010), so a request's transaction starts by
writing the case row — ``UPDATE cases SET version = version WHERE id = … AND status IN (签收, 处置)``
— which serialises requests for one case on both databases (PostgreSQL's row lock, SQLite's write
lock) exactly as ``transitions`` does, and checks in the same statement that the case is still in
hand. The check for a pending twin then runs on a fresh view, so two racing requests cannot both pass.
The request leaves a timeline event (申请延期/申请挂账, no status change) in the same transaction,
so the hand-off shows in the case's history. Decisions live in ``request_decisions``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Select, func, insert, select, update

from commandcenter.domain.case_requests import (
    REQUEST_EVENT,
    CaseRequestRecord,
    RequestRefused,
    RequestStatus,
)
from commandcenter.domain.workflow import TRANSITIONS_BY_ACTION
from commandcenter.domain.workflow_errors import CaseNotFound
from commandcenter.persistence.access import as_utc, maybe_utc, read_one, read_rows, writing
from commandcenter.persistence.cases.desk_models import CaseRequest
from commandcenter.persistence.cases.models import Case, CaseCategory, CaseEvent
from commandcenter.persistence.district.models import Office
from commandcenter.persistence.store import Store

_request = CaseRequest


def create_request(
    store: Store,
    case_id: int,
    action: str,
    hours: float | None,
    reason: str,
    evidence: Sequence[str],
    requested_by: str,
    now: datetime,
) -> int:
    """File a request; raises ``RequestRefused`` ("not_in_hand", "duplicate") or ``CaseNotFound``
    with nothing written. Returns the request's id."""
    now = now.astimezone(UTC)
    in_hand = [status.value for status in TRANSITIONS_BY_ACTION[action].sources]
    with writing(store) as connection:
        locked = connection.execute(
            update(Case).where(Case.id == case_id, Case.status.in_(in_hand)).values(version=Case.version)
        ).rowcount
        row = connection.execute(
            select(Case.status, Case.version, Case.office_id).where(Case.id == case_id)
        ).one_or_none()
        if row is None:
            raise CaseNotFound(case_id)
        status, version, office_id = row
        if locked != 1:
            raise RequestRefused(
                "not_in_hand",
                f"案件当前状态为「{status}」，不能申请{action} / a case in {status} cannot ask for {action}",
            )
        if _pending_id(connection, case_id, action) is not None:
            raise RequestRefused(
                "duplicate",
                f"该案件已有待审批的{action}申请 / this case already has a pending {action} request",
            )
        request_id = connection.execute(
            insert(_request).returning(_request.id),
            {
                "case_id": case_id,
                "office_id": office_id,
                "action": action,
                "hours": hours,
                "reason": reason,
                "evidence": list(evidence),
                "requested_by": requested_by,
                "requested_at": now,
                "case_version": version,
                "status": RequestStatus.PENDING.value,
                "decision_reason": "",
            },
        ).scalar_one()
        payload: dict[str, Any] = {"request_id": request_id, "hours": hours, "evidence": list(evidence)}
        add_event(connection, case_id, now, requested_by, REQUEST_EVENT[action], reason, payload)
        return int(request_id)


def add_event(
    connection: Connection,
    case_id: int,
    now: datetime,
    actor: str,
    action: str,
    note: str,
    payload: dict[str, Any],
) -> None:
    """A timeline line that is not a workflow step (the status stays: ``to_status`` is empty)."""
    connection.execute(
        insert(CaseEvent),
        {
            "case_id": case_id,
            "ts": now.astimezone(UTC),
            "actor": actor,
            "action": action,
            "from_status": None,
            "to_status": None,
            "note": note,
            "payload": payload,
        },
    )


def list_requests(
    store: Store,
    *,
    status: RequestStatus | None = None,
    office_id: int | None = None,
    case_id: int | None = None,
    since: datetime | None = None,
    limit: int = 200,
) -> list[CaseRequestRecord]:
    """Requests newest first, narrowed by status, office, case and filing time."""
    statement = _records()
    if status is not None:
        statement = statement.where(_request.status == status.value)
    if office_id is not None:
        statement = statement.where(_request.office_id == office_id)
    if case_id is not None:
        statement = statement.where(_request.case_id == case_id)
    if since is not None:
        statement = statement.where(_request.requested_at >= since.astimezone(UTC))
    rows = read_rows(store, statement.order_by(_request.id.desc()).limit(limit))
    return [_record(row) for row in rows]


def read_request(store: Store, request_id: int) -> CaseRequestRecord:
    row = read_one(store, _records().where(_request.id == request_id))
    if row is None:
        raise RequestRefused("not_found", f"申请 {request_id} 不存在 / request {request_id} does not exist")
    return _record(row)


def pending_count(store: Store, office_id: int | None = None) -> int:
    """How many requests wait for a decision (in one office, or everywhere)."""
    statement = select(func.count()).where(_request.status == RequestStatus.PENDING.value)
    if office_id is not None:
        statement = statement.where(_request.office_id == office_id)
    row = read_one(store, statement)
    return int(row[0]) if row else 0


def dispose_hours_of(store: Store, case_id: int) -> float:
    """The case's category's dispose hours: what a 延期 request asks for unless told otherwise."""
    statement = select(CaseCategory.dispose_hours).join(Case, Case.category_id == CaseCategory.id)
    row = read_one(store, statement.where(Case.id == case_id))
    if row is None:
        raise CaseNotFound(case_id)
    return float(row[0])


def _pending_id(connection: Connection, case_id: int, action: str) -> int | None:
    return connection.execute(
        select(_request.id).where(
            _request.case_id == case_id,
            _request.action == action,
            _request.status == RequestStatus.PENDING.value,
        )
    ).scalar_one_or_none()


def _records() -> Select[Any]:
    return (
        select(_request.id, _request.case_id, Case.number, Case.status, _request.office_id, Office.name)
        .add_columns(_request.action, _request.hours, _request.reason, _request.evidence)
        .add_columns(_request.requested_by, _request.requested_at, _request.case_version, _request.status)
        .add_columns(_request.decided_by, _request.decided_at, _request.decision_reason)
        .join(Case, Case.id == _request.case_id)
        .outerjoin(Office, Office.id == _request.office_id)
    )


def _record(row: Any) -> CaseRequestRecord:
    (id_, case_id, number, case_status, office_id, office_name, action, hours, reason, evidence) = row[:10]
    requested_by, requested_at, case_version, status, decided_by, decided_at, decision = row[10:]
    return CaseRequestRecord(
        id_,
        case_id,
        number,
        case_status,
        office_id,
        office_name,
        action,
        hours,
        reason,
        list(evidence or []),
        requested_by,
        as_utc(requested_at).astimezone(UTC),
        case_version,
        RequestStatus(status),
        decided_by,
        maybe_utc(decided_at),
        decision or "",
    )
