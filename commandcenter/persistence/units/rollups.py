"""Thinning a day of fixes into ``position_rollups`` before the raw day goes (retention), on both engines.

Kept of each unit's day: the first fix of every minute, every fix whose state differs from the one
before (moving → stopped, loaded → empty) and every fix where the speed fell to zero (a stop) — enough
to draw the route, the stops and the loads in playback at a sixtieth of the rows. A fix already in the
rollups (same unit, same instant) is not added again, so a run cut short and repeated adds nothing twice.
SQLite has no partitions: its old days are deleted from ``positions`` in batches after the rollup.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection, DateTime, bindparam, text

from commandcenter.persistence.units.partitions import day_bounds

DELETE_BATCH = 10_000  # SQLite: fixes deleted per transaction, so writers wait a moment at most
_TS = DateTime(timezone=True)


def roll_up(connection: Connection, source: str, day: date) -> int:
    """Thin the fixes of ``day`` in table ``source`` (``positions``, a day partition, the default) into
    ``position_rollups``; returns how many were kept."""
    postgres = connection.dialect.name == "postgresql"
    minute = "date_trunc('minute', ts)" if postgres else "substr(ts, 1, 16)"
    differs = "IS DISTINCT FROM" if postgres else "IS NOT"
    statement = text(
        "INSERT INTO position_rollups (unit_id, ts, lon, lat, speed_kmh, heading_deg, state) "
        "SELECT unit_id, ts, lon, lat, speed_kmh, heading_deg, state FROM ("
        f" SELECT unit_id, ts, lon, lat, speed_kmh, heading_deg, state,"
        f" row_number() OVER (PARTITION BY unit_id, {minute} ORDER BY ts, id) AS nth,"
        " lag(state) OVER (PARTITION BY unit_id ORDER BY ts, id) AS previous_state,"
        " lag(speed_kmh) OVER (PARTITION BY unit_id ORDER BY ts, id) AS previous_speed"
        f" FROM {source} WHERE ts >= :start AND ts < :end) AS fixes "
        f"WHERE (nth = 1 OR state {differs} previous_state OR (speed_kmh = 0 AND previous_speed > 0)) "
        "AND NOT EXISTS (SELECT 1 FROM position_rollups kept "
        "WHERE kept.unit_id = fixes.unit_id AND kept.ts = fixes.ts)"
    ).bindparams(bindparam("start", type_=_TS), bindparam("end", type_=_TS))
    start, end = day_bounds(day)
    return int(connection.execute(statement, {"start": start, "end": end}).rowcount)


def days_before(connection: Connection, cutoff: date) -> list[date]:
    """SQLite: the UTC days before ``cutoff`` that still hold fixes in ``positions``."""
    start, _ = day_bounds(cutoff)
    rows = connection.execute(
        text("SELECT DISTINCT substr(ts, 1, 10) FROM positions WHERE ts < :cutoff").bindparams(
            bindparam("cutoff", type_=_TS)
        ),
        {"cutoff": start},
    ).scalars()
    return sorted(date.fromisoformat(day) for day in rows)


def delete_batch(connection: Connection, day: date, limit: int = DELETE_BATCH) -> int:
    """SQLite: delete up to ``limit`` fixes of ``day`` from ``positions``; how many went (0 = done)."""
    start, end = day_bounds(day)
    deleted = connection.execute(
        text(
            "DELETE FROM positions WHERE id IN "
            "(SELECT id FROM positions WHERE ts >= :start AND ts < :end LIMIT :limit)"
        ).bindparams(bindparam("start", type_=_TS), bindparam("end", type_=_TS)),
        {"start": start, "end": end, "limit": limit},
    )
    return int(deleted.rowcount)
