"""Filing one Open311 report (worker thread: every call here blocks on the database).

The order makes a repeat harmless and a failure leave nothing: the report is checked (category,
photo), then reserved (``open311_requests``, ``pending``) with its photo in the same transaction —
a ``client_ref`` this key sent before meets the unique constraint and answers the earlier request
instead — then the report is handed to ``CaseIntake.receive`` with the key's source, and the
request settled with what intake made of it IN intake's transaction (``along``: the case, its
settled request, its audit row and the answer's read commit together, or none of them). Anything
raised drops the reservation (the stored photo may stay: it is addressed by its bytes and
harmless). A refused photo stores nothing at all; a report screening refuses is settled alone.

Two writes a report (reserve + photo, one statement on PostgreSQL; then case or merge + settle +
audit + answer in one transaction) and intake's duplicate read: the least that keeps a repeat safe
across gateway processes — the reservation must commit before the case does, so a repeat elsewhere
meets it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection

from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.cases.intake import CaseIntake, IntakeOutcome
from commandcenter.domain.api_keys import ApiKeyRecord
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.open311 import RequestQuery, RequestStatus, ServiceRequestRecord
from commandcenter.domain.photos import PhotoRefused, check_photo
from commandcenter.gateway.open311.parsing import ServiceRequestInput
from commandcenter.gateway.open311.settling import actor, settle_in
from commandcenter.gateway.open311.words import (
    Open311Error,
    bad_field,
    in_progress,
    photo_too_large,
    rejection_line,
)
from commandcenter.geo.datum import Datum, to_wgs84
from commandcenter.persistence.cases.along import AlongWith, Written
from commandcenter.persistence.cases.photo_store import photo_uri
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.gateway import open311 as requests, open311_reads as reads
from commandcenter.persistence.store import Store

log = logging.getLogger(__name__)

REFRESH_S = 1.0
# A ``pending`` reservation older than this is a filing that died with the database (its drop failed
# too): a live filing holds its reservation for a few statements, milliseconds, and a client gave up
# on its answer long before (HTTP clients time out in 10–30 s); so a repeat may take it over. A filing
# only slow, not dead, then finds the row no longer its own when it settles (``ReservationLost``):
# its case is rolled back with the settle, it answers 409, and the repeat's filing stands.
STALE_RESERVATION = timedelta(seconds=60)


class Filing:
    def __init__(
        self, store: Store, intake: CurrentIntake, clock: Callable[[], datetime] | None = None
    ) -> None:
        """``intake``: the process's one ``CurrentIntake`` (its district index is built once)."""
        self.store, self._intake = store, intake
        self.clock = clock or (lambda: datetime.now(UTC))
        self._checked = -REFRESH_S  # when the intake was last asked for base-data changes

    def categories(self) -> list[CategorySpec]:
        return sorted(self._current().categories.values(), key=lambda spec: spec.code)

    def file(self, client: ApiKeyRecord, report: ServiceRequestInput) -> ServiceRequestRecord:
        """The request the report became (or was before, for a repeated ``client_ref``); a refusal
        by screening is the settled request with status ``rejected``. Raises ``Open311Error`` for
        bad input (nothing stored) and ``DatabaseUnavailable``."""
        intake = self._current()
        if report.service_code not in intake.categories:
            raise bad_field(
                "service_code", f"没有类别 {report.service_code}", "no such service (GET services.json)"
            )
        if report.photo is not None:
            _check_photo(report.photo.content, report.photo.media_type, client.profile.max_photo_bytes)
        lon, lat = to_wgs84(report.lon, report.lat, Datum(client.profile.datum.lower()))
        now = self.clock()
        reservation = requests.Reservation(client.id, report.client_ref, now, report.service_code, lon, lat)
        photo = _report_photo(client, report)
        request_id = requests.reserve_request(self.store, reservation, photo)
        if request_id is None:  # a repeat: this client_ref was sent before (here, or to another gateway)
            earlier = self._repeat(reservation, photo)
            if isinstance(earlier, ServiceRequestRecord):
                return earlier
            request_id = earlier  # a stale reservation, taken over for this report
        settled: dict[str, ServiceRequestRecord] = {}

        def settle(connection: Connection, written: Written) -> None:  # in intake's transaction
            settled["answer"] = settle_in(connection, client, request_id, now, written, report.service_code)

        try:
            outcome = self._receive(intake, client, report, lon, lat, now, settle)
            if "answer" in settled:
                return settled["answer"]
            line = rejection_line(outcome.result.rejections)  # refused: intake wrote nothing
            return requests.settle_request(
                self.store, request_id, now, RequestStatus.REJECTED, line, keep_client_ref=False
            )
        except requests.ReservationLost as error:  # a repeat took it over: it files the report
            raise in_progress() from error
        except BaseException:
            self._drop(request_id, now)
            raise

    def _repeat(
        self, reservation: requests.Reservation, photo: requests.ReportPhoto | None
    ) -> ServiceRequestRecord | int:
        """The earlier request to answer a repeat with, or the id of a stale reservation taken over
        for this report; ``Open311Error`` 409 while the earlier one is being filed."""
        assert reservation.client_ref is not None
        earlier = reads.request_by_client_ref(self.store, reservation.api_key_id, reservation.client_ref)
        if earlier is None:  # refused meanwhile (its client id freed): the client retries
            raise in_progress()
        if earlier.status is not RequestStatus.PENDING:
            return earlier
        stale_before = reservation.received_at - STALE_RESERVATION
        if earlier.received_at >= stale_before:
            raise in_progress()
        if not requests.take_over_stale(self.store, earlier.id, stale_before, reservation, photo):
            raise in_progress()  # another repeat took it over first
        log.warning("event=reservation_taken_over open311_request=%d", earlier.id)
        return earlier.id

    def _drop(self, request_id: int, reserved_at: datetime) -> None:
        """Forget the reservation of a filing that failed; with the database gone too, the row stays
        ``pending`` (a repeat of its ``client_ref`` answers 409 until ``STALE_RESERVATION`` has passed,
        then takes it over) and the log says which it is."""
        try:
            requests.drop_request(self.store, request_id, reserved_at)
        except DatabaseUnavailable:
            log.warning(
                "event=reservation_left open311_request=%d: the database went away while filing", request_id
            )

    def request(self, client: ApiKeyRecord, request_id: int) -> ServiceRequestRecord | None:
        return reads.request_by_id(self.store, client.id, request_id)

    def list_requests(self, client: ApiKeyRecord, query: RequestQuery) -> list[ServiceRequestRecord]:
        return reads.list_requests(self.store, client.id, query)

    def _receive(
        self,
        intake: CaseIntake,
        client: ApiKeyRecord,
        report: ServiceRequestInput,
        lon: float,
        lat: float,
        now: datetime,
        along: AlongWith,
    ) -> IntakeOutcome:
        photos: list[str] = []
        if report.photo is not None:  # stored with the reservation
            photos.append(photo_uri(report.photo.content))
        if report.media_url:
            photos.append(report.media_url)
        incoming = IncomingReport(
            category_code=report.service_code,
            lon=lon,
            lat=lat,
            source=client.profile.source,
            reporter=report.reporter,
            description=report.description,
            address=report.address,
            photos=tuple(photos),
            reporter_phone=report.phone,
        )
        return intake.receive(incoming, now, along=along)

    def _current(self) -> CaseIntake:
        """The process's intake, asked whether the base data changed at most once a ``REFRESH_S``
        (one read saved per report at a busy gateway; a moved 路长 is seen within a second)."""
        now = time.monotonic()
        intake = self._intake.built()
        if intake is None or now - self._checked >= REFRESH_S:
            intake = self._intake.current()
            self._checked = now
        assert intake is not None  # built without needs_district: never None
        return intake


def _check_photo(content: bytes, media_type: str, limit: int) -> None:
    if len(content) > limit:
        raise photo_too_large(len(content), limit)
    try:
        check_photo(content, _declared(media_type))
    except PhotoRefused as error:
        raise Open311Error.from_line(415, str(error)) from error


def _report_photo(client: ApiKeyRecord, report: ServiceRequestInput) -> requests.ReportPhoto | None:
    """The report's photo as it is stored: its type by its bytes (checked before, so it passes)."""
    if report.photo is None:
        return None
    kind = check_photo(report.photo.content, _declared(report.photo.media_type))
    return requests.ReportPhoto(report.photo.content, kind.value, actor(client))


def _declared(media_type: str) -> str | None:
    """The type a client declared, if it declared an image type (``application/octet-stream`` is a
    client that did not say: the bytes' signature decides)."""
    return media_type if media_type.startswith("image/") else None
