"""One district copy as planned in metres, before it becomes rows: the frame, offices, roads,
segments and sites every other generator (people, fleet, cameras, history) places things on."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from commandcenter.demo.district import Frame, OfficePlan, office_rows, plan_offices
from commandcenter.demo.roads import RoadPlan, SegmentPlan, plan_roads, plan_segments, road_rows, segment_rows
from commandcenter.demo.sites import SitePlan, plan_sites
from commandcenter.persistence.base import Base
from commandcenter.persistence.district.models import Office, Road, Segment

Rows = dict[type[Base], list[dict[str, Any]]]


@dataclass(frozen=True)
class DistrictPlan:
    frame: Frame
    offices: list[OfficePlan]
    roads: list[RoadPlan]
    segments: list[SegmentPlan]
    sites: list[SitePlan]


def plan_district(rng: random.Random, copy_index: int, rows: Rows) -> DistrictPlan:
    """Plan one copy and append its office, road and segment rows (ids continue from ``rows``)."""
    frame = Frame.for_copy(copy_index)
    offices = plan_offices(rng, frame, len(rows[Office]) + 1)
    roads = plan_roads(rng, frame, len(rows[Road]) + 1)
    segments = plan_segments(rng, roads, offices, len(rows[Segment]) + 1)
    rows[Office] += office_rows(frame, offices)
    rows[Road] += road_rows(frame, roads)
    rows[Segment] += segment_rows(frame, segments)
    return DistrictPlan(frame, offices, roads, segments, plan_sites(rng, frame, segments))
