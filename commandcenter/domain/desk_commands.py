"""Commands a desk sends to a vehicle's JT/T 808 terminal (立即定位, 临时跟踪, 下发文本) and what became of
them. The desk writes a ``pending`` row; the gateway holding the terminal's session sends it and
records the answer (``persistence/gateway/models.TerminalCommand``); the desk shows the row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

MAX_TEXT = 100  # 0x8300 carries GBK text; drivers read it on a small screen
TRACK_INTERVAL_S = (1, 60)
TRACK_DURATION_S = (60, 3_600)


class CommandKind(StrEnum):
    LOCATE = "locate"  # 0x8201: report the position now
    TRACK = "track"  # 0x8202: report every interval_s for duration_s
    TEXT = "text"  # 0x8300: a message on the driver's screen


class CommandStatus(StrEnum):
    PENDING = "pending"  # written by the desk, no gateway has sent it yet
    SENT = "sent"
    ANSWERED = "answered"
    FAILED = "failed"
    EXPIRED = "expired"  # the terminal was not online in time

    @property
    def final(self) -> bool:
        return self in (CommandStatus.ANSWERED, CommandStatus.FAILED, CommandStatus.EXPIRED)


@dataclass(frozen=True)
class DeskCommand:
    id: int
    terminal_id: str
    unit_id: int | None
    kind: CommandKind
    params: dict[str, Any]
    requested_by: str
    requested_at: datetime
    status: CommandStatus
    sent_at: datetime | None = None
    answered_at: datetime | None = None
    answer: dict[str, Any] = field(default_factory=dict)
    error: str = ""


@dataclass(frozen=True)
class UnknownTerminalRecord:
    terminal_id: str
    first_seen: datetime
    last_seen: datetime
    frames: int
    last_remote: str
    plate: str


@dataclass(frozen=True)
class TerminalStatus:
    """One terminal as the administrator's 终端状态 shows it: its vehicle, whether a gateway holds its
    session now (``gateway`` None: offline), and its counters (frames; errors — malformed frames, bad
    checksums, refused bodies — with the last one's reason)."""

    terminal_id: str
    plate: str  # "" when no vehicle has the id (an unknown terminal's session)
    gateway: str | None
    remote: str
    protocol: str
    connected_at: datetime | None
    last_frame_at: datetime | None
    frames: int
    errors: int
    last_error: str

    @property
    def online(self) -> bool:
        return self.gateway is not None


@dataclass(frozen=True)
class VehicleChoice:
    """A vehicle an unknown terminal may be registered to, as the administrator picks it."""

    id: int
    plate: str
    kind: str
    company: str
    office: str
    terminal_id: str  # "" while it has none


def checked_params(kind: CommandKind, params: dict[str, Any]) -> dict[str, Any]:
    """The parameters a kind needs, checked; ``ValueError`` names what is wrong (the service words it)."""
    if kind is CommandKind.LOCATE:
        return {}
    if kind is CommandKind.TRACK:
        interval, duration = params.get("interval_s", 10), params.get("duration_s", 600)
        for name, value, (low, high) in (
            ("interval_s", interval, TRACK_INTERVAL_S),
            ("duration_s", duration, TRACK_DURATION_S),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise ValueError(f"{name} {low}–{high}")
        return {"interval_s": interval, "duration_s": duration}
    text = params.get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_TEXT:
        raise ValueError(f"text 1–{MAX_TEXT}")
    return {"text": text.strip()}
