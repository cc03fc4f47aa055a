"""A small district as the files ``district import`` reads, for tests: two offices (甲街道, 乙街道)
side by side, one road (长江路) cut into two numbered segments, one per office (T-1, T-2), and a
路长 for each — in any datum, as a district's GIS office would deliver it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from commandcenter.geo.datum import Datum, from_wgs84

OFFICE_A = [[113.60, 34.70], [113.62, 34.70], [113.62, 34.72], [113.60, 34.72], [113.60, 34.70]]
OFFICE_B = [[113.62, 34.70], [113.64, 34.70], [113.64, 34.72], [113.62, 34.72], [113.62, 34.70]]
SEGMENT_T1 = [[113.605, 34.71], [113.615, 34.71]]  # WGS-84
SEGMENT_T2 = [[113.625, 34.71], [113.635, 34.71]]
STAFF_HEADER = "name,phone,role,office,segment\n"
STAFF = STAFF_HEADER + "张三,13800000001,路长,甲街道,T-1\n李四,13800000002,路长,乙街道,T-2\n"


def _points(points: list[list[float]], datum: Datum) -> list[list[float]]:
    return [list(from_wgs84(lon, lat, datum)) for lon, lat in points]


def _collection(geometry: str, items: list[tuple[dict[str, object], Any]]) -> dict[str, Any]:
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": props, "geometry": {"type": geometry, "coordinates": coords}}
            for props, coords in items
        ],
    }


def write_small_district(folder: Path, staff: str | bytes | None = None, datum: Datum = Datum.WGS84) -> Path:
    """Write offices/roads/segments.geojson (in ``datum``) and staff.csv into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "offices": _collection(
            "Polygon",
            [
                ({"name": "甲街道"}, [_points(OFFICE_A, datum)]),
                ({"name": "乙街道"}, [_points(OFFICE_B, datum)]),
            ],
        ),
        "roads": _collection(
            "LineString", [({"name": "长江路"}, _points([SEGMENT_T1[0], SEGMENT_T2[1]], datum))]
        ),
        "segments": _collection(
            "LineString",
            [
                ({"code": "T-1", "road": "长江路", "office": "甲街道"}, _points(SEGMENT_T1, datum)),
                ({"code": "T-2", "road": "长江路", "office": "乙街道"}, _points(SEGMENT_T2, datum)),
            ],
        ),
    }
    for kind, document in files.items():
        (folder / f"{kind}.geojson").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    text = staff if staff is not None else STAFF
    path = folder / "staff.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return folder
