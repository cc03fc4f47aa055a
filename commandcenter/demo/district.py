"""The demo district's frame and its 18 offices (镇办) with generated centres and boundaries.

The office names and 9-digit codes are the public ones (NBS 2023 statistical division codes, plus
解放路街道 and 樱桃沟管委会); centres and boundaries are GENERATED, not surveyed: the fourteen urban
sub-districts sit on a jittered grid in the dense north-east of the frame, the four large suburban
units (侯寨, 金水源, 马寨, 樱桃沟) in the south and west, as in the real Erqi. Each boundary is the
office's nearest-centre (Voronoi) cell clipped to the frame, so "assign a segment to the office whose
centre is nearest" and "the segment lies inside that office's boundary" always agree.

At scale > 1 the district is repeated in a grid of frames east and south of the real one (a
"whole city" for benchmarks), with suffixed names (淮河路街道二) and shifted codes.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from commandcenter.demo.names import copy_suffix
from commandcenter.geo import BBox, LocalProjection, bbox_of, clip_to_halfplane
from commandcenter.geo.local import FloatArray

# Roughly the real district's extent (WGS-84); everything generated for copy 0 lies inside it.
ERQI_BBOX = BBox(113.50, 34.60, 113.68, 34.77)
ERQI_COUNTY_CODE = 410103
_COPY_COLUMNS = 4
_COPY_STEP_DEG = (0.19, 0.18)

# (9-digit code, name, kind); the first fourteen are the dense urban sub-districts.
OFFICES: tuple[tuple[str, str, str], ...] = (
    ("410103001", "淮河路街道", "街道"),
    ("410103002", "解放路街道", "街道"),
    ("410103003", "铭功路街道", "街道"),
    ("410103004", "一马路街道", "街道"),
    ("410103005", "蜜蜂张街道", "街道"),
    ("410103006", "五里堡街道", "街道"),
    ("410103007", "大学路街道", "街道"),
    ("410103008", "建中街街道", "街道"),
    ("410103009", "福华街街道", "街道"),
    ("410103010", "德化街街道", "街道"),
    ("410103011", "嵩山路街道", "街道"),
    ("410103012", "京广路街道", "街道"),
    ("410103013", "长江路街道", "街道"),
    ("410103014", "人和路街道", "街道"),
    ("410103015", "侯寨街道", "街道"),
    ("410103016", "金水源街道", "街道"),
    ("410103100", "马寨镇", "镇"),
    ("410103400", "樱桃沟管委会", "管委会"),
)
URBAN_OFFICES = 14
# Centres of the suburban units as fractions of the frame (0,0 = south-west corner).
_SUBURBAN_ANCHORS = ((0.52, 0.22), (0.85, 0.30), (0.12, 0.62), (0.22, 0.18))
# The dense urban core, as frame fractions (x0, y0, x1, y1).
URBAN_CORE = (0.52, 0.50, 1.0, 1.0)


@dataclass(frozen=True)
class Frame:
    """One copy of the district: its lon/lat box and a metre frame centred on it."""

    copy_index: int
    bbox: BBox
    projection: LocalProjection
    width_m: float
    height_m: float

    @classmethod
    def for_copy(cls, copy_index: int) -> Frame:
        column, row = copy_index % _COPY_COLUMNS, copy_index // _COPY_COLUMNS
        dlon, dlat = column * _COPY_STEP_DEG[0], -row * _COPY_STEP_DEG[1]
        box = BBox(
            ERQI_BBOX.min_lon + dlon,
            ERQI_BBOX.min_lat + dlat,
            ERQI_BBOX.max_lon + dlon,
            ERQI_BBOX.max_lat + dlat,
        )
        projection = LocalProjection(*box.center)
        west, south = projection.to_xy(box.min_lon, box.min_lat)
        return cls(copy_index, box, projection, -2 * west, -2 * south)

    @property
    def suffix(self) -> str:
        return copy_suffix(self.copy_index)

    @property
    def county_code(self) -> str:
        return str(ERQI_COUNTY_CODE + 100 * self.copy_index)

    def at(self, fx: float, fy: float) -> tuple[float, float]:
        """Metres of the point at fractions (fx, fy) of the frame, (0, 0) = south-west corner."""
        return (fx - 0.5) * self.width_m, (fy - 0.5) * self.height_m


@dataclass(frozen=True)
class OfficePlan:
    id: int
    code: str
    name: str
    kind: str
    center: tuple[float, float]  # metres in the frame


def plan_offices(rng: random.Random, frame: Frame, first_id: int) -> list[OfficePlan]:
    x0, y0, x1, y1 = URBAN_CORE
    columns, rows = 3, 5  # fifteen cells for fourteen urban offices, filled north to south
    centres: list[tuple[float, float]] = []
    for index in range(URBAN_OFFICES):
        row, column = divmod(index, columns)
        fx = x0 + (x1 - x0) * (column + 0.5 + rng.uniform(-0.25, 0.25)) / columns
        fy = y1 - (y1 - y0) * (row + 0.5 + rng.uniform(-0.25, 0.25)) / rows
        centres.append(frame.at(fx, fy))
    for fx, fy in _SUBURBAN_ANCHORS:
        centres.append(frame.at(fx + rng.uniform(-0.03, 0.03), fy + rng.uniform(-0.03, 0.03)))
    code_tail = frame.county_code
    return [
        OfficePlan(first_id + index, code_tail + code[6:], name + frame.suffix, kind, centre)
        for index, ((code, name, kind), centre) in enumerate(zip(OFFICES, centres, strict=True))
    ]


def office_cell(frame: Frame, offices: list[OfficePlan], office: OfficePlan) -> list[tuple[float, float]]:
    """The office's nearest-centre cell inside the frame (a convex ring in metres)."""
    half_w, half_h = frame.width_m / 2, frame.height_m / 2
    cell = [(-half_w, -half_h), (half_w, -half_h), (half_w, half_h), (-half_w, half_h)]
    px, py = office.center
    for other in offices:
        if other is office:
            continue
        qx, qy = other.center
        # Points closer to p than to q: (q - p)·x <= (|q|² - |p|²) / 2.
        cell = clip_to_halfplane(cell, qx - px, qy - py, (qx * qx + qy * qy - px * px - py * py) / 2)
    return cell


def nearest_office_ids(offices: list[OfficePlan], xy: FloatArray) -> list[int]:
    """For each point (metres), the id of the office with the nearest centre."""
    centres = np.asarray([office.center for office in offices])
    points = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    squared = ((points[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    return [offices[int(index)].id for index in squared.argmin(axis=1)]


def office_rows(frame: Frame, offices: list[OfficePlan]) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for office in offices:
        cell = office_cell(frame, offices, office)
        ring = frame.projection.to_polyline(np.asarray([*cell, cell[0]]))
        lon, lat = frame.projection.to_lonlat(*office.center)
        rows.append(
            {
                "id": office.id,
                "code": office.code,
                "name": office.name,
                "kind": office.kind,
                "center_lon": round(lon, 6),
                "center_lat": round(lat, 6),
                "boundary": ring,
                **bbox_of(ring).columns(),
            }
        )
    return rows
