"""The map's vector layers, read and projected in one background job: what never changes in a session
(offices, roads, segment shapes, cameras) and what does (segment status, open-case pins).

Both come back as numpy arrays in the base map's datum, so the Qt thread only hands them to items.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

from commandcenter.mapping.polylines import joined_polylines
from commandcenter.mapping.projection import FloatArray, project
from commandcenter.mapping.segment_status import SegmentStatus, segment_statuses
from commandcenter.persistence.district.queries import patrol_assignments, segment_shapes
from commandcenter.persistence.map.layers import (
    camera_markers,
    office_outlines,
    open_case_pins,
    road_outlines,
)
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions

Line = tuple[FloatArray, FloatArray]


@dataclass(frozen=True)
class VectorData:
    offices: Line
    office_names: dict[int, str]
    roads: Line
    segments: dict[int, Line]  # segment id → its polyline, a NaN at the end
    camera_codes: npt.NDArray[np.object_]
    camera_names: npt.NDArray[np.object_]
    camera_x: FloatArray
    camera_y: FloatArray


@dataclass(frozen=True)
class LiveOverlay:
    statuses: dict[int, SegmentStatus]
    case_ids: npt.NDArray[np.int64]
    case_numbers: npt.NDArray[np.object_]
    case_urgency: npt.NDArray[np.int64]
    case_x: FloatArray
    case_y: FloatArray


def load_vector_data(store: Store, datum: str = "wgs84") -> VectorData:
    offices = office_outlines(store)
    cameras = camera_markers(store)
    camera_x, camera_y = project([c.lon for c in cameras], [c.lat for c in cameras], datum)
    return VectorData(
        offices=joined_polylines((o.points for o in offices), datum),
        office_names={o.id: o.name for o in offices},
        roads=joined_polylines((r.points for r in road_outlines(store)), datum),
        segments={s.id: joined_polylines([s.geometry], datum) for s in segment_shapes(store)},
        camera_codes=np.array([c.code for c in cameras], dtype=object),
        camera_names=np.array([c.name for c in cameras], dtype=object),
        camera_x=camera_x,
        camera_y=camera_y,
    )


def load_live_overlay(
    store: Store,
    segment_ids: list[int],
    *,
    office_id: int | None = None,
    datum: str = "wgs84",
    now: datetime | None = None,
    unwatched_after_s: float = 900.0,
) -> LiveOverlay:
    """Segment statuses and open-case pins as of ``now`` (three reads); only ``office_id``'s cases
    when given, so an office user's map never even receives another office's pins."""
    pins = open_case_pins(store, office_id)
    statuses = segment_statuses(
        segment_ids,
        pins,
        patrol_assignments(store),
        latest_positions(store),
        now or datetime.now(UTC),
        unwatched_after_s=unwatched_after_s,
    )
    x, y = project([p.lon for p in pins], [p.lat for p in pins], datum)
    return LiveOverlay(
        statuses=statuses,
        case_ids=np.array([p.id for p in pins], dtype=np.int64),
        case_numbers=np.array([p.number for p in pins], dtype=object),
        case_urgency=np.array([p.urgency for p in pins], dtype=np.int64),
        case_x=x,
        case_y=y,
    )


def lines_by_status(
    segments: Mapping[int, Line], statuses: Mapping[int, SegmentStatus]
) -> dict[SegmentStatus, Line]:
    """One joined line per status, so each colour is one line item."""
    grouped: dict[SegmentStatus, Line] = {}
    for status in SegmentStatus:
        lines = [
            line
            for segment, line in segments.items()
            if statuses.get(segment, SegmentStatus.NORMAL) == status
        ]
        if lines:
            grouped[status] = (np.concatenate([x for x, _ in lines]), np.concatenate([y for _, y in lines]))
        else:
            grouped[status] = (np.zeros(0), np.zeros(0))
    return grouped
