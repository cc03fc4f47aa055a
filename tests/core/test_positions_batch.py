"""A large batch of fixes (the gateway's: thousands of terminals a second) is stored the fast way on
PostgreSQL — COPY into ``positions``, one UPDATE of the units from a temporary table — with exactly the
result of the small-batch path on both databases: every fix appended, each unit at its latest fix."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from commandcenter.domain.units import Position
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.district.models import Staff
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.persistence.units.positions import SET_UPDATE_FROM, latest_positions, record_positions
from commandcenter.testing.minimal_district import minimal_district

UNITS = SET_UPDATE_FROM + 100
NOW = datetime(2026, 12, 2, 4, 0, tzinfo=UTC)


def test_a_large_batch_appends_every_fix_and_moves_each_unit_to_its_latest(store: Store) -> None:
    tables = minimal_district()
    tables[Staff] = []
    tables[Unit] = [
        {"id": i, "kind": "muck_truck", "label": f"豫A·{i:05d}", "office_id": 1} for i in range(1, UNITS + 1)
    ]
    replace_all(store, tables)
    first = [Position(i, NOW, 113.60 + i * 1e-5, 34.70, 20.0, 90.0, "loaded") for i in range(1, UNITS + 1)]
    later = [
        Position(i, NOW + timedelta(seconds=10), 113.61, 34.71 + i * 1e-5, 0.0, 0.0) for i in range(1, 11)
    ]
    record_positions(store, first + later)  # units 1–10 report twice in one batch: the later fix wins
    assert store.execute_raw("SELECT COUNT(*) FROM positions") == [(UNITS + 10,)]
    latest = {unit.unit_id: unit for unit in latest_positions(store)}
    assert latest[1].lon == 113.61
    assert latest[1].lat == 34.71 + 1e-5
    assert latest[1].ts == NOW + timedelta(seconds=10)
    assert latest[UNITS].lon == 113.60 + UNITS * 1e-5
    assert latest[UNITS].state == "loaded"
    assert latest[UNITS].speed_kmh == 20.0
    small = [Position(5, NOW + timedelta(seconds=20), 113.62, 34.72)]  # the small path, same table
    record_positions(store, small)
    assert {unit.unit_id: unit for unit in latest_positions(store)}[5].lon == 113.62


def test_a_backfill_arriving_after_the_live_fix_never_moves_a_unit_back(store: Store) -> None:
    """0x0704 carries fixes from a blind zone minutes ago; it may arrive after the live fix (in the
    same batch or a later one, on the large and the small path): every fix is stored, the map keeps
    the newest."""
    tables = minimal_district()
    tables[Staff] = []
    tables[Unit] = [
        {"id": i, "kind": "muck_truck", "label": f"豫A·{i:05d}", "office_id": 1} for i in range(1, UNITS + 1)
    ]
    replace_all(store, tables)
    live = [Position(i, NOW, 113.60, 34.70) for i in range(1, UNITS + 1)]
    old = [Position(i, NOW - timedelta(minutes=10), 113.50, 34.60) for i in range(1, UNITS + 1)]
    record_positions(store, live + old)  # the large path, the backfill last in the batch
    record_positions(store, old)  # the large path again, a later batch
    record_positions(store, old[:3])  # the small path
    assert store.execute_raw("SELECT COUNT(*) FROM positions") == [(3 * UNITS + 3,)]
    latest = latest_positions(store)
    assert {(unit.ts, unit.lon) for unit in latest} == {(NOW, 113.60)}
