"""Which units carry a camera, on SQLite and PostgreSQL: the map's hover card and unit click rely on
it. Several cameras on one vehicle: an online one first, then the lowest code."""

from __future__ import annotations

from commandcenter.domain.kinds import CameraKind, UnitKind, VehicleKind
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cameras.unit_cameras import vehicle_cameras_by_unit
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.testing.minimal_district import minimal_district


def _vehicle(id_: int, unit_id: int | None) -> dict[str, object]:
    kind = VehicleKind.ENFORCEMENT.value
    return {"id": id_, "kind": kind, "plate": f"豫A·Z000{id_}", "office_id": 1, "unit_id": unit_id}


def _camera(id_: int, code: str, vehicle_id: int | None, online: bool = True) -> dict[str, object]:
    kind = CameraKind.VEHICLE.value if vehicle_id is not None else CameraKind.STREET.value
    row: dict[str, object] = {"id": id_, "code": code, "name": code, "kind": kind, "office_id": 1}
    return {**row, "vehicle_id": vehicle_id, "online": online}  # bulk insert: every row every key


def test_each_unit_with_a_vehicle_camera_gets_one_code(store: Store) -> None:
    rows = minimal_district()  # unit 1 is a patroller: no camera
    rows[Unit] += [
        {"id": unit_id, "kind": UnitKind.ENFORCEMENT.value, "label": f"车{unit_id}", "office_id": 1}
        for unit_id in (2, 3)
    ]
    rows[Vehicle] = [_vehicle(1, 2), _vehicle(2, 3), _vehicle(3, None)]
    rows[Camera] = [
        _camera(1, "VH-A", 1, online=False),
        _camera(2, "VH-B", 1),
        _camera(3, "VH-D", 2),
        _camera(4, "VH-C", 2),
        _camera(5, "VH-E", 3),  # its vehicle reports no positions: nothing on the map to click
        _camera(6, "ST-1", None),
    ]
    replace_all(store, rows)
    assert vehicle_cameras_by_unit(store) == {2: "VH-B", 3: "VH-C"}
