"""``open311_requests``: each report the Open311 intake API received, and what it became.

A report is *reserved* first (status ``pending``, with the client's id) so a repeat of the same
client id — a retry after a lost answer, on this gateway or another on the same PostgreSQL — meets
the unique (api_key_id, client_ref) constraint instead of filing a second case; then *settled*
with the case or 待甄别 item intake made of it (in intake's own transaction), or *dropped* if filing
failed (nothing half-stored).
A reservation left ``pending`` by a filing that died with the database is *taken over* by a later
repeat (``take_over_stale``). Reading the rows is ``open311_reads``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, exc, insert, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert

from commandcenter.domain.open311 import RequestStatus, ServiceRequestRecord
from commandcenter.persistence.access import unavailable, writing
from commandcenter.persistence.accounts.audit_log import append_in
from commandcenter.persistence.cases.desk_models import StoredPhoto
from commandcenter.persistence.cases.photo_store import photo_row, store_photo_in
from commandcenter.persistence.gateway.models import Open311Request
from commandcenter.persistence.gateway.open311_reads import WITH_CASE, record
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


@dataclass(frozen=True)
class Reservation:
    """What a report is reserved with (its point already in WGS-84)."""

    api_key_id: int
    client_ref: str | None
    received_at: datetime
    service_code: str
    lon: float
    lat: float


@dataclass(frozen=True)
class ReportPhoto:
    """A report's photo, checked, kept with its reservation (``stored_photos``)."""

    content: bytes
    media_type: str
    stored_by: str


def reserve_request(store: Store, reservation: Reservation, photo: ReportPhoto | None = None) -> int | None:
    """The new row's id — its photo stored in the same transaction — or None when this key already
    sent ``client_ref`` (read it instead; nothing was stored)."""
    values = {
        "api_key_id": reservation.api_key_id,
        "client_ref": reservation.client_ref,
        "received_at": reservation.received_at,
        "service_code": reservation.service_code,
        "lon": reservation.lon,
        "lat": reservation.lat,
        "status": RequestStatus.PENDING.value,
        "status_notes": "",
    }
    try:
        if photo is not None and store.dialect == "postgresql":  # one statement: atomic by itself
            row = photo_row(photo.content, photo.media_type, photo.stored_by, reservation.received_at)
            with store.binary.connect() as connection:  # the photo as its bytes, not as hex text
                parameters = values | {f"p_{name}": value for name, value in row.items()}
                return int(connection.execute(_RESERVE_WITH_PHOTO, parameters).scalar_one())
        with store.engine.begin() as connection:
            inserted = connection.execute(_RESERVE, values)
            request_id = int(inserted.scalar_one())
            _keep_photo(connection, photo, reservation.received_at)
            return request_id
    except exc.IntegrityError:
        if reservation.client_ref is None:
            raise
        return None
    except exc.DBAPIError as error:
        raise unavailable(store, error) from error


def take_over_stale(
    store: Store, request_id: int, stale_before: datetime, reservation: Reservation, photo: ReportPhoto | None
) -> bool:
    """Take a ``pending`` reservation received before ``stale_before`` over for this report (its
    filing died with the database and could not drop it). A conditional UPDATE: of two repeats racing
    for it, one changes the row (its new ``received_at`` no longer matches the other's WHERE —
    PostgreSQL re-checks it on the locked row, SQLite serialises writers) and the other gets False."""
    with writing(store) as connection:
        taken = connection.execute(
            update(_REQUEST)
            .where(
                _REQUEST.id == request_id,
                _REQUEST.status == RequestStatus.PENDING.value,
                _REQUEST.received_at < stale_before,
            )
            .values(
                received_at=reservation.received_at,
                service_code=reservation.service_code,
                lon=reservation.lon,
                lat=reservation.lat,
            )
        ).rowcount
        if taken == 1:
            _keep_photo(connection, photo, reservation.received_at)
    return taken == 1


def _keep_photo(connection: Connection, photo: ReportPhoto | None, now: datetime) -> None:
    if photo is not None:
        store_photo_in(connection, photo.content, photo.media_type, photo.stored_by, now)


class ReservationLost(RuntimeError):
    """The reservation is no longer this filing's (a repeat took it over after ``STALE_RESERVATION``):
    raised inside intake's transaction, so the case it was about to answer is rolled back too."""


def settle_in(
    connection: Connection,
    request_id: int,
    reserved_at: datetime,
    status: RequestStatus,
    notes: str,
    *,
    case_id: int | None = None,
    review_id: int | None = None,
    keep_client_ref: bool = True,
    audit: AuditNote | None = None,
) -> ServiceRequestRecord:
    """Record what the report became, in the caller's transaction (intake's: the case and its answer
    commit together), with its audit row, and answer the settled request as that transaction sees
    it (no round trip more for the answer). Only the filing that reserved the row at ``reserved_at``
    settles it (``ReservationLost`` otherwise). ``keep_client_ref=False`` (a refusal) frees the
    client's id, so the corrected report may be sent again under it."""
    changes: dict[str, Any] = {
        "status": status.value,
        "status_notes": notes,
        "case_id": case_id,
        "review_id": review_id,
    }
    if not keep_client_ref:
        changes["client_ref"] = None
    if connection.execute(_SETTLE, changes | _mine(request_id, reserved_at)).rowcount != 1:
        raise ReservationLost(request_id)
    settled = record(connection.execute(_SETTLED, {"b_id": request_id}).one())
    if audit is not None:  # last: the audit chain's lock is held from here to the commit
        append_in(
            connection, audit.actor[:40], audit.action[:32], audit.target[:120], audit.details, audit.at
        )
    return settled


def settle_request(
    store: Store, request_id: int, reserved_at: datetime, status: RequestStatus, notes: str, **how: Any
) -> ServiceRequestRecord:
    """``settle_in`` in a transaction of its own (a refusal: intake wrote nothing to join)."""
    with writing(store) as connection:
        return settle_in(connection, request_id, reserved_at, status, notes, **how)


# Built once (a gateway files hundreds of reports a second; see ``audit_log`` for what that saves).
# The row as this filing reserved it (or took it over): still pending, still its time (``_mine``).
_MINE = (
    _REQUEST.id == bindparam("b_id"),
    _REQUEST.status == bindparam("b_pending"),
    _REQUEST.received_at == bindparam("b_at"),
)
_RESERVE = insert(_REQUEST).returning(_REQUEST.id)
# PostgreSQL: the photo kept by a data-modifying WITH of the reservation's own INSERT — one round trip
# where a transaction took four (BEGIN, two INSERTs, COMMIT); a repeated client_ref fails both.
_PHOTO_COLUMNS = ("sha256", "media_type", "size", "content", "stored_at", "stored_by")
_RESERVE_WITH_PHOTO = _RESERVE.add_cte(
    postgresql_insert(StoredPhoto)
    .values({name: bindparam(f"p_{name}") for name in _PHOTO_COLUMNS})
    .on_conflict_do_nothing(index_elements=[StoredPhoto.sha256])
    .cte("kept_photo")
)
_SETTLE = update(_REQUEST).where(*_MINE)  # the SET columns come from the call's parameters
_DROP = delete(_REQUEST).where(*_MINE)
_SETTLED = WITH_CASE.where(_REQUEST.id == bindparam("b_id"))


def _mine(request_id: int, reserved_at: datetime) -> dict[str, Any]:
    return {"b_id": request_id, "b_pending": RequestStatus.PENDING.value, "b_at": reserved_at}


def drop_request(store: Store, request_id: int, reserved_at: datetime) -> None:
    """Forget a reservation whose filing failed (the database went away …) — unless a repeat has
    taken it over meanwhile: then it is the repeat's to settle."""
    with writing(store) as connection:
        connection.execute(_DROP, _mine(request_id, reserved_at))
