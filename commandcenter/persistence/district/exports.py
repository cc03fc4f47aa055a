"""The stored district as import inputs: what ``district export`` writes and an import reads back.

Reading it in the importer's own records keeps the two directions honest — a district exported and
imported again is the same district (tests/core/test_district_import.py proves the round trip).
"""

from __future__ import annotations

from sqlalchemy import select

from commandcenter.domain.cameras import CameraEntry
from commandcenter.domain.district_import import (
    DistrictImportPlan,
    OfficeInput,
    Origin,
    RoadInput,
    SegmentInput,
    StaffInput,
    VehicleInput,
)
from commandcenter.persistence.access import read_rows
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.district.models import Office, Road, Segment, Staff, Vehicle
from commandcenter.persistence.store import Store


def district_snapshot(store: Store) -> DistrictImportPlan:
    """Every office, road, segment, member of staff, vehicle and camera, in id order."""
    plan = DistrictImportPlan()
    office_names = {}
    for id_, name, code, kind, boundary in read_rows(
        store, select(Office.id, Office.name, Office.code, Office.kind, Office.boundary).order_by(Office.id)
    ):
        office_names[id_] = name
        plan.offices.append(OfficeInput(Origin("offices", id_), name, code, kind, boundary))
    road_names = {}
    for id_, name, grade, geometry in read_rows(
        store, select(Road.id, Road.name, Road.grade, Road.geometry).order_by(Road.id)
    ):
        road_names[id_] = name
        plan.roads.append(RoadInput(Origin("roads", id_), name, grade, geometry))
    segment_codes = {}
    segment_names: dict[int, str] = {}
    columns = (
        Segment.id,
        Segment.number,
        Segment.road_id,
        Segment.office_id,
        Segment.name,
        Segment.geometry,
        Segment.difficulty,
    )
    for id_, code, road_id, office_id, name, geometry, difficulty in read_rows(
        store, select(*columns).order_by(Segment.id)
    ):
        segment_codes[id_] = code
        segment_names[id_] = name
        plan.segments.append(
            SegmentInput(
                Origin("segments", id_),
                code,
                road_names[road_id],
                office_names[office_id],
                name,
                geometry,
                difficulty,
            )
        )
    staff = (
        Staff.id,
        Staff.code,
        Staff.name,
        Staff.phone,
        Staff.role,
        Staff.office_id,
        Staff.segment_id,
        Staff.shift,
    )
    for id_, code, name, phone, role, office_id, segment_id, shift in read_rows(
        store, select(*staff).order_by(Staff.id)
    ):
        segment = segment_codes.get(segment_id) if segment_id is not None else None
        plan.staff.append(
            StaffInput(Origin("staff", id_), code, name, phone, role, office_names[office_id], segment, shift)
        )
    vehicle = (
        Vehicle.id,
        Vehicle.plate,
        Vehicle.kind,
        Vehicle.company,
        Vehicle.terminal_id,
        Vehicle.office_id,
    )
    for id_, plate, kind, company, terminal, vehicle_office in read_rows(
        store, select(*vehicle).order_by(Vehicle.id)
    ):
        office = office_names.get(vehicle_office) if vehicle_office is not None else None
        plan.vehicles.append(VehicleInput(Origin("vehicles", id_), plate, kind, company, terminal, office))
    plan.cameras = _cameras(store, office_names, segment_names)
    return plan


def _cameras(store: Store, office_names: dict[int, str], segment_names: dict[int, str]) -> list[CameraEntry]:
    columns = (
        Camera.code,
        Camera.name,
        Camera.kind,
        Camera.office_id,
        Camera.segment_id,
        Camera.lon,
        Camera.lat,
        Camera.online,
        Camera.main_url,
        Camera.sub_url,
        Camera.gb_device_id,
    )
    return [
        CameraEntry(
            code,
            name,
            kind,
            office_names.get(office_id) if office_id is not None else None,
            segment_names.get(segment_id) if segment_id is not None else None,
            lon,
            lat,
            bool(online),
            main_url or "",
            sub_url or "",
            gb_device_id,
        )
        for (code, name, kind, office_id, segment_id, lon, lat, online, main_url, sub_url, gb_device_id) in (
            read_rows(store, select(*columns).order_by(Camera.id))
        )
    ]
