"""Writing a district as the files ``district import`` reads: GeoJSON for offices, roads and segments
(in the datum asked for), CSV for staff, vehicles and cameras (UTF-8 with a byte-order mark, so Excel on
Chinese Windows opens it as Chinese, not as mojibake).

This is the bulk export a district's IT keeps as a backup or edits in a GIS tool, and how a test or
a benchmark gets real files: export, change, import.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from commandcenter.domain.cameras import CameraEntry
from commandcenter.domain.district_import import DistrictImportPlan, Line
from commandcenter.geo.datum import Datum, from_wgs84

STAFF_COLUMNS = ("code", "name", "phone", "role", "office", "segment", "shift")
VEHICLE_COLUMNS = ("plate", "kind", "company", "terminal_id", "office")
FILE_NAMES = {
    "offices": "offices.geojson",
    "roads": "roads.geojson",
    "segments": "segments.geojson",
    "staff": "staff.csv",
    "vehicles": "vehicles.csv",
    "cameras": "cameras.csv",
}
CAMERA_COLUMNS = (
    "code",
    "name",
    "kind",
    "office",
    "segment",
    "lon",
    "lat",
    "online",
    "main_url",
    "sub_url",
    "gb_device_id",
)


def line_in(points: Line, datum: Datum) -> list[list[float]]:
    return [[round(c, 7) for c in from_wgs84(lon, lat, datum)] for lon, lat, *_ in points]


def collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def feature(kind: str, coordinates: Any, properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": kind, "coordinates": coordinates},
    }


def write_json(path: Path, document: dict[str, Any]) -> None:
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(columns)
        writer.writerows(["" if cell is None else cell for cell in row] for row in rows)


def write_xlsx(path: Path, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """The same table as an Excel workbook (one sheet, header first), which ``tables.read_table``
    reads back; a write-only workbook streams, so 56,850 cameras do not sit in memory as cells."""
    from openpyxl import Workbook  # a heavy import, needed only for workbooks

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(list(columns))
    for row in rows:
        sheet.append(["" if cell is None else cell for cell in row])
    book.save(path)


def export_district(plan: DistrictImportPlan, folder: Path, datum: Datum = Datum.WGS84) -> dict[str, Path]:
    """Write the five files into ``folder`` (created if missing); returns what was written where."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {key: folder / name for key, name in FILE_NAMES.items()}
    offices = [
        feature("Polygon", [line_in(o.boundary, datum)], {"name": o.name, "code": o.code, "kind": o.kind})
        for o in plan.offices
    ]
    roads = [
        feature("LineString", line_in(r.geometry, datum), {"name": r.name, "grade": r.grade})
        for r in plan.roads
    ]
    segments = [
        feature(
            "LineString",
            line_in(s.geometry, datum),
            {"code": s.code, "road": s.road, "office": s.office, "name": s.name}
            | ({} if s.difficulty is None else {"difficulty": s.difficulty}),
        )
        for s in plan.segments
    ]
    write_json(paths["offices"], collection(offices))
    write_json(paths["roads"], collection(roads))
    write_json(paths["segments"], collection(segments))
    write_csv(
        paths["staff"],
        STAFF_COLUMNS,
        [(p.code, p.name, p.phone, p.role, p.office, p.segment, p.shift) for p in plan.staff],
    )
    write_csv(
        paths["vehicles"],
        VEHICLE_COLUMNS,
        [(v.plate, v.kind, v.company, v.terminal_id, v.office) for v in plan.vehicles],
    )
    write_csv(paths["cameras"], CAMERA_COLUMNS, [_camera_row(camera, datum) for camera in plan.cameras])
    return paths


def _camera_row(camera: CameraEntry, datum: Datum) -> tuple[object, ...]:
    lon: object = ""
    lat: object = ""
    if camera.lon is not None and camera.lat is not None:
        lon, lat = (round(c, 7) for c in from_wgs84(camera.lon, camera.lat, datum))
    return (
        camera.code,
        camera.name,
        camera.kind,
        camera.office,
        camera.segment,
        lon,
        lat,
        "1" if camera.online else "0",
        camera.main_url,
        camera.sub_url,
        camera.gb_device_id,
    )
