"""Which live units carry a camera (车载视频): unit id → the code of its vehicle camera.

The map asks once, in the background, so that its hover card can say a vehicle has video and a click
on the vehicle can open it on the wall without a query on the Qt thread. A vehicle camera hangs off
``vehicles.id``; the map knows units, so the join goes through ``vehicles.unit_id``.
"""

from __future__ import annotations

from sqlalchemy import select

from commandcenter.persistence.access import read_rows
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.store import Store


def vehicle_cameras_by_unit(store: Store) -> dict[int, str]:
    """``unit id → camera code`` for every unit whose vehicle has a camera; with several cameras on
    one vehicle, an online one first, then the lowest code (the same choice on every workstation)."""
    camera, vehicle = Camera, Vehicle
    statement = (
        select(vehicle.unit_id, camera.code)
        .join(vehicle, vehicle.id == camera.vehicle_id)
        .where(vehicle.unit_id.is_not(None))
        .order_by(camera.online.desc(), camera.code)
    )
    rows = read_rows(store, statement)
    chosen: dict[int, str] = {}
    for unit_id, code in rows:
        if unit_id is not None:  # the WHERE clause says so; the type checker cannot know
            chosen.setdefault(int(unit_id), str(code))
    return chosen
