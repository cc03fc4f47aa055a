"""The map's vector layers read from a real store (SQLite and PostgreSQL): boundaries, roads, cameras,
open-case pins, and each segment's status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from commandcenter.domain.cases import CasePin
from commandcenter.domain.kinds import CameraKind
from commandcenter.domain.units import Position, UnitPosition
from commandcenter.mapping.segment_status import SegmentStatus, segment_statuses
from commandcenter.mapping.vector_data import lines_by_status, load_live_overlay, load_vector_data
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cameras.models import Camera
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.map.layers import camera_markers, open_case_pins
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def _district(store: Store) -> None:
    rows = minimal_district()
    rows[Camera] = [
        {
            "id": 1,
            "code": "CAM-ST-00001",
            "name": "大学路口",
            "kind": CameraKind.STREET.value,
            "lon": 113.61,
            "lat": 34.71,
        },
        {
            "id": 2,
            "code": "CAM-VH-00001",
            "name": "车载",
            "kind": CameraKind.VEHICLE.value,
            "lon": None,
            "lat": None,
        },
    ]
    replace_all(store, rows)


def test_vector_data_holds_offices_roads_segments_and_placed_cameras(store: Store) -> None:
    _district(store)
    data = load_vector_data(store)
    assert data.office_names == {1: "建中街街道"}
    assert int(np.isnan(data.offices[0]).sum()) == 1
    assert int(np.isnan(data.roads[0]).sum()) == 1
    assert list(data.segments) == [1]
    assert len(data.segments[1][0]) == 3
    assert data.camera_codes.tolist() == ["CAM-ST-00001"]  # the vehicle camera has no place
    assert [m.code for m in camera_markers(store)] == ["CAM-ST-00001"]


def test_segment_turns_overdue_with_a_late_case_and_unwatched_without_its_patroller(store: Store) -> None:
    _district(store)
    assert load_live_overlay(store, [1], now=NOW).statuses == {1: SegmentStatus.UNWATCHED}  # nobody reported
    record_positions(store, [Position(1, NOW - timedelta(minutes=2), 113.61, 34.71, 4.0)])
    assert load_live_overlay(store, [1], now=NOW).statuses == {1: SegmentStatus.NORMAL}
    case_id = create_case(store, minimal_report(urgency=1, deadline_at=NOW + timedelta(hours=1)), now=NOW)
    live = load_live_overlay(store, [1], now=NOW)
    assert live.statuses == {1: SegmentStatus.OPEN_CASES}
    assert live.case_ids.tolist() == [case_id]
    assert live.case_urgency.tolist() == [1]
    assert [pin.id for pin in open_case_pins(store)] == [case_id]
    later = load_live_overlay(store, [1], now=NOW + timedelta(hours=2), unwatched_after_s=3 * 3600)
    assert later.statuses == {1: SegmentStatus.OVERDUE}


def test_the_worst_status_wins_per_segment() -> None:
    def pin(segment: int, deadline: datetime | None) -> CasePin:
        return CasePin(segment * 10, "n", 113.6, 34.7, 2, "受理", segment, deadline)

    fresh = UnitPosition(1, "patroller", "a", 1, NOW.replace(tzinfo=None), 113.6, 34.7, 1.0, 0.0, None)
    stale = UnitPosition(2, "patroller", "b", 1, NOW - timedelta(hours=1), 113.6, 34.7, 1.0, 0.0, None)
    also_fresh = UnitPosition(
        3, "patroller", "c", 1, NOW - timedelta(minutes=14), 113.6, 34.7, 1.0, 0.0, None
    )
    statuses = segment_statuses(
        [1, 2, 3, 4],
        [pin(1, NOW - timedelta(minutes=1)), pin(2, None), pin(3, NOW - timedelta(minutes=1)), pin(9, None)],
        {1: 1, 2: 3, 3: 2},
        [fresh, stale, also_fresh],
        NOW,
        unwatched_after_s=900,
    )
    assert statuses == {
        1: SegmentStatus.OVERDUE,
        2: SegmentStatus.OPEN_CASES,
        3: SegmentStatus.OVERDUE,  # overdue outranks unwatched
        4: SegmentStatus.UNWATCHED,
    }
    lines = {
        1: (np.array([0.0, 1.0, np.nan]), np.array([0.0, 1.0, np.nan])),
        4: (np.array([5.0, np.nan]), np.array([5.0, np.nan])),
    }
    grouped = lines_by_status(lines, statuses)
    assert grouped[SegmentStatus.OVERDUE][0].size == 3
    assert grouped[SegmentStatus.UNWATCHED][0].size == 2
    assert grouped[SegmentStatus.NORMAL][0].size == 0
