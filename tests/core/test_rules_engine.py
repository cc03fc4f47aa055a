"""The rule engine on scripted fix sequences: one alert per episode, after the rule's limit, with
the moment the condition began; nothing for short breaches, late fixes or units the rules ignore."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.domain.kinds import UnitKind
from commandcenter.domain.units import Position
from commandcenter.geo import LocalProjection
from commandcenter.rules import (
    Alert,
    AlertKind,
    PatrolSegment,
    RuleContext,
    RuleEngine,
    TruckPermit,
    UnitInfo,
)

T0 = datetime(2026, 11, 26, 6, 0, tzinfo=UTC)  # 14:00 in Zhengzhou
FRAME = LocalProjection(113.62, 34.72)
SEGMENT = [list(FRAME.to_lonlat(0, 0)), list(FRAME.to_lonlat(500, 0))]  # 500 m due east
SITE = FRAME.to_lonlat(2000, 2000)
AREA = [list(FRAME.to_lonlat(x, y)) for x, y in [(-1000, -1000), (3000, -1000), (3000, 3000), (-1000, 3000)]]
PATROLLER, TRUCK, NIGHT_TRUCK, ROUTE_TRUCK, FREE_TRUCK = 1, 2, 3, 4, 5


def _context() -> RuleContext:
    truck = UnitKind.MUCK_TRUCK.value
    return RuleContext(
        units={
            PATROLLER: UnitInfo(UnitKind.PATROLLER.value, "张伟"),
            TRUCK: UnitInfo(truck, "豫A·B0002"),
            NIGHT_TRUCK: UnitInfo(truck, "豫A·B0003"),
            ROUTE_TRUCK: UnitInfo(truck, "豫A·B0004"),
            FREE_TRUCK: UnitInfo(truck, "豫A·B0005"),
        },
        segments={PATROLLER: PatrolSegment("EQ-0001", "大学路(陇海路—航海路)", SEGMENT)},
        permits={
            TRUCK: TruckPermit(TRUCK, "P-2", area=AREA),
            NIGHT_TRUCK: TruckPermit(NIGHT_TRUCK, "P-3", area=AREA, start_minute=22 * 60, end_minute=6 * 60),
            ROUTE_TRUCK: TruckPermit(ROUTE_TRUCK, "P-4", route=[SEGMENT[0], list(SITE)], buffer_m=300),
        },
        sites=[SITE],
    )


def _fix(
    unit: int, minute: float, x: float, y: float, kmh: float = 0.0, state: str | None = None
) -> Position:
    lon, lat = FRAME.to_lonlat(x, y)
    return Position(unit, T0 + timedelta(minutes=minute), lon, lat, kmh, 0.0, state)


def _run(engine: RuleEngine, fixes: list[Position]) -> list[Alert]:
    """Feed one fix per batch, as the simulator's once-a-second batches would."""
    return [alert for fix in fixes for alert in engine.feed([fix])]


def test_a_patroller_off_his_segment_is_alerted_once_after_the_limit() -> None:
    engine = RuleEngine(_context())
    on = [_fix(PATROLLER, m, 250, 20) for m in range(5)]
    off = [_fix(PATROLLER, m, 250, 300) for m in range(5, 30)]  # 300 m north for 25 min
    alerts = _run(engine, on + off)
    (alert,) = alerts
    assert alert.kind is AlertKind.OFF_SEGMENT
    assert alert.since == T0 + timedelta(minutes=5)
    assert alert.raised_at == T0 + timedelta(minutes=20)  # 15 minutes later
    assert "张伟" in alert.text
    assert "EQ-0001" in alert.text
    assert "300 米" in alert.text
    back = _run(engine, [_fix(PATROLLER, 30, 100, 0)])
    again = _run(engine, [_fix(PATROLLER, m, -400, 0) for m in range(31, 47)])
    assert back == []
    assert [a.since for a in again] == [T0 + timedelta(minutes=31)]


def test_a_short_excursion_raises_nothing() -> None:
    engine = RuleEngine(_context())
    fixes = [_fix(PATROLLER, m, 250, 300 if 2 <= m < 12 else 0) for m in range(40)]
    assert _run(engine, fixes) == []
    assert engine.open_episodes() == {}


def test_a_truck_leaving_its_permitted_area_is_alerted_after_the_grace() -> None:
    engine = RuleEngine(_context())
    inside = [_fix(TRUCK, m / 6, 500 * m, 0, 30) for m in range(6)]  # 10 s fixes eastwards
    outside = [_fix(TRUCK, 1 + m / 6, 3500 + 80 * m, 0, 30) for m in range(12)]
    (alert,) = _run(engine, inside + outside)
    assert alert.kind is AlertKind.OUT_OF_AREA
    assert alert.unit_label == "豫A·B0002"
    assert alert.since == T0 + timedelta(minutes=1)
    assert "P-2" in alert.text
    assert "区域" in alert.text


def test_a_night_permit_driven_by_day_is_out_of_window_but_parking_is_not() -> None:
    engine = RuleEngine(_context())
    parked = [_fix(NIGHT_TRUCK, m, 100, 100, 0, "empty") for m in range(5)]
    assert _run(engine, parked) == []
    driving = [_fix(NIGHT_TRUCK, 5 + m / 6, 100 + 80 * m, 100, 30, "empty") for m in range(12)]
    (alert,) = _run(engine, driving)
    assert alert.kind is AlertKind.OUT_OF_WINDOW
    assert "22:00—06:00" in alert.text


def test_the_night_window_allows_driving_after_22_local() -> None:
    engine = RuleEngine(_context())
    night = timedelta(hours=9)  # 23:00 in Zhengzhou
    fixes = [_fix(NIGHT_TRUCK, m / 6, 80 * m, 100, 30) for m in range(12)]
    assert _run(engine, [Position(f.unit_id, f.ts + night, f.lon, f.lat, f.speed_kmh) for f in fixes]) == []


def test_a_route_permit_allows_its_buffer_only() -> None:
    engine = RuleEngine(_context())
    along = [_fix(ROUTE_TRUCK, m / 6, 100 * m, 100 * m + 200, 30) for m in range(12)]  # ≈141 m off
    assert _run(engine, along) == []
    away = [_fix(ROUTE_TRUCK, 2 + m / 6, 1500, 500, 30) for m in range(12)]  # ≈700 m off the diagonal
    (alert,) = _run(engine, away)
    assert alert.kind is AlertKind.OUT_OF_AREA
    assert "路线" in alert.text


def test_a_loaded_truck_stopped_off_site_is_possible_dumping() -> None:
    engine = RuleEngine(_context())
    at_site = [_fix(FREE_TRUCK, m, 2050, 2000, 0, "loaded") for m in range(20)]
    empty_off_site = [_fix(FREE_TRUCK, 20 + m, 800, 800, 0, "empty") for m in range(20)]
    assert _run(engine, at_site + empty_off_site) == []
    loaded_off_site = [_fix(FREE_TRUCK, 40 + m, 800, 800, 1.0, "loaded") for m in range(15)]
    (alert,) = _run(engine, loaded_off_site)
    assert alert.kind is AlertKind.DUMPING
    assert alert.since == T0 + timedelta(minutes=40)
    assert alert.raised_at == T0 + timedelta(minutes=50)
    assert "疑似偷倒" in alert.text


def test_late_fixes_and_unknown_units_are_ignored_and_alerts_are_emitted() -> None:
    engine = RuleEngine(_context())
    heard: list[Alert] = []
    engine.alerts.connect(heard.append)
    off = [_fix(PATROLLER, m, 250, 300) for m in range(10)]
    late_on = _fix(PATROLLER, 3, 250, 0)  # arrives after minute 9: must not close the episode
    rest = [_fix(PATROLLER, m, 250, 300) for m in range(10, 16)]
    stranger = [_fix(99, m, 9000, 9000, 0, "loaded") for m in range(30)]
    alerts = engine.feed([*off, late_on, *rest, *stranger])
    assert [a.since for a in alerts] == [T0]
    assert heard == alerts


def test_a_permit_needs_exactly_one_geometry() -> None:
    with pytest.raises(ValueError, match="exactly one"):
        TruckPermit(1, "P", area=AREA, route=SEGMENT)
    with pytest.raises(ValueError, match="exactly one"):
        TruckPermit(1, "P")


def test_batch_segment_distances_agree_with_measured_lines() -> None:
    import numpy as np

    from commandcenter.geo import MeasuredLine
    from commandcenter.rules.segment_distance import SegmentDistances

    rng = np.random.default_rng(4)
    lines = {
        unit: np.cumsum(rng.uniform(-200, 200, (int(rng.integers(2, 9)), 2)), axis=0) for unit in range(50)
    }
    lines[50] = np.array([[0.0, 0.0], [0.0, 0.0], [30.0, 40.0]])  # a repeated vertex: a zero-length piece
    batch = SegmentDistances(lines)
    units = [int(u) for u in rng.integers(0, 51, 400)]
    points = rng.uniform(-1500, 1500, (400, 2))
    expected = [
        MeasuredLine(lines[u]).locate(float(x), float(y))[0] for u, (x, y) in zip(units, points, strict=True)
    ]
    assert batch.distances(units, points) == pytest.approx(expected)
    assert 50 in batch
    assert 51 not in batch
