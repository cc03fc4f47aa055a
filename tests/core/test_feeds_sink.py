"""Every source's positions pass the same plausibility check before they are stored: a 0,0 fix, a
decoder's 900 km/h, a fix dated next year or a device without a satellite fix is refused with its
reason and counted per unit; the rest of the batch is stored in one go."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.domain.units import Position
from commandcenter.feeds.plausibility import position_problems
from commandcenter.feeds.sink import PositionSink
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import feed_summary, latest_positions
from commandcenter.testing.minimal_district import minimal_district

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
GOOD = Position(1, NOW - timedelta(seconds=5), 113.61, 34.71, 4.2, 90.0, "moving")


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"lon": 0.0, "lat": 0.0}, "0,0"),
        ({"lon": 213.6}, "坐标超出范围"),
        ({"lat": math.nan}, "坐标超出范围"),
        ({"speed_kmh": 900.0}, "速度不合理"),
        ({"speed_kmh": -1.0}, "速度不合理"),
        ({"heading_deg": 400.0}, "方向不合理"),
        ({"ts": NOW + timedelta(days=300)}, "未来"),
        ({"ts": NOW - timedelta(days=400)}, "过旧"),
        ({"ts": datetime(2026, 5, 12, 2, 0)}, "时区"),  # naive: no zone
        ({"valid": False}, "未定位"),
    ],
)
def test_an_implausible_position_is_refused_with_its_reason(change: dict[str, object], reason: str) -> None:
    bad = Position(**{**GOOD.__dict__, **change})  # type: ignore[arg-type]
    problems = position_problems(bad, NOW)
    assert any(reason in problem for problem in problems), problems


def test_a_plausible_position_has_no_problem() -> None:
    assert position_problems(GOOD, NOW) == []
    assert position_problems(Position(1, NOW, 113.61, 34.71), NOW) == []  # backfill of "now" too


def test_the_sink_stores_the_good_fixes_and_counts_the_bad_per_unit(store: Store) -> None:
    replace_all(store, minimal_district())
    sink = PositionSink(store, clock=lambda: NOW)
    broken = Position(1, NOW, 0.0, 0.0)
    report = sink.write([broken, GOOD, broken])
    assert (report.written, report.refused) == (1, 2)
    assert feed_summary(store).position_high_water == 1
    (unit,) = [u for u in latest_positions(store) if u.unit_id == 1]
    assert (unit.lon, unit.lat, unit.speed_kmh) == (GOOD.lon, GOOD.lat, GOOD.speed_kmh)
    refused = sink.refusals()
    assert refused[1].count == 2
    assert any("0,0" in reason for reason in refused[1].last_reasons)
