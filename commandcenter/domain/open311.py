"""A report received through the Open311 intake API (``open311_requests``) as its client asks after
it: what it became (a case, a 待甄别 item, a refusal) and, for a case, where the case stands now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class RequestStatus(StrEnum):
    """The row's own status (Open311's ``open``/``closed`` plus ours); ``pending`` while it is filed."""

    PENDING = "pending"
    OPEN = "open"
    CLOSED = "closed"
    IN_REVIEW = "in_review"
    REJECTED = "rejected"


@dataclass(frozen=True)
class ServiceRequestRecord:
    id: int
    api_key_id: int
    client_ref: str | None
    received_at: datetime
    service_code: str
    lon: float | None
    lat: float | None
    status: RequestStatus
    status_notes: str
    case_id: int | None
    review_id: int | None
    # the case's side (None without a case)
    case_number: str | None = None
    case_status: str | None = None
    deadline_at: datetime | None = None
    case_updated_at: datetime | None = None
    # the 待甄别 item's side (None unless the report was kept for review)
    review_status: str | None = None  # ReviewStatus: 待甄别 / 已受理 / 已驳回
    review_note: str = ""  # the operator's reason when rejected
    review_decided_at: datetime | None = None
    # photos as stored (``photo:<sha256>`` or a client's own URL); the gateway makes them fetchable URLs
    photo_uri: str | None = None  # the report's own photo (else the case's first reported one)
    after_photos: tuple[str, ...] = ()  # the 处置后 photos of its case (read for GET answers only)


LIST_LIMIT = 1000  # GeoReport v2: GET requests answers "the most recent 90 days or first 1000"


@dataclass(frozen=True)
class RequestQuery:
    """GET requests.json's filters, checked (``gateway.open311.listing``): ``ids`` overrides the rest
    (as GeoReport v2 says); ``statuses`` are Open311's words (``open``, ``closed``; ours ``in_review``);
    the window ``start``..``end`` is on the request's ``requested_datetime``."""

    start: datetime
    end: datetime
    ids: tuple[int, ...] = ()
    service_codes: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    limit: int = LIST_LIMIT
