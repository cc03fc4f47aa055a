"""Storing a checked district import in one transaction: insert new records, update known ones.

Records are matched the way the files name them — offices and roads by name, segments by code,
staff by code, vehicles by plate — so importing the same files twice changes nothing and an
updated file updates in place instead of duplicating. Records missing from a file are kept (a
partial file must not delete half a district). Every city manager and every vehicle gets its map
unit, without a position until its phone or terminal first reports; the first import into an empty
database also stores the national case categories. All writes are bulk statements
(one INSERT … RETURNING or UPDATE per table and kind of change), so a whole city stores in seconds.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update

from commandcenter.domain.categories import category_rows
from commandcenter.domain.district_import import (
    DistrictImportPlan,
    DistrictImportReport,
    KnownDistrict,
    Line,
)
from commandcenter.domain.kinds import StaffRole, UnitKind, VehicleKind
from commandcenter.geo.distance import bbox_of, polyline_length_m
from commandcenter.persistence.access import read_rows, writing
from commandcenter.persistence.base import Base
from commandcenter.persistence.bulk_insert import insert_rows_with_ids
from commandcenter.persistence.cameras.imports import save_cameras_in
from commandcenter.persistence.cases.models import CaseCategory
from commandcenter.persistence.district.models import Office, Road, Segment, Staff, Vehicle
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit

_VEHICLE_UNIT = {
    VehicleKind.MUCK_TRUCK.value: UnitKind.MUCK_TRUCK,
    VehicleKind.ENFORCEMENT.value: UnitKind.ENFORCEMENT,
}


def known_district(store: Store) -> KnownDistrict:
    """Names and codes already stored that an import's files may refer to."""
    offices = {row[0]: row[1] for row in read_rows(store, select(Office.id, Office.name))}
    roads = frozenset(name for (name,) in read_rows(store, select(Road.name)))
    segment_names = frozenset(name for (name,) in read_rows(store, select(Segment.name)))
    segments = {
        code: offices[office_id]
        for code, office_id in read_rows(store, select(Segment.number, Segment.office_id))
    }
    return KnownDistrict(frozenset(offices.values()), roads, segments, segment_names)


def _centroid(ring: Line) -> tuple[float, float]:
    """Area-weighted centroid of a closed ring (falls back to the vertex mean for a degenerate one)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring)
    return cx / (3 * area), cy / (3 * area)


def shape_columns(geometry: Line) -> dict[str, Any]:
    """A line's stored columns: the line, its length and its bounding box."""
    return {
        "geometry": geometry,
        "length_m": round(polyline_length_m(geometry), 1),
        **bbox_of(geometry).columns(),
    }


class _Writer:
    """One import's transaction: the id maps it reads once and the report it fills."""

    def __init__(self, connection: Connection, report: DistrictImportReport) -> None:
        self.connection, self.report = connection, report

    def ids(self, key_column: Any, id_column: Any) -> dict[str, int]:
        return {row[0]: row[1] for row in self.connection.execute(select(key_column, id_column))}

    def upsert(
        self, model: type[Base], key: str, rows: Sequence[dict[str, Any]], existing: dict[str, int]
    ) -> dict[str, int]:
        """Insert rows whose ``key`` is new, update the others; returns key → id for all of them."""
        table: Table = model.__table__  # type: ignore[assignment]
        counts = self.report.table(table.name)
        fresh = [row for row in rows if row[key] not in existing]
        known = [{**row, "_id": existing[row[key]]} for row in rows if row[key] in existing]
        if known:
            values: dict[str, Any] = {column: bindparam(column) for column in known[0] if column != "_id"}
            self.connection.execute(update(table).where(table.c.id == bindparam("_id")).values(values), known)
            counts.updated += len(known)
        ids = dict(existing)
        if fresh:
            inserted = insert_rows_with_ids(self.connection, table, fresh)
            ids.update((row[key], new_id) for row, new_id in zip(fresh, inserted, strict=True))
            counts.inserted += len(fresh)
        return ids

    def new_units(self, rows: list[dict[str, Any]]) -> list[int]:
        if not rows:
            return []
        self.report.table("units").inserted += len(rows)
        return insert_rows_with_ids(self.connection, Unit.__table__, rows)  # type: ignore[arg-type]


def apply_district_import(store: Store, plan: DistrictImportPlan) -> DistrictImportReport:
    """Store ``plan`` (already checked: no problems) in one transaction; see the module docstring."""
    if plan.problems:
        raise ValueError("a plan with problems is never stored")
    with writing(store) as connection:
        return store_district_plan(connection, plan)


def store_district_plan(connection: Connection, plan: DistrictImportPlan) -> DistrictImportReport:
    """``apply_district_import`` inside the caller's transaction: the demo generator writes its
    district through here too (``persistence.bulk_load.replace_all``), so a demo and a real district
    are stored by the same code and cannot drift apart."""
    if plan.problems:
        raise ValueError("a plan with problems is never stored")
    report = DistrictImportReport()
    writer = _Writer(connection, report)
    office_ids = _offices(writer, plan)
    road_ids = writer.upsert(
        Road,
        "name",
        [{"name": r.name, "grade": r.grade, **shape_columns(r.geometry)} for r in plan.roads],
        writer.ids(Road.name, Road.id),
    )
    segment_ids = _segments(writer, plan, office_ids, road_ids)
    _staff(writer, plan, office_ids, segment_ids)
    _vehicles(writer, plan, office_ids)
    if plan.cameras:
        cameras = save_cameras_in(connection, plan.cameras)
        report.table("cameras").inserted += cameras.inserted
        report.table("cameras").updated += cameras.updated
    _standard_categories(writer)
    return report


def _segments(
    writer: _Writer, plan: DistrictImportPlan, office_ids: dict[str, int], road_ids: dict[str, int]
) -> dict[str, int]:
    rows = []
    for s in plan.segments:
        row: dict[str, Any] = {
            "number": s.code,
            "road_id": road_ids[s.road],
            "office_id": office_ids[s.office],
            "name": s.name,
            **shape_columns(s.geometry),
        }
        if s.difficulty is not None:
            row["difficulty"] = s.difficulty
        rows.append(row)
    # One UPDATE statement needs the same columns in every row: a file without difficulty keeps it.
    ids = writer.upsert(
        Segment,
        "number",
        [row for row in rows if "difficulty" in row],
        writer.ids(Segment.number, Segment.id),
    )
    return writer.upsert(Segment, "number", [row for row in rows if "difficulty" not in row], ids)


def _standard_categories(writer: _Writer) -> None:
    """A district's first import also brings the national category list (GB/T 30428.2), or its
    first report would be refused as an unknown category; later imports never touch categories."""
    if writer.connection.execute(select(CaseCategory.id).limit(1)).first() is not None:
        return
    rows = category_rows()
    writer.connection.execute(insert(CaseCategory), rows)
    writer.report.table("categories").inserted += len(rows)


def _offices(writer: _Writer, plan: DistrictImportPlan) -> dict[str, int]:
    existing = writer.ids(Office.name, Office.id)
    codes = set(writer.ids(Office.code, Office.id))
    rows = []
    for number, office in enumerate(plan.offices, start=1):
        lon, lat = _centroid(office.boundary)
        row: dict[str, Any] = {
            "name": office.name,
            "kind": office.kind,
            "center_lon": round(lon, 6),
            "center_lat": round(lat, 6),
            "boundary": office.boundary,
            **bbox_of(office.boundary).columns(),
        }
        if office.code:
            row["code"] = office.code
        elif office.name not in existing:
            row["code"] = _free_code(codes, number)
        rows.append(row)
    # One UPDATE statement needs the same columns in every row: offices without a code keep theirs.
    with_code = [row for row in rows if "code" in row]
    without = [row for row in rows if "code" not in row]
    ids = writer.upsert(Office, "name", with_code, existing)
    return writer.upsert(Office, "name", without, ids)


def _free_code(taken: set[str], number: int) -> str:
    code = f"OF{number:06d}"
    while code in taken:
        number += 1000
        code = f"OF{number:06d}"
    taken.add(code)
    return code


def _staff(
    writer: _Writer, plan: DistrictImportPlan, office_ids: dict[str, int], segment_ids: dict[str, int]
) -> None:
    existing = writer.ids(Staff.code, Staff.id)
    units = {row[0]: row[1] for row in writer.connection.execute(select(Staff.code, Staff.unit_id))}
    patrollers = [
        p for p in plan.staff if p.role == StaffRole.CITY_MANAGER.value and units.get(p.code) is None
    ]
    unit_ids = writer.new_units(
        [
            {"kind": UnitKind.PATROLLER.value, "label": p.name, "office_id": office_ids[p.office]}
            for p in patrollers
        ]
    )
    units.update((p.code, unit_id) for p, unit_id in zip(patrollers, unit_ids, strict=True))
    rows = [
        {
            "code": p.code,
            "name": p.name,
            "role": p.role,
            "office_id": office_ids[p.office],
            "segment_id": segment_ids[p.segment] if p.segment else None,
            "shift": p.shift,
            "phone": p.phone,
            "unit_id": units.get(p.code),
        }
        for p in plan.staff
    ]
    writer.upsert(Staff, "code", rows, existing)


def _vehicles(writer: _Writer, plan: DistrictImportPlan, office_ids: dict[str, int]) -> None:
    existing = writer.ids(Vehicle.plate, Vehicle.id)
    units = {row[0]: row[1] for row in writer.connection.execute(select(Vehicle.plate, Vehicle.unit_id))}
    unplaced = [v for v in plan.vehicles if units.get(v.plate) is None]
    unit_ids = writer.new_units(
        [
            {
                "kind": _VEHICLE_UNIT[v.kind].value,
                "label": v.plate,
                "office_id": office_ids.get(v.office or ""),
            }
            for v in unplaced
        ]
    )
    units.update((v.plate, unit_id) for v, unit_id in zip(unplaced, unit_ids, strict=True))
    rows = [
        {
            "plate": v.plate,
            "kind": v.kind,
            "company": v.company,
            "terminal_id": v.terminal_id,
            "office_id": office_ids.get(v.office or ""),
            "unit_id": units[v.plate],
        }
        for v in plan.vehicles
    ]
    writer.upsert(Vehicle, "plate", rows, existing)
