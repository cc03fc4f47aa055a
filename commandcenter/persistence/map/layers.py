"""The reads behind the map's vector layers: office boundaries, roads, open-case pins, camera places.

Each is one query returning plain dataclasses (WGS-84 as stored); the map runs them on a worker
thread and projects the result there too. Kept apart from ``store.py`` (already the biggest module)
so the map's needs can grow without touching the shared store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select

from commandcenter.domain.cameras import CameraMarker
from commandcenter.domain.cases import CasePin
from commandcenter.domain.district import Outline
from commandcenter.domain.kinds import OPEN_CASE_STATUSES, CameraKind
from commandcenter.persistence.access import reading
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cases.models import Case
from commandcenter.persistence.district.models import Office, Road
from commandcenter.persistence.store import Store

T = TypeVar("T")


def _read(store: Store, statement: Any, build: Callable[[Any], T]) -> list[T]:
    with reading(store) as connection:
        return [build(row) for row in connection.execute(statement)]


def office_outlines(store: Store) -> list[Outline]:
    office = Office
    statement = select(office.id, office.name, office.boundary).order_by(office.id)
    return _read(store, statement, lambda row: Outline(*row))


def road_outlines(store: Store) -> list[Outline]:
    road = Road
    statement = select(road.id, road.name, road.geometry).order_by(road.id)
    return _read(store, statement, lambda row: Outline(*row))


def open_case_pins(store: Store, office_id: int | None = None, limit: int = 2000) -> list[CasePin]:
    """Open cases (not closed, rejected or void), newest first, capped: a pin map of 20,000 helps
    nobody. Only ``office_id``'s when given (an office user's map)."""
    case = Case
    scope = () if office_id is None else (case.office_id == office_id,)
    statement = (
        select(
            case.id,
            case.number,
            case.lon,
            case.lat,
            case.urgency,
            case.status,
            case.segment_id,
            case.deadline_at,
        )
        .where(case.status.in_([status.value for status in OPEN_CASE_STATUSES]), *scope)
        .order_by(case.id.desc())
        .limit(limit)
    )
    return _read(store, statement, lambda row: CasePin(*row))


def camera_markers(store: Store) -> list[CameraMarker]:
    """Every placed fixed camera (vehicle cameras move with their unit and have no place)."""
    camera = Camera
    statement = (
        select(camera.code, camera.name, camera.lon, camera.lat)
        .where(camera.kind != CameraKind.VEHICLE.value, camera.lon.is_not(None), camera.lat.is_not(None))
        .order_by(camera.id)
    )
    return _read(store, statement, lambda row: CameraMarker(*row))
