"""A unit's track over a period as parallel numpy arrays, the form playback, segmentation and the
map's polyline all consume without converting 8,640 row objects one by one.

Times are UTC epoch seconds (float64): interpolation and slider arithmetic are then plain numbers,
and ``datetime`` appears only at the edges (``start``/``end``, labels).
"""

from __future__ import annotations

from array import array
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
        flat = array("d")
        for row in rows:  # tuples or SQLAlchemy Rows: numpy would probe a Row for array attributes
            flat.extend(row)
        return cls.from_flat(unit_id, flat)

    @classmethod
    def from_flat(cls, unit_id: int, values: array[float]) -> Track:
        """From the rows' five values laid end to end. A read gathers a big group's fixes this way (8
        bytes a value) rather than as row tuples (~200 bytes a fix): a day's patrol tracks as tuples
        took hundreds of MB, and the interpreter's small-object arenas they left behind half-used kept
        the briefing screen's resident size growing with every re-read."""
        if not values:
            return cls.empty(unit_id)
        table = np.frombuffer(values, dtype=np.float64).reshape(-1, 5)
        ts = np.round(table[:, 0], 3)  # julianday is a double of days: keep milliseconds
        return cls(unit_id, ts, *(np.ascontiguousarray(table[:, i]) for i in range(1, 5)))

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
