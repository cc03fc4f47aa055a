"""Answers to citizens' clients (处理结果即时反馈): the ``webhook_outbox`` rows a workflow step owes the
Open311 clients whose requests became the case, written IN the step's own transaction.

Why in the transaction: a step committed without its answer would leave a citizen unanswered forever,
an answer committed without its step would tell a client something that never happened. Both halves
commit or neither does (a client without a ``webhook_url`` polls ``GET /requests`` instead); the
sender (``commandcenter.gateway.webhooks``) delivers later, with retries, so a client that is down
never holds back the desk. ``write_transition`` calls ``answer_transition`` (so the desk, the
approvals and the gateway all get it), ``merge_report`` calls ``answer_merge``. The
``open311_requests`` row's status and notes move in the same transaction, so ``GET
/requests/{id}.json`` answers what the webhook says.

The payload is an Open311 GeoReport v2 ``service_request`` as a client expects it, plus our words:
``service_request_id`` (the request's id), ``status`` (``open``/``closed``), ``status_notes`` (the
step's note or reason), ``service_notice`` (the case number), ``updated_datetime`` (ISO 8601),
``event`` (``closed``/``returned``/``merged``), ``workflow_status`` (结案, 不予立案 …) and, when
closing, ``media_urls`` (the 处置后 after-photos' ``photo:`` URIs).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from commandcenter.domain.kinds import CaseStatus, PhotoStage
from commandcenter.domain.workflow import PlannedTransition
from commandcenter.persistence.accounts.models import ApiKey
from commandcenter.persistence.cases.models import Case, CasePhoto
from commandcenter.persistence.gateway.models import Open311Request, WebhookOutbox

# the steps that end a citizen's concern, and the event a client hears for each
ANSWERED_STEPS: dict[CaseStatus, str] = {
    CaseStatus.CLOSED: "closed",
    CaseStatus.REJECTED: "returned",
    CaseStatus.VOIDED: "returned",
}
MERGED = "merged"
# what the case's other clients hear of a merge — never the new reporter's own words (one citizen's
# description is not another's business)
MERGE_NOTE = "又有一份上报并入本案，案件仍在办理 / another report joined this case; it is still being handled"


def answer_transition(connection: Connection, plan: PlannedTransition) -> int:
    """Enqueue the answers a committed-with-this-transaction step owes; returns how many rows."""
    event = ANSWERED_STEPS.get(plan.to_status)
    if event is None:
        return 0
    photos = _after_photos(connection, plan.case_id) if plan.to_status is CaseStatus.CLOSED else []
    return _enqueue(connection, plan.case_id, event, plan.to_status.value, plan.reason, plan.ts, photos)


def answer_merge(connection: Connection, case_id: int, now: datetime) -> int:
    """Tell the clients of a case that one more report joined it (the same case, still open), in
    ``MERGE_NOTE``'s words."""
    return _enqueue(connection, case_id, MERGED, None, MERGE_NOTE, now, [])


def _enqueue(
    connection: Connection,
    case_id: int,
    event: str,
    workflow_status: str | None,
    note: str,
    now: datetime,
    photos: list[str],
) -> int:
    """``workflow_status`` None: the case's own (read only when a client is to be told: a merge at a
    busy gateway, whose clients mostly poll, costs no read for it)."""
    requests = connection.execute(_WEBHOOK_REQUESTS, {"a_case": case_id}).all()
    if not requests:  # the request rows still answer GET /requests (a client may poll instead)
        _mark_requests(connection, case_id, event, note)
        return 0
    number, case_status = connection.execute(select(Case.number, Case.status).where(Case.id == case_id)).one()
    workflow_status = case_status if workflow_status is None else workflow_status
    status = "open" if event == MERGED else "closed"
    now = now.astimezone(UTC)
    rows: list[dict[str, Any]] = []
    for request_id, api_key_id in requests:
        payload = _payload(request_id, status, note, number, now, event, workflow_status, photos)
        rows.append(
            {
                "api_key_id": api_key_id,
                "request_id": request_id,
                "event": event,
                "payload": payload,
                "created_at": now,
                "attempts": 0,
                "next_attempt_at": now,
                "last_error": "",
            }
        )
    connection.execute(insert(WebhookOutbox), rows)
    _mark_requests(connection, case_id, event, note)
    return len(rows)


def _mark_requests(connection: Connection, case_id: int, event: str, note: str) -> None:
    """The case's requests say it; rows that already do are not rewritten (a busy case merges often)."""
    status = "open" if event == MERGED else "closed"
    connection.execute(_MARK, {"a_case": case_id, "a_status": status, "a_note": note})


# Built once: every merge at a busy gateway runs both (see ``accounts.audit_log`` for what that saves).
_WEBHOOK_REQUESTS = (
    select(Open311Request.id, Open311Request.api_key_id)
    .join(ApiKey, ApiKey.id == Open311Request.api_key_id)
    .where(Open311Request.case_id == bindparam("a_case"), ApiKey.webhook_url != "")
)
_MARK = (
    update(Open311Request)
    .where(Open311Request.case_id == bindparam("a_case"))
    .where(
        (Open311Request.status != bindparam("a_status"))
        | (Open311Request.status_notes != bindparam("a_note"))
    )
    .values(status=bindparam("a_status"), status_notes=bindparam("a_note"))
)


def _payload(
    request_id: int,
    status: str,
    note: str,
    number: str,
    now: datetime,
    event: str,
    workflow_status: str,
    photos: list[str],
) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "service_request_id": str(request_id),
        "status": status,
        "status_notes": note,
        "service_notice": number,
        "updated_datetime": now.isoformat(),
        "event": event,
        "workflow_status": workflow_status,
    }
    if photos:
        payload["media_urls"] = photos
    return payload


def _after_photos(connection: Connection, case_id: int) -> list[str]:
    statement = (
        select(CasePhoto.uri)
        .where(CasePhoto.case_id == case_id, CasePhoto.stage == PhotoStage.DISPOSED.value)
        .order_by(CasePhoto.id)
    )
    return list(connection.execute(statement).scalars())
