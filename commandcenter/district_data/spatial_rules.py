"""The rules about where things lie: segments sharing a stretch, a segment outside its office, a
camera or a truck permit outside the district. One planar frame for the whole district, geometry
projected once, everything tested in arrays (``placement``, ``overlaps``).

The thresholds say what counts: a border drawn along a road puts half a segment's points on either
side, so ``BORDER_TOLERANCE_M``; two centre lines of one road digitised twice differ by a metre or
two, so ``OVERLAP_TOLERANCE_M``; pieces more than 5° apart cross rather than share
(``overlaps``), and a junction at 5° keeps two lines within 3 m for 69 m, so ``OVERLAP_MIN_M`` of
50 m. A segment is outside its office when less than a third of its length lies in it (a long
segment may cross a border or two: it belongs to the office holding most of it); a permit when
most of its area (or route) lies outside every office.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain

import numpy as np

from commandcenter.district_data.overlaps import shared_lengths
from commandcenter.district_data.placement import (
    SAMPLES,
    along,
    along_each,
    in_any_ring,
    in_ring,
    within_area,
)
from commandcenter.domain.district_check import CheckPermit, DistrictCheckData, Finding, Rule, Severity
from commandcenter.geo import LocalProjection
from commandcenter.geo.local import FloatArray

BORDER_TOLERANCE_M = 10.0
OVERLAP_TOLERANCE_M = 3.0
OVERLAP_MIN_M = 50.0
MIN_SHARE_INSIDE = 1 / 3  # a 2–3 km segment may cross a border or two; under a third it is misplaced
_E = Severity.ERROR


@dataclass
class _Projected:
    frame: LocalProjection
    rings: dict[int, FloatArray]  # office id → boundary in metres (offices with a usable ring)
    lines: list[FloatArray]  # per segment of ``data.segments``, in metres


def _project(data: DistrictCheckData) -> _Projected | None:
    anchors = [point for office in data.offices for point in office.boundary[:1]]
    anchors += [point for segment in data.segments for point in segment.geometry[:1]]
    if not anchors:
        return None
    frame = LocalProjection.around(anchors)
    rings = {o.id: frame.array_to_xy(o.boundary) for o in data.offices if len(o.boundary) >= 3}
    return _Projected(frame, rings, _project_lines(frame, [s.geometry for s in data.segments]))


def _project_lines(frame: LocalProjection, lines: list[list[list[float]]]) -> list[FloatArray]:
    """Every polyline projected in one array operation, then cut back into lines (views)."""
    try:
        points = frame.array_to_xy(list(chain.from_iterable(lines)))
    except ValueError:  # a malformed coordinate somewhere: line by line, as the rules always did
        return [frame.array_to_xy(line) for line in lines]
    return np.split(points, np.cumsum([len(line) for line in lines])[:-1])


def spatial_findings(data: DistrictCheckData) -> Iterator[Finding]:
    projected = _project(data)
    if projected is None:
        return
    for office in data.offices:
        if office.id not in projected.rings:
            detail = f"镇办 {office.name} 没有有效边界"
            yield Finding(_E, Rule.OFFICE_WITHOUT_BOUNDARY, "office", office.id, office.name, detail)
    yield from _segment_findings(data, projected)
    yield from _overlap_findings(data, projected)
    yield from _outside_findings(data, projected)


def _segment_findings(data: DistrictCheckData, projected: _Projected) -> Iterator[Finding]:
    by_office: dict[int, list[int]] = {}
    for index, (segment, xy) in enumerate(zip(data.segments, projected.lines, strict=True)):
        if len(xy) < 2:
            detail = f"路段 {segment.number} 没有有效的线形"
            yield Finding(_E, Rule.SEGMENT_WITHOUT_GEOMETRY, "segment", segment.id, segment.number, detail)
        elif segment.office_id in projected.rings:  # no ring: the office's own finding says so
            by_office.setdefault(segment.office_id, []).append(index)
    names = {office.id: office.name for office in data.offices}
    order = [index for indexes in by_office.values() for index in indexes]  # office by office
    samples = along_each([projected.lines[index] for index in order]).reshape(len(order), SAMPLES, 2)
    shares = np.zeros(len(order))
    first = 0
    for office_id, indexes in by_office.items():
        block = samples[first : first + len(indexes)].reshape(-1, 2)
        inside = in_ring(block, projected.rings[office_id], BORDER_TOLERANCE_M).reshape(-1, SAMPLES)
        shares[first : first + len(indexes)] = inside.mean(axis=1)
        first += len(indexes)
    for index, share in zip(order, shares, strict=True):
        if share >= MIN_SHARE_INSIDE:
            continue
        segment = data.segments[index]
        office = names[segment.office_id]
        detail = f"路段 {segment.number} 不在所属镇办 {office} 的边界内（仅 {share:.0%} 在内）"
        yield Finding(_E, Rule.SEGMENT_OUTSIDE_OFFICE, "segment", segment.id, segment.number, detail)


def _overlap_findings(data: DistrictCheckData, projected: _Projected) -> Iterator[Finding]:
    shared = shared_lengths(projected.lines, OVERLAP_TOLERANCE_M)
    for (first, second), metres in sorted(shared.items()):
        if metres > OVERLAP_MIN_M:
            a, b = data.segments[first], data.segments[second]
            detail = f"路段 {a.number} 与 {b.number} 重叠约 {metres:.0f} 米"
            yield Finding(_E, Rule.SEGMENTS_OVERLAP, "segment", a.id, a.number, detail)


def _permit_samples(permit: CheckPermit, frame: LocalProjection) -> FloatArray | None:
    """Grid points inside the area, or points along the route; None without usable geometry."""
    if permit.area is not None and len(permit.area) >= 3:
        return within_area(frame.array_to_xy(permit.area))
    if permit.route:
        return along(frame.array_to_xy(permit.route))
    return None


def _outside_findings(data: DistrictCheckData, projected: _Projected) -> Iterator[Finding]:
    rings = list(projected.rings.values())
    if not rings:
        return  # no district to be outside of (the offices' own findings say why)
    cameras = data.cameras
    if len(cameras):
        lonlat = np.column_stack((np.asarray(cameras.lons, np.float64), np.asarray(cameras.lats, np.float64)))
        points = projected.frame.array_to_xy(lonlat)
        for index in np.flatnonzero(~in_any_ring(points, rings, BORDER_TOLERANCE_M)).tolist():
            code, lon, lat = cameras.codes[index], cameras.lons[index], cameras.lats[index]
            detail = f"摄像机 {code} 在辖区边界外 ({lon:.6f}, {lat:.6f})"
            yield Finding(_E, Rule.CAMERA_OUTSIDE_DISTRICT, "camera", cameras.ids[index], code, detail)
    for permit in data.permits:
        samples = _permit_samples(permit, projected.frame)
        if samples is None or in_any_ring(samples, rings, BORDER_TOLERANCE_M).mean() >= 0.5:
            continue
        what = "作业区域" if permit.area is not None else "路线"
        detail = f"准运证 {permit.number} 的{what}大部分在辖区边界外"
        yield Finding(_E, Rule.PERMIT_OUTSIDE_DISTRICT, "permit", permit.id, permit.number, detail)
