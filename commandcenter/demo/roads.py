"""Generated road geometry: 185 roads and their 291 numbered segments (路段) per district copy.

Roads are mostly east–west or north–south with gentle bends, a few diagonals, denser in the urban
core; lengths depend on the grade and are scaled so that the segments add up to 1,600 × 300 m,
the seed's "one city manager per 300 m". Each road is cut into 1–3 segments (longest pieces cut
first, so segment lengths stay even), named after the cross roads at their ends when there are any
("大学路(陇海路—航海路)"), and given to the office whose cell (nearest centre) holds most of its length.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass

import numpy as np

from commandcenter.demo.district import Frame, OfficePlan, nearest_office_ids
from commandcenter.demo.road_layout import RoadLayout
from commandcenter.demo.road_names import district_road_names, looks_alley, looks_arterial
from commandcenter.geo import MeasuredLine, bbox_of, polyline_length_m
from commandcenter.geo.local import FloatArray

ROADS_PER_DISTRICT = 185
SEGMENTS_PER_DISTRICT = 291
TOTAL_LENGTH_M = 1_600 * 300.0
CROSS_RADIUS_M = 300.0
# grade → (length range in metres, share of roads centred in the urban core)
_GRADES = {
    "主干道": ((5000, 9000), 0.5),
    "次干道": ((2500, 5000), 0.7),
    "支路": ((1200, 2800), 0.75),
    "背街小巷": ((400, 1200), 0.8),
}


@dataclass
class RoadPlan:
    id: int
    name: str
    grade: str
    line: MeasuredLine


@dataclass
class SegmentPlan:
    id: int
    number: str
    name: str
    road: RoadPlan
    office_id: int
    line: MeasuredLine
    start_cross: str | None
    end_cross: str | None
    difficulty: int


def _grade(index: int, name: str) -> str:
    if looks_arterial(name):
        return "主干道"
    if looks_alley(name):
        return "背街小巷"
    if index < 22 and name.endswith("路"):
        return "主干道"
    if index < 70:
        return "次干道"
    return "支路" if name.endswith("路") else "背街小巷"


def plan_roads(rng: random.Random, frame: Frame, first_id: int) -> list[RoadPlan]:
    names = district_road_names(rng, ROADS_PER_DISTRICT)
    grades = [_grade(index, name) for index, name in enumerate(names)]
    lengths = [rng.uniform(*_GRADES[grade][0]) for grade in grades]
    factor = TOTAL_LENGTH_M / sum(lengths)
    layout = RoadLayout(rng, frame)
    roads = []
    for index, (name, grade, length) in enumerate(zip(names, grades, lengths, strict=True)):
        shape = layout.shape(length * factor, _GRADES[grade][1])
        roads.append(RoadPlan(first_id + index, name + frame.suffix, grade, MeasuredLine(shape)))
    return roads


def _pieces_per_road(roads: list[RoadPlan]) -> list[int]:
    """1–3 pieces per road, adding a cut where the current pieces are longest until the total is met."""
    pieces = [1] * len(roads)
    heap = [(-road.line.length, index) for index, road in enumerate(roads)]
    heapq.heapify(heap)
    for _ in range(SEGMENTS_PER_DISTRICT - len(roads)):
        _, index = heapq.heappop(heap)
        pieces[index] += 1
        if pieces[index] < 3:
            heapq.heappush(heap, (-roads[index].line.length / pieces[index], index))
    return pieces


class _CrossFinder:
    """Which other road passes near a point: names segment ends after their cross streets."""

    def __init__(self, roads: list[RoadPlan]) -> None:
        self._starts = np.concatenate([road.line.xy[:-1] for road in roads])
        self._deltas = np.concatenate([np.diff(road.line.xy, axis=0) for road in roads])
        self._owner = np.concatenate([[index] * (len(road.line.xy) - 1) for index, road in enumerate(roads)])
        self._names = [road.name for road in roads]
        self._squared = np.maximum((self._deltas**2).sum(axis=1), 1e-9)

    def near(self, point: tuple[float, float], own_index: int) -> str | None:
        offset = np.asarray(point) - self._starts
        t = np.clip((offset * self._deltas).sum(axis=1) / self._squared, 0.0, 1.0)
        distance = np.hypot(*(offset - t[:, None] * self._deltas).T)
        distance[self._owner == own_index] = np.inf
        best = int(np.argmin(distance))
        return self._names[self._owner[best]] if distance[best] <= CROSS_RADIUS_M else None


def _office_holding_most(offices: list[OfficePlan], line: MeasuredLine) -> int:
    """The office whose cell holds most of the segment (21 points evenly along it; a tie goes to the
    one holding the midpoint): a segment crossing a border belongs where most of its pavement lies,
    as ``district check`` expects."""
    samples = np.asarray([line.point_at(line.length * k / 20)[:2] for k in range(21)])
    owners = nearest_office_ids(offices, samples)
    midpoint = owners[10]
    return max(dict.fromkeys(owners), key=lambda office_id: (owners.count(office_id), office_id == midpoint))


def plan_segments(
    rng: random.Random, roads: list[RoadPlan], offices: list[OfficePlan], first_id: int
) -> list[SegmentPlan]:
    crosses = _CrossFinder(roads)
    segments: list[SegmentPlan] = []
    for road_index, (road, pieces) in enumerate(zip(roads, _pieces_per_road(roads), strict=True)):
        step = road.line.length / pieces
        cuts = [0.0, *(step * k + rng.uniform(-0.1, 0.1) * step for k in range(1, pieces)), road.line.length]
        ends = [crosses.near(road.line.point_at(cut)[:2], road_index) for cut in cuts]
        for piece in range(pieces):
            line = MeasuredLine(road.line.slice(cuts[piece], cuts[piece + 1]))
            start, end = ends[piece], ends[piece + 1]
            if start and end and start != end:
                name = f"{road.name}({start}—{end})"
            else:
                name = f"{road.name}第{piece + 1}段"
            seg_id = first_id + len(segments)
            weights = (1, 2, 3) if road.grade == "主干道" else (3, 2, 1)
            difficulty = rng.choices((1, 2, 3), weights=weights)[0]
            segments.append(
                SegmentPlan(
                    seg_id,
                    f"EQ-{seg_id:04d}",
                    name,
                    road,
                    _office_holding_most(offices, line),
                    line,
                    start,
                    end,
                    difficulty,
                )
            )
    return segments


def _line_columns(frame: Frame, xy: FloatArray) -> dict[str, object]:
    """The columns every stored polyline carries: WGS-84 geometry, its length and its bbox."""
    geometry = frame.projection.to_polyline(xy)
    return {
        "geometry": geometry,
        "length_m": round(polyline_length_m(geometry), 1),
        **bbox_of(geometry).columns(),
    }


def road_rows(frame: Frame, roads: list[RoadPlan]) -> list[dict[str, object]]:
    return [
        {"id": road.id, "name": road.name, "grade": road.grade, **_line_columns(frame, road.line.xy)}
        for road in roads
    ]


def segment_rows(frame: Frame, segments: list[SegmentPlan]) -> list[dict[str, object]]:
    return [
        {
            "id": segment.id,
            "number": segment.number,
            "road_id": segment.road.id,
            "office_id": segment.office_id,
            "name": segment.name,
            "difficulty": segment.difficulty,
            **_line_columns(frame, segment.line.xy),
        }
        for segment in segments
    ]
