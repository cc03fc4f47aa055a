"""Applying a workflow step to a case: one conditional UPDATE and one appended event, atomically.

Two operators often open the same fresh case at once; both see version N and both click. The write
is ``UPDATE cases … WHERE id = :id AND version = N`` as the FIRST statement of its transaction, so
the database serialises the two: PostgreSQL makes the second wait on the row lock and then finds the
version moved; SQLite makes the second wait for the write lock and then starts from a fresh snapshot.
Either way exactly one UPDATE changes a row, the other changes none and gets ``ConcurrentChange`` —
no dialect-specific locking, and the loser's event is never written. The decision itself
(``plan_transition``) is made from a read just before; the version check makes that read safe.
Datetimes are written in UTC (SQLite keeps only the wall clock) and read back as aware UTC.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, exc, insert, select, update

from commandcenter.domain.calendar import WorkingCalendar
from commandcenter.domain.cases import CaseEventRecord, CaseSnapshot
from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.workflow import CaseState, PlannedTransition, plan_transition
from commandcenter.domain.workflow_errors import (
    CaseNotFound,
    ConcurrentChange,
    RefusalKind,
    TransitionRefused,
)
from commandcenter.persistence.access import as_utc, read_rows, reading, unavailable
from commandcenter.persistence.cases.models import Case, CaseCategory, CaseEvent
from commandcenter.persistence.database import describe_error
from commandcenter.persistence.gateway.answers import answer_transition
from commandcenter.persistence.store import Store

_case, _event = Case, CaseEvent


def apply_transition(
    store: Store,
    case_id: int,
    expected_version: int,
    action: str,
    actor: str,
    reason: str,
    now: datetime,
    payload: Mapping[str, Any] | None = None,
    *,
    approved_by: str | None = None,
    calendar: WorkingCalendar | None = None,
) -> CaseSnapshot:
    """Move the case by ``action`` if it is still at ``expected_version``. Raises ``CaseNotFound``,
    ``TransitionRefused`` (nothing written), ``ConcurrentChange`` (someone acted first; nothing
    written) or ``DatabaseUnavailable``."""
    if now.tzinfo is None:
        raise ValueError("naive datetime: give the time zone")
    state = _read_state(store, case_id)
    if state.version != expected_version:
        raise ConcurrentChange(case_id, expected_version)
    plan = plan_transition(
        state, action, actor, reason, now, approved_by=approved_by, payload=payload, calendar=calendar
    )
    try:
        with store.engine.begin() as connection:
            return write_transition(connection, plan, expected_version)
    except exc.IntegrityError as error:  # e.g. dispatching to a staff id that does not exist
        raise TransitionRefused(
            RefusalKind.INVALID_INPUT, action, f"数据不一致 / inconsistent input: {describe_error(error)}"
        ) from error
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def write_transition(connection: Connection, plan: PlannedTransition, expected_version: int) -> CaseSnapshot:
    """The write half of ``apply_transition`` inside the caller's transaction (an approved request
    writes its step and its decision together): the versioned UPDATE, then the event, then the answers
    an Open311 client is owed (``gateway.answers``: closed, returned), all in that one transaction."""
    changed = connection.execute(
        update(_case)
        .where(_case.id == plan.case_id, _case.version == expected_version)
        .values(_new_values(plan))
    ).rowcount
    if changed != 1:
        raise ConcurrentChange(plan.case_id, expected_version)
    connection.execute(insert(_event), _event_row(plan))
    answer_transition(connection, plan)
    return _snapshot(connection, plan.case_id)


def read_case(store: Store, case_id: int) -> CaseSnapshot:
    """The case's current snapshot (its version is what the next ``apply_transition`` expects)."""
    with reading(store) as connection:
        return _snapshot(connection, case_id)


def read_state(store: Store, case_id: int) -> CaseState:
    """What the workflow decides from, for a caller that plans and writes a step itself (an approved
    request: ``write_transition`` inside its own transaction; the version guards the read)."""
    return _read_state(store, case_id)


def case_timeline(store: Store, case_id: int) -> list[CaseEventRecord]:
    """Every event of one case in the order written (the log is append-only: this is the full history)."""
    statement = (
        select(_event.id, _event.ts, _event.actor, _event.action, _event.from_status, _event.to_status)
        .add_columns(_event.note, _event.payload)
        .where(_event.case_id == case_id)
        .order_by(_event.id)  # append order: callers may pass their own timestamps
    )
    rows = read_rows(store, statement)
    return [
        CaseEventRecord(id_, as_utc(ts).astimezone(UTC), actor, action_, from_, to, note, dict(payload or {}))
        for id_, ts, actor, action_, from_, to, note, payload in rows
    ]


def _read_state(store: Store, case_id: int) -> CaseState:
    category = CaseCategory
    statement = (
        select(_case.status, _case.version, _case.deadline_at, _case.rework_count, _case.extension_count)
        .add_columns(category.dispatch_hours, category.dispose_hours, _case.department_id)
        .join(category, category.id == _case.category_id)
        .where(_case.id == case_id)
    )
    with reading(store) as connection:
        row = connection.execute(statement).one_or_none()
    if row is None:
        raise CaseNotFound(case_id)
    status, version, deadline, reworks, extensions, dispatch_hours, dispose_hours, department = row
    return CaseState(
        case_id,
        CaseStatus(status),
        version,
        dispatch_hours,
        dispose_hours,
        as_utc(deadline) if deadline else None,
        reworks,
        extensions,
        department,
    )


def _new_values(plan: PlannedTransition) -> dict[str, Any]:
    ts = plan.ts.astimezone(UTC)
    values: dict[str, Any] = {
        "status": plan.to_status.value,
        "version": _case.version + 1,
        "updated_at": ts,
        "deadline_at": plan.deadline_at.astimezone(UTC) if plan.deadline_at else None,
        "rework_count": plan.rework_count,
        "extension_count": plan.extension_count,
    }
    if plan.transition.assignee != "keep":
        values["assignee_staff_id"] = plan.assignee_staff_id
    if plan.transition.department != "keep":
        values["department_id"] = plan.department_id
        deadline = plan.handoff_deadline_at
        values["handoff_deadline_at"] = deadline.astimezone(UTC) if deadline else None
    if plan.transition.target is CaseStatus.DISPATCHED and plan.transition.assignee != "keep":
        values["dispatched_at"] = ts
    if plan.to_status is CaseStatus.CLOSED:
        values["closed_at"] = ts
    return values


def _event_row(plan: PlannedTransition) -> dict[str, Any]:
    return {
        "case_id": plan.case_id,
        "ts": plan.ts.astimezone(UTC),
        "actor": plan.actor,
        "action": plan.action,
        "from_status": plan.from_status.value,
        "to_status": plan.to_status.value,
        "note": plan.reason,
        "payload": plan.payload,
    }


def _snapshot(connection: Connection, case_id: int) -> CaseSnapshot:
    row = connection.execute(
        select(_case.id, _case.number, _case.status, _case.version, _case.deadline_at)
        .add_columns(_case.assignee_staff_id, _case.rework_count, _case.extension_count)
        .add_columns(_case.dispatched_at, _case.closed_at, _case.updated_at)
        .where(_case.id == case_id)
    ).one_or_none()
    if row is None:
        raise CaseNotFound(case_id)
    id_, number, status, version, deadline, assignee, reworks, extensions, dispatched, closed, updated = row
    return CaseSnapshot(
        id_,
        number,
        CaseStatus(status),
        version,
        _maybe_utc(deadline),
        assignee,
        reworks,
        extensions,
        _maybe_utc(dispatched),
        _maybe_utc(closed),
        as_utc(updated).astimezone(UTC),
    )


def _maybe_utc(moment: datetime | None) -> datetime | None:
    return as_utc(moment).astimezone(UTC) if moment else None
