"""A unit's track over a period as parallel numpy arrays, the form playback, segmentation and the
map's polyline all consume without converting 8,640 row objects one by one.

Times are UTC epoch seconds (float64): interpolation and slider arithmetic are then plain numbers,
and ``datetime`` appears only at the edges (``start``/``end``, labels).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


def epoch_seconds(moment: datetime) -> float:
    """Aware → epoch seconds; naive values are taken as UTC, which is what the store writes."""
    return (moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)).timestamp()


@dataclass(frozen=True, eq=False)
class Track:
    """Fixes of one unit in time order (WGS-84 lon/lat, km/h, compass degrees)."""

    unit_id: int
    ts: FloatArray
    lon: FloatArray
    lat: FloatArray
    speed_kmh: FloatArray
    heading_deg: FloatArray

    @classmethod
    def empty(cls, unit_id: int) -> Track:
        nothing = np.empty(0, dtype=np.float64)
        return cls(unit_id, nothing, nothing, nothing, nothing, nothing)

    @classmethod
    def from_rows(cls, unit_id: int, rows: Sequence[Sequence[float]]) -> Track:
        """From ``(epoch_s, lon, lat, speed_kmh, heading_deg)`` rows, the shape the track query returns."""
        if not rows:
            return cls.empty(unit_id)
        # tuples, not SQLAlchemy Rows: numpy probes a Row for array attributes and every miss raises
        array = np.array([tuple(row) for row in rows], dtype=np.float64).reshape(-1, 5)
        array[:, 0] = np.round(array[:, 0], 3)  # julianday is a double of days: keep milliseconds
        return cls(unit_id, *(np.ascontiguousarray(array[:, i]) for i in range(5)))

    def __len__(self) -> int:
        return len(self.ts)

    @property
    def start(self) -> datetime | None:
        return datetime.fromtimestamp(float(self.ts[0]), UTC) if len(self) else None

    @property
    def end(self) -> datetime | None:
        return datetime.fromtimestamp(float(self.ts[-1]), UTC) if len(self) else None

    def position_at(self, t: float) -> tuple[float, float, float] | None:
        """``(lon, lat, heading)`` at epoch second ``t``, interpolated between the fixes around it;
        None before the first fix and after the last one (the unit is not drawn then)."""
        if not len(self) or t < self.ts[0] or t > self.ts[-1]:
            return None
        index = int(np.searchsorted(self.ts, t, side="right")) - 1
        if index >= len(self) - 1:
            return float(self.lon[-1]), float(self.lat[-1]), float(self.heading_deg[-1])
        span = self.ts[index + 1] - self.ts[index]
        share = (t - self.ts[index]) / span if span > 0 else 0.0
        lon = self.lon[index] + share * (self.lon[index + 1] - self.lon[index])
        lat = self.lat[index] + share * (self.lat[index + 1] - self.lat[index])
        return float(lon), float(lat), float(self.heading_deg[index])

    def lonlat(self) -> FloatArray:
        """An (n, 2) array of lon/lat, what ``LocalProjection.array_to_xy`` and the map take."""
        return np.column_stack((self.lon, self.lat))
