"""JT/T 808 terminals as the gateway sees them: the vehicle a terminal id belongs to, the state of its
session (written to ``terminal_sessions`` for the administrator) and a desk's command to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class TerminalVehicle:
    """The vehicle ``vehicles.terminal_id`` names: its plate and the unit its positions move."""

    vehicle_id: int
    plate: str
    unit_id: int | None
    terminal_id: str  # as the vehicle table spells it (the session and desk commands use this)


@dataclass
class SessionState:
    """One connected terminal's session, as ``terminal_sessions`` stores it (gateway None: offline)."""

    terminal_id: str
    unit_id: int | None
    gateway: str | None
    remote: str
    protocol: str
    connected_at: datetime
    last_frame_at: datetime | None = None
    frames: int = 0
    errors: int = 0
    last_error: str = ""


@dataclass(frozen=True)
class UnknownTerminalSighting:
    """Frames from a terminal id no vehicle has, since the last write."""

    terminal_id: str
    seen_at: datetime
    frames: int
    remote: str
    plate: str = ""


@dataclass(frozen=True)
class TerminalCommandRecord:
    """A desk's command to a terminal (``terminal_commands``); kinds locate / track / text / parameters."""

    id: int
    terminal_id: str
    kind: str
    params: dict[str, Any] = field(default_factory=dict)
    requested_at: datetime | None = None
