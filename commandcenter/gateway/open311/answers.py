"""Our records in Open311's JSON shapes: a service per category, a request with its status.

Open311 knows two statuses, ``open`` and ``closed``; ours adds ``in_review`` (待甄别: an operator
places the report first) — the case's own stage (受理, 派遣, 处置 …) is in ``status_notes``. Beside
Open311's fields a request carries ``case_number`` (the 案件编号 a citizen quotes on the phone).
"""

from __future__ import annotations

from datetime import datetime

from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.kinds import OPEN_CASE_STATUSES, CaseStatus
from commandcenter.domain.open311 import RequestStatus, ServiceRequestRecord
from commandcenter.domain.reviews import ReviewStatus
from commandcenter.gateway.open311.media import media_url, media_urls


def service(spec: CategorySpec) -> dict[str, object]:
    return {
        "service_code": spec.code,
        "service_name": spec.name,
        "description": spec.filing_condition,
        "metadata": False,
        "type": "realtime",
        "keywords": spec.kind,
        "group": spec.major_name,
    }


def open311_status(record: ServiceRequestRecord) -> str:
    """``open``/``closed`` by the case (an accepted 待甄别 item's too); ``closed`` for a review item an
    operator rejected; else the row's own status (``in_review``)."""
    if record.case_status is not None:
        return "open" if CaseStatus(record.case_status) in OPEN_CASE_STATUSES else "closed"
    if record.review_status == ReviewStatus.REJECTED:
        return "closed"
    return record.status.value


def status_notes(record: ServiceRequestRecord) -> str:
    stage = f"案件状态：{record.case_status} / case stage: {record.case_status}" if record.case_status else ""
    notes = record.status_notes
    if record.review_status == ReviewStatus.ACCEPTED:
        notes = "已受理 / accepted by an operator"
    elif record.review_status == ReviewStatus.REJECTED:
        notes = f"未受理：{record.review_note} / not accepted by an operator"
    return "；".join(part for part in (notes, stage) if part)


def posted(record: ServiceRequestRecord) -> dict[str, object]:
    """The POST answer: Open311's ``service_request_id``/``service_notice`` and ours."""
    answer: dict[str, object] = {
        "service_request_id": str(record.id),
        "service_notice": status_notes(record),
        "account_id": None,
        "status": open311_status(record),
        "case_number": record.case_number,
        "expected_datetime": _time(record.deadline_at),
    }
    if record.status is RequestStatus.IN_REVIEW:
        answer["token"] = str(record.id)
    return answer


def request(record: ServiceRequestRecord, base: str) -> dict[str, object]:
    """GET requests/{id}.json and each of GET requests.json: the request as it stands now. Photos
    are absolute URLs under ``base`` (``gateway.open311.media``): ``media_url`` the report's own
    photo, ``media_urls`` its case's 处置后 after-photos (as the webhooks name them)."""
    updated = record.case_updated_at or record.review_decided_at or record.received_at
    return {
        "service_request_id": str(record.id),
        "status": open311_status(record),
        "status_notes": status_notes(record),
        "service_code": record.service_code,
        "case_number": record.case_number,
        "requested_datetime": _time(record.received_at),
        "updated_datetime": _time(updated),
        "expected_datetime": _time(record.deadline_at),
        "lat": record.lat,
        "long": record.lon,
        "media_url": media_url(record.photo_uri, base),
        "media_urls": media_urls(record.after_photos, base),
    }


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")
