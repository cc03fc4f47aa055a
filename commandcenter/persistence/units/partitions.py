"""PostgreSQL's day partitions of ``positions`` (migration 0013): which exist, making one, dropping one.

A day is a UTC day, ``positions_YYYYMMDD`` holding ``[00:00, 24:00) UTC``; ``positions_default`` takes
a fix no partition covers (a terminal's clock far off, a backfill of a day not made yet). PostgreSQL
refuses to create a day's partition while the default holds rows of that day, so ``create_day`` moves
them into the new table before attaching it. Every change runs in the caller's transaction after
``hold_upkeep_lock``: several gateways and desks may run the upkeep at once, and the transaction-scoped
advisory lock makes them take turns, each re-reading what exists under it.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import Connection, DateTime, bindparam, text

DEFAULT_PARTITION = "positions_default"
_NAME = re.compile(r"positions_(\d{8})")
_UPKEEP_LOCK = 0x706F73  # "pos": one advisory lock id for every process upkeeping positions
_LOCK_TIMEOUT = "5s"  # a step waiting longer on a table lock gives up (tried again next round)
_COLUMNS = "id, unit_id, ts, lon, lat, speed_kmh, heading_deg, state"
_TS = DateTime(timezone=True)


def partition_name(day: date) -> str:
    return f"positions_{day:%Y%m%d}"


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """``[start, end)`` of a UTC day."""
    start = datetime.combine(day, time(), tzinfo=UTC)
    return start, start + timedelta(days=1)


def is_partitioned(connection: Connection) -> bool:
    """Whether ``positions`` is the partitioned table (PostgreSQL after migration 0013)."""
    if connection.dialect.name != "postgresql":
        return False
    kind = connection.exec_driver_sql("SELECT relkind FROM pg_class WHERE oid = 'positions'::regclass")
    return kind.scalar() == "p"


def hold_upkeep_lock(connection: Connection) -> None:
    """Wait for any other process's upkeep; held until the caller's transaction ends. The step's own
    table locks then wait at most ``_LOCK_TIMEOUT``: behind a long reader the step gives up rather
    than queue the fleet's writes behind it."""
    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _UPKEEP_LOCK})
    connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{_LOCK_TIMEOUT}'")


def partition_days(connection: Connection) -> set[date]:
    """The days that have their own partition."""
    names = connection.exec_driver_sql(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = 'positions'::regclass"
    ).scalars()
    return {
        datetime.strptime(match.group(1), "%Y%m%d").date()
        for name in names
        if (match := _NAME.fullmatch(name)) is not None
    }


def default_days(connection: Connection) -> dict[date, int]:
    """Fixes waiting in the default partition, counted by UTC day."""
    rows = connection.exec_driver_sql(
        f"SELECT (ts AT TIME ZONE 'UTC')::date, COUNT(*) FROM {DEFAULT_PARTITION} GROUP BY 1"
    )
    return {day: int(count) for day, count in rows}


def create_day(connection: Connection, day: date) -> int:
    """Make the day's partition (no-op if it exists); returns how many fixes came over from the default.
    The table is locked first — before the default is read — so no writer can put a fix of the day
    into the default between the move and the attach (PostgreSQL would refuse the new partition)."""
    name = partition_name(day)
    start, end = day_bounds(day)
    bounds = f"FOR VALUES FROM ('{start.isoformat()}') TO ('{end.isoformat()}')"
    if day in partition_days(connection):
        return 0
    connection.exec_driver_sql("LOCK TABLE positions IN ACCESS EXCLUSIVE MODE")
    if day not in default_days(connection):
        connection.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {name} PARTITION OF positions {bounds}")
        return 0
    connection.exec_driver_sql(f"CREATE TABLE {name} (LIKE positions INCLUDING DEFAULTS)")
    moved = connection.execute(
        text(
            f"WITH moved AS (DELETE FROM {DEFAULT_PARTITION} WHERE ts >= :start AND ts < :end "
            f"RETURNING {_COLUMNS}) INSERT INTO {name} ({_COLUMNS}) SELECT {_COLUMNS} FROM moved"
        ).bindparams(bindparam("start", type_=_TS), bindparam("end", type_=_TS)),
        {"start": start, "end": end},
    ).rowcount
    connection.exec_driver_sql(f"ALTER TABLE positions ATTACH PARTITION {name} {bounds}")
    return int(moved)


def count_day(connection: Connection, day: date) -> int:
    return int(connection.exec_driver_sql(f"SELECT COUNT(*) FROM {partition_name(day)}").scalar() or 0)


def drop_day(connection: Connection, day: date) -> None:
    """Detach and drop the day's partition (its fixes are gone: roll them up first)."""
    name = partition_name(day)
    connection.exec_driver_sql(f"ALTER TABLE positions DETACH PARTITION {name}")
    connection.exec_driver_sql(f"DROP TABLE {name}")


def delete_default_day(connection: Connection, day: date) -> int:
    """Delete a day's fixes from the default partition (rolled up first); how many went."""
    start, end = day_bounds(day)
    deleted = connection.execute(
        text(f"DELETE FROM {DEFAULT_PARTITION} WHERE ts >= :start AND ts < :end").bindparams(
            bindparam("start", type_=_TS), bindparam("end", type_=_TS)
        ),
        {"start": start, "end": end},
    )
    return int(deleted.rowcount)
