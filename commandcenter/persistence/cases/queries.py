"""Reads of cases that are not the board or the detail: the duplicate check of intake, a case's office
(the services' scope check), search, the newest cases and the change marker.

``open_cases_near`` runs per incoming report: the rest of screening works on the in-memory district
index, but another workstation may have created the duplicate a second ago. Search text is always a
bound parameter (never formatted into SQL), with LIKE wildcards escaped.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, func, literal, or_, select

from commandcenter.domain.cases import CaseSummary, NearbyCase
from commandcenter.domain.kinds import OPEN_CASE_STATUSES
from commandcenter.domain.workflow_errors import CaseNotFound
from commandcenter.geo import EARTH_RADIUS_M, haversine_m
from commandcenter.persistence.access import as_utc, read_one, read_rows, reading
from commandcenter.persistence.cases.models import Case, CaseCategory, CaseEvent
from commandcenter.persistence.district.models import Office
from commandcenter.persistence.store import Store


def open_cases_near(
    store: Store, category_code: str, lon: float, lat: float, radius_m: float, since: datetime
) -> list[NearbyCase]:
    """Open cases of one 小类 created at or after ``since`` within ``radius_m`` of a point, nearest
    first. SQL filters by a lon/lat box around the circle; the exact distance is haversine."""
    dlat = math.degrees(radius_m / EARTH_RADIUS_M) * 1.01  # a hair wider: the box must hold the circle
    dlon = dlat / max(math.cos(math.radians(lat)), 1e-6)
    bounds = {
        "n_code": category_code,
        "n_since": since.astimezone(UTC),  # SQLite compares UTC text
        "n_west": lon - dlon,
        "n_east": lon + dlon,
        "n_south": lat - dlat,
        "n_north": lat + dlat,
    }
    with reading(store) as connection:
        rows = connection.execute(_NEAR, bounds).all()
    found = [
        NearbyCase(id_, number, code, status, case_lon, case_lat, as_utc(created_at), distance)
        for id_, number, code, status, case_lon, case_lat, created_at in rows
        if (distance := haversine_m(lon, lat, case_lon, case_lat)) <= radius_m
    ]
    return sorted(found, key=lambda nearby: (nearby.distance_m, nearby.id))


# Built once: intake asks it for every report (a gateway files hundreds a second, and building this
# select per call cost more than the database's answer).
_NEAR = (
    select(Case.id, Case.number, CaseCategory.code, Case.status, Case.lon, Case.lat, Case.created_at)
    .join(CaseCategory, CaseCategory.id == Case.category_id)
    .where(
        CaseCategory.code == bindparam("n_code"),
        # each status its own bound value: a list of plain values is an "expanding" parameter that
        # SQLAlchemy renders into the SQL again at every execution (3.5 % of a busy gateway's CPU)
        Case.status.in_([literal(status.value) for status in OPEN_CASE_STATUSES]),
        Case.created_at >= bindparam("n_since"),
        Case.lon.between(bindparam("n_west"), bindparam("n_east")),
        Case.lat.between(bindparam("n_south"), bindparam("n_north")),
    )
)


def case_office(store: Store, case_id: int) -> int | None:
    """The office a case belongs to (None: not yet located); ``CaseNotFound`` if there is no case."""
    return case_holders(store, case_id)[0]


def case_holders(store: Store, case_id: int) -> tuple[int | None, int | None]:
    """(office, department) of a case — who may see it besides the centre; ``CaseNotFound`` if none."""
    with reading(store) as connection:
        row = connection.execute(select(Case.office_id, Case.department_id).where(Case.id == case_id)).first()
    if row is None:
        raise CaseNotFound(case_id)
    return row[0], row[1]


def search_cases(
    store: Store,
    *,
    office_id: int | None,
    text: str = "",
    status: str | None = None,
    limit: int = 200,
    department_id: int | None = None,
) -> list[CaseSummary]:
    """Newest first. ``office_id`` None means every office; ``text`` matches number, address or
    description as a literal substring (LIKE wildcards in it are escaped)."""
    case = Case
    statement = case_rows_statement(limit)
    if office_id is not None:
        statement = statement.where(case.office_id == office_id)
    if department_id is not None:
        statement = statement.where(case.department_id == department_id)
    if status:
        statement = statement.where(case.status == status)
    if text:
        pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        statement = statement.where(
            or_(
                case.number.like(pattern, escape="\\"),
                case.address.like(pattern, escape="\\"),
                case.description.like(pattern, escape="\\"),
            )
        )
    with reading(store) as connection:
        return [CaseSummary(*row) for row in connection.execute(statement)]


def case_rows_statement(limit: int) -> Any:
    """The newest cases as ``CaseSummary`` columns; callers add their filters (office, status, text)."""
    return (
        select(
            Case.id,
            Case.number,
            CaseCategory.name,
            Case.status,
            Case.address,
            Office.name,
            Case.created_at,
            Case.urgency,
        )
        .join(CaseCategory, CaseCategory.id == Case.category_id)
        .outerjoin(Office, Office.id == Case.office_id)
        .order_by(Case.id.desc())
        .limit(limit)
    )


def recent_cases(store: Store, limit: int = 200) -> list[CaseSummary]:
    return [_summary(row) for row in read_rows(store, case_rows_statement(limit))]


def _summary(row: Any) -> CaseSummary:
    id_, number, category, status, address, office, created_at, urgency = row
    return CaseSummary(id_, number, category, status, address, office, as_utc(created_at), urgency)


def change_marker(store: Store) -> tuple[int, int]:
    """Cheap "did anything change?" probe for polling clients: (cases high-water, events high-water)."""
    cases = read_one(store, select(func.coalesce(func.max(Case.id), 0)))
    events = read_one(store, select(func.coalesce(func.max(CaseEvent.id), 0)))
    return int(cases[0]) if cases else 0, int(events[0]) if events else 0
