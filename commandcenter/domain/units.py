"""Units and their positions: the normalised ``Position`` every source (simulator, JT/T 808 gateway)
delivers, a unit's latest fix as the map reads it, the units track playback offers, and feed health.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Position:
    """One position report of one unit, as a source delivers it (WGS-84)."""

    unit_id: int
    ts: datetime
    lon: float
    lat: float
    speed_kmh: float = 0.0
    heading_deg: float = 0.0
    state: str | None = None


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
