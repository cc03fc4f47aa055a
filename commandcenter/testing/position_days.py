"""Helpers for the tests of ``positions`` by day (partitions, upkeep, retention): a small fleet, the
partitions PostgreSQL holds, and how many fixes playback draws for a unit's day."""

from __future__ import annotations

from datetime import datetime, timedelta

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.district.models import Staff
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit
from commandcenter.persistence.units.tracks import load_track
from commandcenter.testing.minimal_district import minimal_district


def fleet(store: Store, units: int = 3) -> None:
    """The minimal district with ``units`` muck trucks (ids 1…units) and no staff."""
    tables = minimal_district()
    tables[Staff] = []
    tables[Unit] = [
        {"id": i, "kind": "muck_truck", "label": f"豫A·{i:05d}", "office_id": 1} for i in range(1, units + 1)
    ]
    replace_all(store, tables)


def partitions(store: Store) -> set[str]:
    """PostgreSQL: the names of the partitions of ``positions``."""
    rows = store.execute_raw(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = 'positions'::regclass"
    )
    return {name for (name,) in rows}


def day_track(store: Store, unit_id: int, moment: datetime) -> int:
    """How many fixes playback draws for the unit over the UTC day of ``moment``."""
    start = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return len(load_track(store, unit_id, start, start + timedelta(days=1)))
