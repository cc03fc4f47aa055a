"""The desk's side of ``terminal_commands`` and the administrator's lists of ``unknown_terminals`` and
``terminal_sessions``: the terminal of a vehicle's unit, a command read back as the desk shows it, the
unknown terminals, every terminal's session state and counters. A
command is queued with ``commands.queue_command``, the gateway's own module for the table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from commandcenter.domain.desk_commands import (
    CommandKind,
    CommandStatus,
    DeskCommand,
    TerminalStatus,
    UnknownTerminalRecord,
)
from commandcenter.persistence.access import as_utc, maybe_utc, read_one, read_rows
from commandcenter.persistence.district.models import Vehicle
from commandcenter.persistence.gateway.models import TerminalCommand, TerminalSession, UnknownTerminal
from commandcenter.persistence.store import Store

_C = TerminalCommand


def terminal_of_unit(store: Store, unit_id: int) -> str | None:
    """The JT/T 808 terminal id of the vehicle whose map unit this is (None: no vehicle or no terminal)."""
    row = read_one(store, select(Vehicle.terminal_id).where(Vehicle.unit_id == unit_id))
    return None if row is None else row[0]


def read_command(store: Store, command_id: int) -> DeskCommand | None:
    columns = (_C.id, _C.terminal_id, _C.unit_id, _C.kind, _C.params, _C.requested_by, _C.requested_at)
    statement = select(*columns, _C.status, _C.sent_at, _C.answered_at, _C.answer, _C.error).where(
        _C.id == command_id
    )
    row = read_one(store, statement)
    if row is None:
        return None
    id_, terminal, unit, kind, params, by, at, status, sent, answered, answer, error = row
    return DeskCommand(
        id_,
        terminal,
        unit,
        CommandKind(kind),
        dict(params or {}),
        by,
        as_utc(at),
        CommandStatus(status),
        as_utc(sent) if sent else None,
        as_utc(answered) if answered else None,
        dict(answer or {}),
        error or "",
    )


def unknown_terminals(store: Store, limit: int = 500) -> list[UnknownTerminalRecord]:
    """Newest first: terminals that connected with an id no vehicle has (one registered since, whose
    sighting a gateway may still be writing, is left out)."""
    u = UnknownTerminal
    registered = select(Vehicle.terminal_id).where(Vehicle.terminal_id.is_not(None))
    statement = (
        select(u.terminal_id, u.first_seen, u.last_seen, u.frames, u.last_remote, u.plate)
        .where(u.terminal_id.not_in(registered))
        .order_by(u.last_seen.desc())
        .limit(limit)
    )
    return [
        UnknownTerminalRecord(terminal, as_utc(first), as_utc(last), int(frames), remote, plate)
        for terminal, first, last, frames, remote, plate in read_rows(store, statement)
    ]


def terminal_statuses(store: Store, limit: int = 20_000) -> list[TerminalStatus]:
    """Every terminal a gateway ever held, with its vehicle's plate: most errors first, then by id
    (the rows the gateways keep current every few seconds — a city's 10,000 trucks fit the limit)."""
    s = TerminalSession
    statement = (
        select(
            s.terminal_id,
            Vehicle.plate,
            s.gateway,
            s.remote,
            s.protocol,
            s.connected_at,
            s.last_frame_at,
            s.frames,
            s.errors,
            s.last_error,
        )
        .outerjoin(Vehicle, Vehicle.unit_id == s.unit_id)
        .order_by(s.errors.desc(), s.terminal_id)
        .limit(limit)
    )
    return [_status(row) for row in read_rows(store, statement)]


def _status(row: Any) -> TerminalStatus:
    terminal, plate, gateway, remote, protocol, connected, last_frame, frames, errors, last_error = row
    return TerminalStatus(
        terminal,
        plate or "",
        gateway,
        remote or "",
        protocol or "",
        maybe_utc(connected),
        maybe_utc(last_frame),
        int(frames or 0),
        int(errors or 0),
        last_error or "",
    )
