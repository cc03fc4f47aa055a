"""Reads of the position time series for track playback: one unit or a group over a period.

A day of one truck at 10 s is 8,640 rows; turning each into a ``datetime`` and a row object costs
more than the query, so the database hands back epoch seconds as plain floats (``julianday`` on
SQLite, ``extract(epoch …)`` on PostgreSQL) and the rows go straight into numpy. The select touches
only ``ix_positions_unit_ts`` (unit_id, ts) plus the five columns drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, cast, func, select

from commandcenter.domain.track import Track
from commandcenter.domain.units import TrackUnit
from commandcenter.persistence.access import reading
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import PositionRow, Unit

_JULIAN_UNIX_EPOCH = 2440587.5  # julianday('1970-01-01')


def _epoch(store: Store) -> ColumnElement[Any]:
    ts = PositionRow.ts
    if store.engine.dialect.name == "sqlite":
        return (func.julianday(ts) - _JULIAN_UNIX_EPOCH) * 86400.0
    return cast(func.extract("epoch", ts), Float)


def _utc(moment: datetime) -> datetime:
    """Bind values in UTC: SQLite compares the stored UTC text, so a +08:00 bound would be 8 h off."""
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def load_track(store: Store, unit_id: int, start: datetime, end: datetime) -> Track:
    """The fixes of one unit with ``start <= ts <= end``, in time order."""
    position = PositionRow
    statement = (
        select(_epoch(store), position.lon, position.lat, position.speed_kmh, position.heading_deg)
        .where(position.unit_id == unit_id, position.ts >= _utc(start), position.ts <= _utc(end))
        .order_by(position.ts)
    )
    with reading(store) as connection:
        rows = [tuple(row) for row in connection.execute(statement)]
    return Track.from_rows(unit_id, rows)


def load_tracks(store: Store, unit_ids: Sequence[int], start: datetime, end: datetime) -> dict[int, Track]:
    """Tracks of a group (轨迹回放 of several units together), one query; every asked id has an entry."""
    position = PositionRow
    statement = (
        select(
            position.unit_id,
            _epoch(store),
            position.lon,
            position.lat,
            position.speed_kmh,
            position.heading_deg,
        )
        .where(position.unit_id.in_(list(unit_ids)), position.ts >= _utc(start), position.ts <= _utc(end))
        .order_by(position.unit_id, position.ts)
    )
    grouped: dict[int, list[tuple[float, ...]]] = {unit_id: [] for unit_id in unit_ids}
    with reading(store) as connection:
        for unit_id, *values in connection.execute(statement):
            grouped[unit_id].append(tuple(values))
    return {unit_id: Track.from_rows(unit_id, rows) for unit_id, rows in grouped.items()}


def track_units(store: Store, kinds: Sequence[str] = ()) -> list[TrackUnit]:
    """Units to pick from, by kind then label; all kinds when ``kinds`` is empty."""
    unit = Unit
    statement = select(unit.id, unit.kind, unit.label, unit.office_id).order_by(unit.kind, unit.label)
    if kinds:
        statement = statement.where(unit.kind.in_(list(kinds)))
    with reading(store) as connection:
        return [TrackUnit(*row) for row in connection.execute(statement)]
