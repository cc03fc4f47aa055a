"""What the JT/T 808 server reads and writes about terminals: the vehicle behind a terminal id, the
per-terminal session rows (written in batches: one transaction for every session that changed) and
the unknown terminals the administrator must see. Sessions are upserted with ``INSERT … ON CONFLICT DO
UPDATE`` in one executemany (both databases have it): 5,000 terminals' rows cost one statement, not an
UPDATE each; the rarer sightings stay update-then-insert (their frame count adds up)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite

from commandcenter.domain.terminals import SessionState, TerminalVehicle, UnknownTerminalSighting
from commandcenter.persistence.access import read_one, writing
from commandcenter.persistence.bulk_insert import copy_text, copy_word
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.gateway.models import TerminalSession, UnknownTerminal
from commandcenter.persistence.store import Store


def terminal_vehicle(store: Store, terminal_id: str) -> TerminalVehicle | None:
    """The vehicle of a header's terminal id, however the district's table spells it: the header
    pads with zeros to 12 (2013) or 20 (2019) digits, an imported table may hold the 11-digit phone."""
    row = read_one(
        store,
        select(Vehicle.id, Vehicle.plate, Vehicle.unit_id, Vehicle.terminal_id)
        .where(Vehicle.terminal_id.in_(spellings(terminal_id)))
        .order_by(Vehicle.id),
    )
    return None if row is None else TerminalVehicle(row.id, row.plate, row.unit_id, str(row.terminal_id))


def spellings(terminal_id: str) -> list[str]:
    """``terminal_id`` with every zero padding from none to 20 digits."""
    core = terminal_id.lstrip("0") or "0"
    return [core.rjust(width, "0") for width in range(len(core), 21)]


def save_sessions(
    store: Store, sessions: Sequence[SessionState], unknown: Sequence[UnknownTerminalSighting]
) -> None:
    """Write the changed sessions and the unknown terminals' sightings in one transaction."""
    if not sessions and not unknown:
        return
    with writing(store) as connection:
        if sessions:
            _upsert_sessions(connection, [_session_values(session) for session in sessions])
        for sighting in unknown:
            _save_sighting(connection, sighting)


_SESSION_COLUMNS = (
    "terminal_id",
    "unit_id",
    "gateway",
    "remote",
    "protocol",
    "connected_at",
    "last_frame_at",
    "frames",
    "errors",
    "last_error",
)
COPY_FROM = 200  # sessions from which PostgreSQL gets them by COPY (an executemany is a trip per row)


def _upsert_sessions(connection: Connection, rows: list[dict[str, Any]]) -> None:
    if connection.dialect.name == "postgresql" and len(rows) >= COPY_FROM:
        _upsert_by_copy(connection, rows)
        return
    dialect_insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = dialect_insert(TerminalSession)
    changed = {name: statement.excluded[name] for name in rows[0] if name != "terminal_id"}
    connection.execute(statement.on_conflict_do_update(index_elements=["terminal_id"], set_=changed), rows)


def _upsert_by_copy(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL, many sessions: COPY them into a temporary table, then one upsert from it."""
    connection.exec_driver_sql(
        "CREATE TEMPORARY TABLE changed_sessions (LIKE terminal_sessions INCLUDING DEFAULTS) ON COMMIT DROP"
    )
    lines = "".join("\t".join(_cell(row[name]) for name in _SESSION_COLUMNS) + "\n" for row in rows)
    copy_text(connection, "changed_sessions", _SESSION_COLUMNS, lines)
    names = ", ".join(_SESSION_COLUMNS)
    changed = ", ".join(f"{name} = EXCLUDED.{name}" for name in _SESSION_COLUMNS[1:])
    connection.exec_driver_sql(
        f"INSERT INTO terminal_sessions ({names}) SELECT {names} FROM changed_sessions "
        f"ON CONFLICT (terminal_id) DO UPDATE SET {changed}"
    )


def _cell(value: object) -> str:
    if value is None or isinstance(value, str):
        return copy_word(value)
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _session_values(session: SessionState) -> dict[str, Any]:
    return {
        "terminal_id": session.terminal_id,
        "unit_id": session.unit_id,
        "gateway": session.gateway,
        "remote": session.remote,
        "protocol": session.protocol,
        "connected_at": session.connected_at,
        "last_frame_at": session.last_frame_at,
        "frames": session.frames,
        "errors": session.errors,
        "last_error": session.last_error[:500],
    }


def _save_sighting(connection: Connection, sighting: UnknownTerminalSighting) -> None:
    values: dict[str, object] = {"last_seen": sighting.seen_at, "last_remote": sighting.remote}
    if sighting.plate:
        values["plate"] = sighting.plate
    changed = connection.execute(
        update(UnknownTerminal)
        .where(UnknownTerminal.terminal_id == sighting.terminal_id)
        .values(frames=UnknownTerminal.frames + sighting.frames, **values)
    ).rowcount
    if not changed:
        connection.execute(
            insert(UnknownTerminal).values(
                terminal_id=sighting.terminal_id,
                first_seen=sighting.seen_at,
                frames=sighting.frames,
                **values,
            )
        )


def close_gateway_sessions(store: Store, gateway: str) -> None:
    """Every session this gateway held is offline (its clean stop, or a restart after a crash)."""
    with writing(store) as connection:
        connection.execute(
            update(TerminalSession).where(TerminalSession.gateway == gateway).values(gateway=None)
        )
