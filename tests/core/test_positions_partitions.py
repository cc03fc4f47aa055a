"""``positions`` by day (migration 0013): on PostgreSQL a partition per UTC day plus a default one, on
SQLite the plain table; fixes of any day land and read back, through the small path and the COPY path
alike, and a populated database upgrades (and downgrades) without losing a row."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from alembic import command
from sqlalchemy import insert, inspect

from commandcenter.domain.units import Position
from commandcenter.persistence.migrate import _alembic_config, upgrade
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import PositionRow, Unit
from commandcenter.persistence.units.positions import SET_UPDATE_FROM, record_positions
from commandcenter.testing.position_days import day_track, fleet, partitions

TODAY = datetime.now(UTC).replace(hour=3, minute=0, second=0, microsecond=0)
FAR_OLD = datetime(2024, 2, 29, 10, 0, tzinfo=UTC)  # no partition was ever made for it


@pytest.fixture
def old_store(db_url: str) -> Iterator[Store]:
    """A database at migration 0012 (before the partitions)."""
    opened = Store.open(db_url, migrate=False)
    upgrade(opened.engine, "0012")
    try:
        yield opened
    finally:
        opened.close()


def test_a_populated_database_upgrades_and_downgrades_without_losing_a_row(old_store: Store) -> None:
    days = [FAR_OLD, TODAY - timedelta(days=40), TODAY - timedelta(days=1), TODAY]
    with old_store.engine.begin() as connection:
        connection.execute(insert(Unit), [{"id": 1, "kind": "muck_truck", "label": "豫A·00001"}])
        rows = [
            {"unit_id": 1, "ts": day + timedelta(seconds=10 * n), "lon": 113.6, "lat": 34.7 + n * 1e-5}
            for day in days
            for n in range(50)
        ]
        connection.execute(
            insert(PositionRow), [{**row, "speed_kmh": 5.0, "heading_deg": 0.0} for row in rows]
        )
    before = old_store.execute_raw("SELECT id, ts, lat FROM positions ORDER BY id")
    upgrade(old_store.engine)
    assert old_store.execute_raw("SELECT id, ts, lat FROM positions ORDER BY id") == before
    if old_store.dialect == "postgresql":
        names = partitions(old_store)
        assert {f"positions_{day:%Y%m%d}" for day in days} <= names
        assert f"positions_{TODAY + timedelta(days=3):%Y%m%d}" in names
        assert "positions_default" in names
        assert old_store.execute_raw("SELECT COUNT(*) FROM positions_default") == [(0,)]
        primary = inspect(old_store.engine).get_pk_constraint("positions")["constrained_columns"]
        assert primary == ["id", "ts"]  # PostgreSQL wants the partition key in it
    record_positions(old_store, [Position(1, TODAY + timedelta(hours=1), 113.7, 34.8)])
    newest = old_store.execute_raw("SELECT MAX(id) FROM positions")[0][0]
    assert newest == len(before) + 1  # the id sequence went on where it was
    assert day_track(old_store, 1, FAR_OLD) == 50
    command.downgrade(_alembic_config(old_store.engine), "0012")
    assert "position_rollups" not in inspect(old_store.engine).get_table_names()
    assert inspect(old_store.engine).get_pk_constraint("positions")["constrained_columns"] == ["id"]
    assert old_store.execute_raw("SELECT COUNT(*) FROM positions") == [(len(before) + 1,)]
    upgrade(old_store.engine)
    assert old_store.execute_raw("SELECT COUNT(*) FROM positions") == [(len(before) + 1,)]


@pytest.mark.parametrize("units", [3, SET_UPDATE_FROM + 20], ids=["small batch", "COPY batch"])
def test_fixes_of_today_yesterday_and_a_far_old_day_land_and_read_back(store: Store, units: int) -> None:
    fleet(store, units)
    moments = [TODAY, TODAY - timedelta(days=1), FAR_OLD, TODAY + timedelta(days=30)]
    batch = [
        Position(unit, moment + timedelta(seconds=10 * n), 113.6, 34.7, 12.0, 90.0, "loaded")
        for moment in moments
        for unit in range(1, units + 1)
        for n in range(3)
    ]
    record_positions(store, batch)
    assert store.execute_raw("SELECT COUNT(*) FROM positions") == [(len(batch),)]
    for moment in moments:
        assert day_track(store, 1, moment) == 3
        assert day_track(store, units, moment) == 3
    if store.dialect == "postgresql":  # days without a partition yet wait in the default one
        assert store.execute_raw("SELECT COUNT(*) FROM positions_default") == [(3 * 3 * units,)]
