"""``open311_requests``: each report the Open311 intake API received, and what it became.

A report is *reserved* first (status ``pending``, with the client's id) so a repeat of the same
client id — a retry after a lost answer, on this gateway or another on the same PostgreSQL — meets
the unique (api_key_id, client_ref) constraint instead of filing a second case; then *settled*
with the case or 待甄别 item intake made of it, or *dropped* if filing failed (nothing half-stored).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exc, func, insert, select, update

from commandcenter.domain.open311 import RequestStatus, ServiceRequestRecord
from commandcenter.persistence.access import as_utc, maybe_utc, read_one, unavailable, writing
from commandcenter.persistence.accounts.audit_log import append_in
from commandcenter.persistence.cases.desk_models import ScreeningReview
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.gateway.models import Open311Request
from commandcenter.persistence.store import Store

_REQUEST = Open311Request


@dataclass(frozen=True)
class AuditNote:
    """The audit row a settled request is written with (``audit.trail`` vocabulary)."""

    actor: str
    action: str
    target: str
    details: Mapping[str, Any]
    at: datetime


def reserve_request(
    store: Store,
    api_key_id: int,
    client_ref: str | None,
    received_at: datetime,
    service_code: str,
    lon: float,
    lat: float,
) -> int | None:
    """The new row's id, or None when this key already sent ``client_ref`` (read it instead)."""
    values = {
        "api_key_id": api_key_id,
        "client_ref": client_ref,
        "received_at": received_at,
        "service_code": service_code,
        "lon": lon,
        "lat": lat,
        "status": RequestStatus.PENDING.value,
        "status_notes": "",
    }
    try:
        with store.engine.begin() as connection:
            inserted = connection.execute(insert(_REQUEST).values(**values).returning(_REQUEST.id))
            return int(inserted.scalar_one())
    except exc.IntegrityError:
        if client_ref is None:
            raise
        return None
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def settle_request(
    store: Store,
    request_id: int,
    status: RequestStatus,
    notes: str,
    *,
    case_id: int | None = None,
    review_id: int | None = None,
    keep_client_ref: bool = True,
    audit: AuditNote | None = None,
) -> None:
    """Record what the report became, with its audit row in the same transaction (a filed case's
    request is settled and audited together, or neither). ``keep_client_ref=False`` (a refusal) frees
    the client's id, so the corrected report may be sent again under it."""
    changes: dict[str, Any] = {
        "status": status.value,
        "status_notes": notes,
        "case_id": case_id,
        "review_id": review_id,
    }
    if not keep_client_ref:
        changes["client_ref"] = None
    with writing(store) as connection:
        connection.execute(update(_REQUEST).where(_REQUEST.id == request_id).values(**changes))
        if audit is not None:
            append_in(
                connection, audit.actor[:40], audit.action[:32], audit.target[:120], audit.details, audit.at
            )


def drop_request(store: Store, request_id: int) -> None:
    """Forget a reservation whose filing failed (the database went away, a photo was refused)."""
    with writing(store) as connection:
        connection.execute(delete(_REQUEST).where(_REQUEST.id == request_id))


_COLUMNS = (
    _REQUEST.id,
    _REQUEST.api_key_id,
    _REQUEST.client_ref,
    _REQUEST.received_at,
    _REQUEST.service_code,
    _REQUEST.lon,
    _REQUEST.lat,
    _REQUEST.status,
    _REQUEST.status_notes,
    _REQUEST.case_id,
    _REQUEST.review_id,
    Case.number,
    Case.status,
    Case.deadline_at,
    Case.updated_at,
    ScreeningReview.status,
    ScreeningReview.decision_note,
    ScreeningReview.decided_at,
)
# A report kept for 待甄别 becomes the case an operator accepts it as: its request follows that case.
_WITH_CASE = (
    select(*_COLUMNS)
    .outerjoin(ScreeningReview, ScreeningReview.id == _REQUEST.review_id)
    .outerjoin(Case, Case.id == func.coalesce(_REQUEST.case_id, ScreeningReview.case_id))
)


def request_by_id(store: Store, api_key_id: int, request_id: int) -> ServiceRequestRecord | None:
    """The key's own request (another client's id answers None: a citizen's report is not public)."""
    statement = _WITH_CASE.where(_REQUEST.id == request_id, _REQUEST.api_key_id == api_key_id)
    row = read_one(store, statement)
    return None if row is None else _record(row)


def request_by_client_ref(store: Store, api_key_id: int, client_ref: str) -> ServiceRequestRecord | None:
    statement = _WITH_CASE.where(_REQUEST.api_key_id == api_key_id, _REQUEST.client_ref == client_ref)
    row = read_one(store, statement)
    return None if row is None else _record(row)


def _record(row: Any) -> ServiceRequestRecord:
    return ServiceRequestRecord(
        id=row[0],
        api_key_id=row[1],
        client_ref=row[2],
        received_at=as_utc(row[3]),
        service_code=row[4],
        lon=row[5],
        lat=row[6],
        status=RequestStatus(row[7]),
        status_notes=row[8] or "",
        case_id=row[9],
        review_id=row[10],
        case_number=row[11],
        case_status=row[12],
        deadline_at=maybe_utc(row[13]),
        case_updated_at=maybe_utc(row[14]),
        review_status=row[15],
        review_note=row[16] or "",
        review_decided_at=maybe_utc(row[17]),
    )
