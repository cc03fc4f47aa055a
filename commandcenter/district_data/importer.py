"""Reading a district's files into one checked plan: what ``district import`` and the import dialog run.

Every file is read in full and every row checked before anything is stored, so the answer to a bad
delivery is the complete list of rows to fix, not the first one; the plan is stored only when that
list is empty (``persistence.district.imports.apply_district_import``, one transaction).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commandcenter.district_data.columns import OFFICE_ALIASES, ROAD_ALIASES, SEGMENT_ALIASES
from commandcenter.district_data.datum_pass import convert_plan
from commandcenter.district_data.import_geometry import check_overlaps
from commandcenter.district_data.read_features import (
    office_input,
    read_layer,
    road_input,
    segment_input,
)
from commandcenter.district_data.read_tables import read_cameras, read_staff, read_vehicles
from commandcenter.district_data.references import check_references
from commandcenter.domain.district_import import DistrictImportPlan, KnownDistrict
from commandcenter.domain.gis import Layer
from commandcenter.geo.datum import Datum


@dataclass(frozen=True)
class DistrictFiles:
    """The files of one delivery; any may be absent (an import may add staff to a loaded district)."""

    offices: Path | None = None
    roads: Path | None = None
    segments: Path | None = None
    staff: Path | None = None
    vehicles: Path | None = None
    cameras: Path | None = None  # CSV or JSON, the camera importer's columns
    datum: Datum = Datum.WGS84  # of the GeoJSON files

    def given(self) -> list[Path]:
        return [
            path
            for path in (self.offices, self.roads, self.segments, self.staff, self.vehicles, self.cameras)
            if path
        ]


def read_district(files: DistrictFiles, known: KnownDistrict) -> DistrictImportPlan:
    """The plan for ``files``: inputs plus every problem found (``DistrictFileError`` for a file
    that cannot be read at all)."""
    plan = DistrictImportPlan()
    as_read = Datum.WGS84  # coordinates stay as the files have them until ``convert_plan``
    if files.offices:
        plan.offices = read_layer(files.offices, Layer.BOUNDARY, as_read, OFFICE_ALIASES, office_input, plan)
    if files.roads:
        plan.roads = read_layer(files.roads, Layer.ROADS, as_read, ROAD_ALIASES, road_input, plan)
    if files.segments:
        plan.segments = read_layer(
            files.segments, Layer.SEGMENTS, as_read, SEGMENT_ALIASES, segment_input, plan
        )
    if files.staff:
        plan.staff = read_staff(files.staff, plan)
    if files.vehicles:
        plan.vehicles = read_vehicles(files.vehicles, plan)
    if files.cameras:
        read_cameras(files.cameras, as_read, plan)
    for path in (files.offices, files.roads, files.segments, files.cameras):
        if path is not None and path.name in plan.sources:
            plan.sources[path.name] += f" {files.datum.value}"
    convert_plan(plan, files.datum)
    check_references(plan, known)
    check_overlaps(plan)
    return plan
