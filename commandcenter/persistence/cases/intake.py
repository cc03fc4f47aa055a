"""Writes of case intake: a new case with its first reporter and photos in ONE transaction, one more
reporter merged into an open case, later photos, and the reads of the case detail view.

``create_case`` runs ``insert_case`` in its own transaction: case numbers come from a per-day counter row
(``case_day_counters``) whose UPDATE serialises writers, so two workstations creating cases at once
never draw the same number.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, exc, func, insert, select, update

from commandcenter.district_time import district_clock
from commandcenter.domain.cases import NewCase
from commandcenter.domain.kinds import CaseStatus, PhotoStage
from commandcenter.domain.workflow_errors import UnknownCategory
from commandcenter.persistence.access import unavailable, writing
from commandcenter.persistence.cases.along import AlongWith, Written
from commandcenter.persistence.cases.models import (
    Case,
    CaseCategory,
    CaseDayCounter,
    CaseEvent,
    CasePhoto,
    CaseReporter,
)
from commandcenter.persistence.gateway.answers import answer_merge
from commandcenter.persistence.store import Store

MERGE_ACTION = "合并上报"  # a case event that records one more reporter; it changes no status
NUMBER_ATTEMPTS = 3  # PostgreSQL: two first-of-the-day inserts can race once; the retry then UPDATEs


def _next_number(connection: Connection, now: datetime) -> str:
    day = district_clock().day_key(now)
    counter = CaseDayCounter
    last = connection.execute(_BUMP_NUMBER, {"c_day": day}).scalar()
    if last is None:  # first case of the day here: start after what demo history already numbered
        already = connection.execute(
            select(func.count()).select_from(Case).where(Case.number.like(f"{day}-%"))
        ).scalar_one()
        last = already + 1
        connection.execute(insert(counter), {"day": day, "last": last})
    return f"{day}-{last:05d}"


def insert_case(connection: Connection, report: NewCase, now: datetime) -> int:
    """Insert the case in 受理 and its first event, inside the caller's transaction; returns its id."""
    category_id = connection.execute(_CATEGORY_ID, {"c_code": report.category_code}).scalar()
    if category_id is None:
        raise UnknownCategory(report.category_code)
    values = {
        "number": _next_number(connection, now),
        "category_id": category_id,
        "source": report.source,
        "status": CaseStatus.RECEIVED.value,
        "description": report.description,
        "address": report.address,
        "lon": report.lon,
        "lat": report.lat,
        "office_id": report.office_id,
        "segment_id": report.segment_id,
        "urgency": report.urgency,
        "created_at": now,
        "updated_at": now,
        "deadline_at": report.deadline_at.astimezone(UTC) if report.deadline_at else None,
        "version": 1,
        "rule_notes": list(report.notes) or None,
        "department_id": report.department_id,
        "handoff_deadline_at": _utc(report.handoff_deadline_at),
    }
    case_id = int(connection.execute(_ADD_CASE, values).scalar_one())
    connection.execute(
        _ADD_EVENT,
        {
            "case_id": case_id,
            "ts": now,
            "actor": report.reporter,
            "action": "受理",
            "from_status": None,
            "to_status": CaseStatus.RECEIVED.value,
            "note": report.description,
            "payload": _first_payload(report),
        },
    )
    return case_id


def create_case(
    store: Store,
    report: NewCase,
    now: datetime | None = None,
    photos: Sequence[str] = (),
    along: AlongWith | None = None,
) -> int:
    """A new case plus its reporter row and report photos, atomically (with what ``along`` writes);
    retries a lost numbering race. Only ``CaseIntake`` (after screening) and test fixtures call this:
    every source files through intake."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    for attempt in range(NUMBER_ATTEMPTS):
        try:
            with store.engine.begin() as connection:
                case_id = insert_case(connection, report, now)
                _insert_reporter(connection, case_id, report, now)
                _insert_photos(connection, case_id, PhotoStage.REPORTED, photos, report.reporter, now)
                if along is not None:
                    along(connection, Written(case_id=case_id))
                return case_id
        except exc.IntegrityError:
            if attempt == NUMBER_ATTEMPTS - 1:
                raise
        except exc.DBAPIError as error:
            raise unavailable(store, error) from error
    raise AssertionError("unreachable")


def merge_report(
    store: Store,
    case_id: int,
    report: NewCase,
    now: datetime,
    photos: Sequence[str] = (),
    along: AlongWith | None = None,
) -> None:
    """Add one more reporter (and photos) to an open case, with a timeline event that says so and the
    answer its Open311 clients are owed (``gateway.answers``: merged), in one transaction (with what
    ``along`` writes)."""
    now = now.astimezone(UTC)
    with writing(store) as connection:
        _insert_reporter(connection, case_id, report, now)
        _insert_photos(connection, case_id, PhotoStage.REPORTED, photos, report.reporter, now)
        connection.execute(
            _ADD_EVENT,
            {
                "case_id": case_id,
                "ts": now,
                "actor": report.reporter,
                "action": MERGE_ACTION,
                "from_status": None,
                "to_status": None,
                "note": report.description,
                "payload": {"source": report.source},
            },
        )
        answer_merge(connection, case_id, now)
        if along is not None:
            along(connection, Written(case_id=case_id, merged=True))


def add_photos(store: Store, case_id: int, stage: PhotoStage, uris: Sequence[str], taken_by: str) -> None:
    with writing(store) as connection:
        _insert_photos(connection, case_id, stage, uris, taken_by, datetime.now(UTC))


def _insert_reporter(connection: Connection, case_id: int, report: NewCase, now: datetime) -> None:
    connection.execute(
        _ADD_REPORTER,
        {
            "case_id": case_id,
            "ts": now,
            "reporter": report.reporter[:40],
            "source": report.source[:16],
            "description": report.description,
            "lon": report.lon,
            "lat": report.lat,
            "feedback": "",
            "phone": report.reporter_phone or None,
        },
    )


def _insert_photos(
    connection: Connection, case_id: int, stage: PhotoStage, uris: Sequence[str], by: str, now: datetime
) -> None:
    if uris:
        rows = [{"case_id": case_id, "stage": stage.value, "uri": u, "ts": now, "taken_by": by} for u in uris]
        connection.execute(_ADD_PHOTOS, rows)


def _first_payload(report: NewCase) -> dict[str, Any]:
    """The 受理 event's payload: where the report came from, and what the office's case rules noted."""
    payload: dict[str, Any] = {"source": report.source}
    if report.notes:
        payload["rule_notes"] = list(report.notes)
    return payload


def _utc(moment: datetime | None) -> datetime | None:
    return moment.astimezone(UTC) if moment is not None else None


# Built once: every report filed or merged runs them (a statement built per call costs SQLAlchemy
# more than its execution; see ``accounts.audit_log``).
_ADD_EVENT = insert(CaseEvent)
_ADD_REPORTER = insert(CaseReporter)
_ADD_PHOTOS = insert(CasePhoto)
_ADD_CASE = insert(Case).returning(Case.id)
_CATEGORY_ID = select(CaseCategory.id).where(CaseCategory.code == bindparam("c_code"))
_BUMP_NUMBER = (
    update(CaseDayCounter)
    .where(CaseDayCounter.day == bindparam("c_day"))
    .values(last=CaseDayCounter.last + 1)
    .returning(CaseDayCounter.last)
)
