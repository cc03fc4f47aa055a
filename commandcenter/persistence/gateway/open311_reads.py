"""Reading ``open311_requests`` as a client asks after them: one request (by id or by its client's
own id), a key's requests by GeoReport v2's filters, each with its case (or its 待甄别 item's case)
and photos. A key reads only its own rows: another client's request is not there for it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, case, func, select

from commandcenter.domain.kinds import OPEN_CASE_STATUSES, PhotoStage
from commandcenter.domain.open311 import RequestQuery, RequestStatus, ServiceRequestRecord
from commandcenter.domain.reviews import ReviewStatus
from commandcenter.persistence.access import as_utc, maybe_utc, read_one, reading
from commandcenter.persistence.cases.desk_models import ScreeningReview
from commandcenter.persistence.cases.models import Case, CasePhoto
from commandcenter.persistence.gateway.models import Open311Request
from commandcenter.persistence.store import Store

_REQUEST = Open311Request
# The report's own photo is the one written with it (same instant: filing passes one ``now`` to the
# reservation and to intake); a 待甄别 item accepted later shows its case's first reported photo.
# (Two subqueries: SQLite cannot ORDER a correlated subquery by the outer row's column.)
_REPORTED = select(CasePhoto.uri).where(
    CasePhoto.case_id == Case.id, CasePhoto.stage == PhotoStage.REPORTED.value
)
_PHOTO = func.coalesce(
    _REPORTED.where(CasePhoto.ts == _REQUEST.received_at).order_by(CasePhoto.id).limit(1).scalar_subquery(),
    _REPORTED.order_by(CasePhoto.id).limit(1).scalar_subquery(),
)
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
    _PHOTO,
    Case.id,  # the case it is followed by (its own, or its 待甄别 item's)
)
# A report kept for 待甄别 becomes the case an operator accepts it as: its request follows that case.
WITH_CASE = (
    select(*_COLUMNS)
    .outerjoin(ScreeningReview, ScreeningReview.id == _REQUEST.review_id)
    .outerjoin(Case, Case.id == func.coalesce(_REQUEST.case_id, ScreeningReview.case_id))
)
# Open311's status in SQL, as ``gateway.open311.answers.open311_status`` words it.
_OPEN_VALUES = [status.value for status in OPEN_CASE_STATUSES]
OPEN311_STATUS = case(
    (and_(Case.id.is_not(None), Case.status.in_(_OPEN_VALUES)), "open"),
    (Case.id.is_not(None), "closed"),
    (ScreeningReview.status == ReviewStatus.REJECTED.value, "closed"),
    else_=_REQUEST.status,
)
# what a list shows: a request still being filed is not one yet, a refused one was answered 400
_LISTED = _REQUEST.status.not_in([RequestStatus.PENDING.value, RequestStatus.REJECTED.value])


def request_by_id(store: Store, api_key_id: int, request_id: int) -> ServiceRequestRecord | None:
    """The key's own request with its case's after-photos (another client's id answers None: a
    citizen's report is not public)."""
    with reading(store) as connection:
        found = read_records(connection, _REQUEST.id == request_id, _REQUEST.api_key_id == api_key_id)
    return found[0] if found else None


def request_by_client_ref(store: Store, api_key_id: int, client_ref: str) -> ServiceRequestRecord | None:
    statement = WITH_CASE.where(_REQUEST.api_key_id == api_key_id, _REQUEST.client_ref == client_ref)
    row = read_one(store, statement)
    return None if row is None else record(row)


def list_requests(store: Store, api_key_id: int, query: RequestQuery) -> list[ServiceRequestRecord]:
    """The key's requests by ``query``, the newest first, at most ``query.limit``."""
    where: list[ColumnElement[bool]] = [_REQUEST.api_key_id == api_key_id, _LISTED]
    if query.ids:
        where.append(_REQUEST.id.in_(query.ids))
    else:
        where += [_REQUEST.received_at >= query.start, _REQUEST.received_at <= query.end]
        if query.service_codes:
            where.append(_REQUEST.service_code.in_(query.service_codes))
        if query.statuses:
            where.append(OPEN311_STATUS.in_(query.statuses))
    with reading(store) as connection:
        return read_records(connection, *where, limit=query.limit)


def read_records(
    connection: Connection, *where: ColumnElement[bool], limit: int | None = None
) -> list[ServiceRequestRecord]:
    """The requests matching ``where`` with their cases' after-photos (one query more, for all)."""
    statement = WITH_CASE.where(*where).order_by(_REQUEST.received_at.desc(), _REQUEST.id.desc())
    rows = connection.execute(statement.limit(limit)).all()
    after = _after_photos(connection, {row[19] for row in rows if row[19] is not None})
    return [replace(record(row), after_photos=tuple(after.get(row[19], ()))) for row in rows]


def record(row: Any) -> ServiceRequestRecord:
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
        photo_uri=row[18],
    )


def _after_photos(connection: Connection, case_ids: set[int]) -> dict[int, list[str]]:
    photos: dict[int, list[str]] = defaultdict(list)
    if not case_ids:
        return photos
    statement = (
        select(CasePhoto.case_id, CasePhoto.uri)
        .where(CasePhoto.case_id.in_(sorted(case_ids)), CasePhoto.stage == PhotoStage.DISPOSED.value)
        .order_by(CasePhoto.id)
    )
    for case_id, uri in connection.execute(statement):
        photos[case_id].append(uri)
    return photos
