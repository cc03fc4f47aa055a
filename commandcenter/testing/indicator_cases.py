"""Cases written straight into the tables for the evaluation's tests and benchmark: thousands at once
(``bulk_insert``), each in the state a test names — received, dispatched with a deadline, closed in
time or late, reworked, extended — without walking the workflow step by step. The district is the
minimal one with a second office (``two_office_district``), so office scoping has something to hide.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.access import writing
from commandcenter.persistence.base import Base
from commandcenter.persistence.bulk_insert import insert_rows
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.district.models import Office, Segment
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district


def two_office_district() -> dict[type[Base], list[dict[str, object]]]:
    """The minimal district (office 1 建中街街道, segment 1) plus office 2 淮河路街道 with segment 2."""
    data = minimal_district()
    office = dict(data[Office][0], id=2, code="410103009", name="淮河路街道")
    segment = dict(data[Segment][0], id=2, number="EQ-0002", office_id=2, name="大学路第2段")
    data[Office].append(office)
    data[Segment].append(segment)
    return data


def case_row(
    case_id: int,
    received_at: datetime,
    *,
    status: CaseStatus = CaseStatus.RECEIVED,
    office_id: int | None = 1,
    category_id: int = 1,
    dispatched_at: datetime | None = None,
    deadline_at: datetime | None = None,
    closed_at: datetime | None = None,
    updated_at: datetime | None = None,
    rework_count: int = 0,
    extension_count: int = 0,
    staff_id: int | None = None,
) -> dict[str, Any]:
    """One ``cases`` row (segment = office, as in ``two_office_district``)."""
    return {
        "id": case_id,
        "number": f"T{case_id:012d}",
        "category_id": category_id,
        "source": "市民上报",
        "status": status.value,
        "description": "考核测试",
        "address": "大学路",
        "lon": 113.61,
        "lat": 34.71,
        "office_id": office_id,
        "segment_id": office_id,
        "assignee_staff_id": staff_id,
        "urgency": 2,
        "created_at": received_at,
        "deadline_at": deadline_at,
        "updated_at": updated_at or closed_at or dispatched_at or received_at,
        "version": 1,
        "rework_count": rework_count,
        "extension_count": extension_count,
        "dispatched_at": dispatched_at,
        "closed_at": closed_at,
    }


def store_rows(store: Store, table: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` into ``table`` in one transaction (COPY on PostgreSQL). Times go in as UTC,
    as the store writes them (SQLite keeps only the wall clock it is given)."""
    in_utc = [{key: _utc(value) for key, value in row.items()} for row in rows]
    with writing(store) as connection:
        insert_rows(connection, table.__table__, in_utc)  # type: ignore[arg-type]


def _utc(value: Any) -> Any:
    return value.astimezone(UTC) if isinstance(value, datetime) else value


def load_two_offices(store: Store, cases: Sequence[Mapping[str, Any]] = ()) -> None:
    """Replace the store's district with ``two_office_district`` and write ``cases``."""
    replace_all(store, two_office_district())
    store_rows(store, Case, cases)
