"""Reads of the position time series for track playback: one unit or a group over a period.

A day of one truck at 10 s is 8,640 rows; turning each into a ``datetime`` and a row object costs
more than the query, so the database hands back epoch seconds as plain floats (``julianday`` on
SQLite, ``extract(epoch …)`` on PostgreSQL) and the rows go straight into numpy. The select touches
only ``ix_positions_unit_ts`` (unit_id, ts) plus the five columns drawn.

Days past the retention (``[positions] retention_days``) are no longer in ``positions`` but thinned in
``position_rollups``: every read takes both, so asking for an old day gives its thinned track. A day is
in one table or the other (the upkeep writes the rollup and drops the day in one transaction), so the
union does not double a fix.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Float, Subquery, cast, func, select, union_all

from commandcenter.domain.track import Track
from commandcenter.domain.units import TrackUnit
from commandcenter.persistence.access import reading
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import PositionRollup, PositionRow, Unit

_JULIAN_UNIX_EPOCH = 2440587.5  # julianday('1970-01-01')


def _epoch(store: Store, ts: ColumnElement[Any]) -> ColumnElement[Any]:
    if store.engine.dialect.name == "sqlite":
        return (func.julianday(ts) - _JULIAN_UNIX_EPOCH) * 86400.0
    return cast(func.extract("epoch", ts), Float)


def _utc(moment: datetime) -> datetime:
    """Bind values in UTC: SQLite compares the stored UTC text, so a +08:00 bound would be 8 h off."""
    return moment.astimezone(UTC) if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _fixes(unit_ids: Sequence[int], start: datetime, end: datetime) -> Subquery:
    """The fixes of ``unit_ids`` with ``start <= ts <= end``, raw and rolled up, as one row source."""
    start, end = _utc(start), _utc(end)
    sources = [
        select(table.unit_id, table.ts, table.lon, table.lat, table.speed_kmh, table.heading_deg).where(
            table.unit_id.in_(list(unit_ids)), table.ts >= start, table.ts <= end
        )
        for table in (PositionRow, PositionRollup)
    ]
    return union_all(*sources).subquery("fixes")


def load_track(store: Store, unit_id: int, start: datetime, end: datetime) -> Track:
    """The fixes of one unit with ``start <= ts <= end``, in time order."""
    fixes = _fixes([unit_id], start, end)
    statement = select(
        _epoch(store, fixes.c.ts), fixes.c.lon, fixes.c.lat, fixes.c.speed_kmh, fixes.c.heading_deg
    ).order_by(fixes.c.ts)
    flat = array("d")
    with reading(store) as connection:
        for row in connection.execute(statement):
            flat.extend(row)
    return Track.from_flat(unit_id, flat)


def load_tracks(store: Store, unit_ids: Sequence[int], start: datetime, end: datetime) -> dict[int, Track]:
    """Tracks of a group (轨迹回放 of several units together), one query; every asked id has an entry."""
    fixes = _fixes(unit_ids, start, end)
    statement = select(
        fixes.c.unit_id,
        _epoch(store, fixes.c.ts),
        fixes.c.lon,
        fixes.c.lat,
        fixes.c.speed_kmh,
        fixes.c.heading_deg,
    ).order_by(fixes.c.unit_id, fixes.c.ts)
    flat: dict[int, array[float]] = {unit_id: array("d") for unit_id in unit_ids}
    with reading(store) as connection:
        for unit_id, *values in connection.execute(statement):
            flat[unit_id].extend(values)  # 8 bytes a value, not a tuple a fix (``Track.from_flat``)
    return {unit_id: Track.from_flat(unit_id, values) for unit_id, values in flat.items()}


def track_units(store: Store, kinds: Sequence[str] = ()) -> list[TrackUnit]:
    """Units to pick from, by kind then label; all kinds when ``kinds`` is empty."""
    unit = Unit
    statement = select(unit.id, unit.kind, unit.label, unit.office_id).order_by(unit.kind, unit.label)
    if kinds:
        statement = statement.where(unit.kind.in_(list(kinds)))
    with reading(store) as connection:
        return [TrackUnit(*row) for row in connection.execute(statement)]
