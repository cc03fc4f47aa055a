"""Settling an Open311 request with what intake has just written, inside intake's transaction
(``CaseIntake.receive(..., along=…)``): the case and the answer its client reads commit together."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from commandcenter.audit.trail import AuditAction
from commandcenter.domain.api_keys import ApiKeyRecord
from commandcenter.domain.open311 import RequestStatus, ServiceRequestRecord
from commandcenter.persistence.cases.along import Written
from commandcenter.persistence.gateway import open311 as requests

MERGED_NOTE = "已并入在办案件 / merged into an open case reported before"
REVIEW_NOTE = "待甄别：值班员将确认位置与类别 / in review: an operator will place and categorise it"


def settle_in(
    connection: Connection,
    client: ApiKeyRecord,
    request_id: int,
    reserved_at: datetime,
    written: Written,
    code: str,
) -> ServiceRequestRecord:
    """The request settled with what intake has just written, in its transaction: a case (new or
    merged into) with the audit row the desk's ``IntakeService`` writes, by ``api:<key>``, or a
    待甄别 item."""
    if written.case_id is None:
        return requests.settle_in(
            connection,
            request_id,
            reserved_at,
            RequestStatus.IN_REVIEW,
            REVIEW_NOTE,
            review_id=written.review_id,
        )
    details = {
        "source": client.profile.source,
        "category": code,
        "merged": written.merged,
        "open311_request": request_id,
    }
    audit = requests.AuditNote(
        actor(client), AuditAction.CASE_FILED.value, f"case:{written.case_id}", details, reserved_at
    )
    return requests.settle_in(
        connection,
        request_id,
        reserved_at,
        RequestStatus.OPEN,
        MERGED_NOTE if written.merged else "",
        case_id=written.case_id,
        audit=audit,
    )


def actor(client: ApiKeyRecord) -> str:
    """Who the audit log and ``stored_photos`` name for a key's reports."""
    return f"api:{client.name}"[:40]
