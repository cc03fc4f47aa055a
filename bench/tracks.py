"""Track history reads: one truck's day at 10 s (8,640 fixes) from the positions table into arrays,
then trips/stops segmentation of it. The load must stay well under 100 ms (the map's 200 ms budget
for "load and draw a day" leaves the rest to drawing). ``--postgres`` adds a throwaway cluster.
Last, the map rules on one second of the seed fleet (2,658 fixes, demo permits included).

Last line: {"track_day_load_ms": …, "track_day_load_ms_pg": …, "segment_day_ms": …, "rules_seed_batch_ms": …}
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from commandcenter.persistence.units.positions import latest_positions, record_positions

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from commandcenter.domain.units import Position
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.tracks import load_track
from commandcenter.rules import RuleEngine, load_rule_context
from commandcenter.rules.demo_permits import demo_permits
from commandcenter.testing.demo_district import DISTRICT_NOW, demo_district
from commandcenter.testing.synthetic_tracks import store_with_units, truck_day
from commandcenter.tracks import segment_track

DAY = datetime(2026, 11, 26, tzinfo=UTC)


def _median_ms(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _load_ms(url: str, runs: int) -> float:
    store = Store.open(url)
    try:
        store_with_units(store, [1, 2])
        record_positions(store, truck_day(1, DAY))
        record_positions(store, truck_day(2, DAY))  # a neighbour in the index, not in the result
        count = len(load_track(store, 1, DAY, DAY + timedelta(days=1)))
        assert count == 8_640, count
        return _median_ms(lambda: load_track(store, 1, DAY, DAY + timedelta(days=1)), runs)
    finally:
        store.close()


def _rules_ms(folder: Path, runs: int) -> float:
    """One batch = every unit of the seed district reporting once, at its stored position."""
    with demo_district(folder) as district:
        engine = RuleEngine(load_rule_context(district.store, demo_permits(district.store)))
        units = [u for u in latest_positions(district.store) if u.lon is not None and u.lat is not None]
    batches = [
        [
            Position(
                u.unit_id,
                DISTRICT_NOW + timedelta(seconds=second),
                u.lon,
                u.lat,
                u.speed_kmh or 0.0,
                0.0,
                u.state,
            )
            for u in units
            if u.lon is not None and u.lat is not None  # (already filtered; mypy cannot tell)
        ]
        for second in range(runs)
    ]
    context = engine.context
    print(
        f"rules: {len(units)} units, {len(context.segments)} patrol segments, {len(context.permits)} permits"
    )
    batch = iter(batches)
    return _median_ms(lambda: engine.feed(next(batch)), runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--postgres", action="store_true", help="also measure on a throwaway PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        sqlite_ms = _load_ms(f"sqlite:///{Path(folder) / 'tracks.sqlite'}", args.runs)
        print(f"load a day (8,640 fixes), SQLite: median {sqlite_ms:.1f} ms")
        pg_ms = None
        if args.postgres:
            from commandcenter.testing.postgres import ThrowawayPostgres

            cluster = ThrowawayPostgres.start()
            try:
                pg_ms = _load_ms(cluster.create_database("bench_tracks"), args.runs)
            finally:
                cluster.stop()
            print(f"load a day (8,640 fixes), PostgreSQL: median {pg_ms:.1f} ms")
        store = Store.open(f"sqlite:///{Path(folder) / 'tracks.sqlite'}")
        track = load_track(store, 1, DAY, DAY + timedelta(days=1))
        store.close()
    result = segment_track(track)
    segment_ms = _median_ms(lambda: segment_track(track), args.runs)
    print(f"segment a day: {len(result.trips)} trips, {len(result.stops)} stops, median {segment_ms:.1f} ms")
    with tempfile.TemporaryDirectory() as folder:
        rules_ms = _rules_ms(Path(folder), args.runs)
    print(f"rules on one second of the seed fleet: median {rules_ms:.1f} ms")
    keys = {
        "track_day_load_ms": sqlite_ms,
        "track_day_load_ms_pg": pg_ms,
        "segment_day_ms": segment_ms,
        "rules_seed_batch_ms": rules_ms,
    }
    print(json.dumps({key: None if value is None else round(value, 2) for key, value in keys.items()}))


if __name__ == "__main__":
    main()
