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
from collections.abc import Iterable, Iterator, Mapping, Sequence
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


class ChunkedTracks(Mapping[int, Track]):
    """The tracks of many units read ``chunk`` units at a time, when one of them is first asked for,
    holding one chunk only. For a pass over a whole roster's day (the duty view, the daily summary
    every few minutes): one query for all of them held every fix at once — a full day of 1,600
    patrollers at 2 s is ~35 M fixes, 1.4 GB as flat doubles — where a chunk of 64 holds 1/25 of it.
    Ask in ``unit_ids``' order and each chunk is read once; a unit asked again later costs its
    chunk's query again, never a wrong answer."""

    def __init__(
        self, store: Store, unit_ids: Iterable[int], start: datetime, end: datetime, chunk: int = 64
    ) -> None:
        ordered = list(dict.fromkeys(unit_ids))
        self._store, self._start, self._end = store, start, end
        self._chunks = [ordered[i : i + chunk] for i in range(0, len(ordered), chunk)]
        self._chunk_of = {unit_id: i // chunk for i, unit_id in enumerate(ordered)}
        self._held_index = -1
        self._held: dict[int, Track] = {}
        self.reads = 0  # chunks read so far

    def __getitem__(self, unit_id: int) -> Track:
        index = self._chunk_of[unit_id]  # KeyError: not one of the units (``get`` gives None)
        if index != self._held_index:
            self._held = {}  # let the last chunk go before the next is read
            self._held = load_tracks(self._store, self._chunks[index], self._start, self._end)
            self._held_index = index
            self.reads += 1
        return self._held[unit_id]

    def __iter__(self) -> Iterator[int]:
        return iter(self._chunk_of)

    def __len__(self) -> int:
        return len(self._chunk_of)


def track_units(store: Store, kinds: Sequence[str] = ()) -> list[TrackUnit]:
    """Units to pick from, by kind then label; all kinds when ``kinds`` is empty."""
    unit = Unit
    statement = select(unit.id, unit.kind, unit.label, unit.office_id).order_by(unit.kind, unit.label)
    if kinds:
        statement = statement.where(unit.kind.in_(list(kinds)))
    with reading(store) as connection:
        return [TrackUnit(*row) for row in connection.execute(statement)]
