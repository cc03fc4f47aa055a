"""Camera reads for the catalog and the nearest-camera index, and per-operator favourites.

The whole camera table (5,685 rows in the demo, 56,850 at scale 10) is read in one joined query:
the tree, the search index and the nearest-camera grid all want every camera at once, and one
round trip beats thousands. Vehicle positions are read separately because they change every few
seconds while the camera list does not. Codes → feeds (``feeds_for_codes``) is one ``IN`` query, so
a saved view of up to 64 cameras resolves in one round trip, not one ``camera_streams`` call each.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, insert, select

from commandcenter.domain.cameras import CameraEntry, CameraFeed, CameraPoint, CameraSummary, StreamUrls
from commandcenter.persistence.access import read_rows, reading, writing
from commandcenter.persistence.cameras.models import Camera, CameraFavouriteRow
from commandcenter.persistence.district.models import Office, Segment, Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit


def all_cameras(store: Store) -> list[CameraEntry]:
    """Every camera with its office and segment names, in code order."""
    camera, office, segment, vehicle = Camera, Office, Segment, Vehicle
    statement = (
        select(
            camera.code,
            camera.name,
            camera.kind,
            office.name,
            segment.name,
            camera.lon,
            camera.lat,
            camera.online,
            camera.main_url,
            camera.sub_url,
            camera.gb_device_id,
            vehicle.unit_id,
        )
        .outerjoin(office, office.id == camera.office_id)
        .outerjoin(segment, segment.id == camera.segment_id)
        .outerjoin(vehicle, vehicle.id == camera.vehicle_id)
        .order_by(camera.code)
    )
    rows = read_rows(store, statement)
    return [
        CameraEntry(
            code=row[0],
            name=row[1],
            kind=row[2],
            office=row[3],
            segment=row[4],
            lon=row[5],
            lat=row[6],
            online=bool(row[7]),
            main_url=row[8] or "",
            sub_url=row[9] or "",
            gb_device_id=row[10],
            vehicle_unit_id=row[11],
        )
        for row in rows
    ]


def camera_streams(store: Store, code: str) -> StreamUrls | None:
    """The stream URLs of one camera, or None when no camera has that code."""
    camera = Camera
    statement = select(camera.main_url, camera.sub_url).where(camera.code == code)
    with reading(store) as connection:
        row = connection.execute(statement).first()
    return None if row is None else StreamUrls(row[0] or "", row[1] or "")


def feeds_for_codes(store: Store, codes: Iterable[str]) -> dict[str, CameraFeed]:
    """``code → CameraFeed`` for the codes the cameras table knows; unknown codes are left out (the
    caller decides how to show a missing camera)."""
    wanted = sorted({code for code in codes if code})
    if not wanted:
        return {}
    camera = Camera
    statement = select(camera.code, camera.name, camera.main_url, camera.sub_url).where(
        camera.code.in_(wanted)
    )
    return {
        code: CameraFeed(code=code, name=name, main_url=main_url or "", sub_url=sub_url or "")
        for code, name, main_url, sub_url in read_rows(store, statement)
    }


def unit_positions(store: Store, unit_ids: list[int] | None = None) -> dict[int, tuple[float, float]]:
    """``unit id → (lon, lat)`` of the latest fix, for units that have one (all units if None)."""
    unit = Unit
    statement = select(unit.id, unit.last_lon, unit.last_lat).where(
        unit.last_lon.is_not(None), unit.last_lat.is_not(None)
    )
    if unit_ids is not None:
        statement = statement.where(unit.id.in_(unit_ids))
    rows = read_rows(store, statement)
    return {unit_id: (lon, lat) for unit_id, lon, lat in rows if lon is not None and lat is not None}


def favourites(store: Store, owner: str) -> set[str]:
    """The camera codes ``owner`` starred."""
    row = CameraFavouriteRow
    statement = select(row.camera_code).where(row.owner == owner)
    with reading(store) as connection:
        return set(connection.scalars(statement))


def set_favourite(store: Store, owner: str, code: str, starred: bool) -> None:
    """Star or unstar a camera; idempotent both ways (a second star is not an error)."""
    row = CameraFavouriteRow
    with writing(store) as connection:
        connection.execute(delete(row).where(row.owner == owner, row.camera_code == code))
        if starred:
            connection.execute(insert(row).values(owner=owner, camera_code=code))


def camera_points(store: Store, kind: str) -> list[CameraPoint]:
    """Every placed camera of one kind, in id order (vehicle cameras have no place and are skipped)."""
    statement = (
        select(Camera.id, Camera.name, Camera.lon, Camera.lat)
        .where(Camera.kind == kind, Camera.lon.is_not(None), Camera.lat.is_not(None))
        .order_by(Camera.id)
    )
    return [
        CameraPoint(id_, name, lon, lat)
        for id_, name, lon, lat in read_rows(store, statement)
        if lon is not None and lat is not None
    ]


def camera_summaries(
    store: Store, *, kind: str | None = None, online_only: bool = True, limit: int = 100
) -> list[CameraSummary]:
    """Cameras in id order, optionally of one kind: what the first wall view shows."""
    statement = select(Camera.code, Camera.name, Camera.kind, Camera.main_url, Camera.sub_url, Camera.online)
    if kind is not None:
        statement = statement.where(Camera.kind == kind)
    if online_only:
        statement = statement.where(Camera.online.is_(True))
    rows = read_rows(store, statement.order_by(Camera.id).limit(limit))
    return [
        CameraSummary(code, name, kind_, main, sub, online) for code, name, kind_, main, sub, online in rows
    ]
