"""Units and their positions: the normalised ``Position`` every source (simulator, JT/T 808 gateway,
city-platform sync) delivers, a unit's latest fix as the map reads it, the units track playback
offers, and feed health.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Position:
    """One position report of one unit, normalised from whatever protocol delivered it (WGS-84).

    The first seven fields are what ``positions`` stores and every reader uses. The rest travel with
    the report for the feeds and the rules: a terminal's GNSS validity, altitude, its alarm and status
    bit fields (JT/T 808 0x0200: e.g. loaded/empty in status bits 8–9), protocol extras by name
    (mileage, fuel, a vendor TLV), which source decoded it and when the server received it.
    """

    unit_id: int
    ts: datetime  # when the device fixed the position (aware)
    lon: float
    lat: float
    speed_kmh: float = 0.0
    heading_deg: float = 0.0  # 0 = north, clockwise
    state: str | None = None  # moving/stopped (patrollers), loaded/empty (trucks)
    valid: bool = True  # the device had a satellite fix
    altitude_m: float | None = None
    alarm_flags: int = 0
    status_flags: int = 0
    extras: Mapping[str, object] = field(default_factory=dict)
    source: str = ""  # "simulator", "jt808", …
    received_at: datetime | None = None  # server time, when it differs from ``ts``


@dataclass(frozen=True)
class UnitPosition:
    unit_id: int
    kind: str
    label: str
    office_id: int | None
    ts: datetime | None
    lon: float | None
    lat: float | None
    speed_kmh: float | None
    heading_deg: float | None
    state: str | None


@dataclass(frozen=True)
class FeedSummary:
    """How alive the position feeds are, for the status bar: cheap to read every few seconds."""

    newest_fix: datetime | None  # the newest unit fix (UTC; naive values from SQLite are UTC)
    reporting_units: int  # units that have reported at least once
    position_high_water: int  # max(positions.id): grows by one per stored fix


@dataclass(frozen=True)
class TrackUnit:
    """A unit the playback panel can pick: id, kind and the label the map shows."""

    id: int
    kind: str
    label: str
    office_id: int | None
