"""Patrol coverage of one segment during one shift, from the unit's track (巡查覆盖).

The distance rule: a fix is **on the segment** when it lies within ``NEAR_SEGMENT_M`` (50 m) of the
segment's centre line — a patroller walks the pavement, and a phone's GPS wanders 10–30 m between
buildings. Check-in is the first fix on the segment from ``CHECK_IN_EARLY`` (15 min) before the shift
starts until it ends. Between two consecutive fixes on the segment, the time counts as time on the
segment and the straight distance as metres walked — unless the two are more than ``gap`` apart
(default 15 min): then the unit was away or silent, and that stretch is a gap. The shift's start
(or check-in window) to the first fix on the segment, and the last one to the shift's end (or to
now, while it runs) are gaps too when longer than ``gap``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from commandcenter.domain.track import Track
from commandcenter.geo import LocalProjection

NEAR_SEGMENT_M = 50.0
CHECK_IN_EARLY = timedelta(minutes=15)
DEFAULT_GAP = timedelta(minutes=15)


@dataclass(frozen=True)
class Coverage:
    first_seen: datetime | None  # check-in: the first fix on the segment in the window
    seconds_on_segment: float
    metres_walked: float
    gaps: tuple[tuple[datetime, datetime], ...]  # stretches longer than the gap limit with no fix on it

    @property
    def longest_gap(self) -> timedelta:
        return max((end - start for start, end in self.gaps), default=timedelta(0))


NO_COVERAGE = Coverage(None, 0.0, 0.0, ())


def _moment(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def on_segment_mask(
    track: Track, geometry: Sequence[Sequence[float]], near_m: float = NEAR_SEGMENT_M
) -> npt.NDArray[np.bool_]:
    """Which fixes of ``track`` lie within ``near_m`` of the segment's line (all fixes at once)."""
    if len(track) == 0 or len(geometry) < 2:
        return np.zeros(len(track), dtype=bool)
    frame = LocalProjection.around(geometry)
    line = frame.array_to_xy(geometry)
    points = frame.array_to_xy(np.column_stack((track.lon, track.lat)))
    nearest = np.full(len(points), np.inf)
    for a, b in pairwise(line):
        piece = b - a
        squared = float(piece @ piece)
        t = np.zeros(len(points)) if squared == 0 else np.clip(((points - a) @ piece) / squared, 0.0, 1.0)
        closest = a + t[:, None] * piece
        nearest = np.minimum(nearest, np.hypot(*(points - closest).T))
    return nearest <= near_m


def patrol_coverage(
    track: Track,
    geometry: Sequence[Sequence[float]],
    start: datetime,
    end: datetime,
    *,
    now: datetime | None = None,
    gap: timedelta = DEFAULT_GAP,
    near_m: float = NEAR_SEGMENT_M,
) -> Coverage:
    """Coverage of the segment (``geometry``, lon/lat) between ``start`` and ``end`` (or ``now`` if
    earlier: a running shift's gaps end now, not at its end). ``track`` may hold more fixes than the
    window; only those from ``start - CHECK_IN_EARLY`` to the window's end count."""
    until = min(end, now) if now is not None else end
    if until <= start - CHECK_IN_EARLY:
        return NO_COVERAGE
    opens, closes = (start - CHECK_IN_EARLY).timestamp(), until.timestamp()
    within = (track.ts >= opens) & (track.ts <= closes)
    mask = on_segment_mask(track, geometry, near_m) & within
    ts = track.ts[mask]
    limit = gap.total_seconds()
    if len(ts) == 0:
        empty = ((start, until),) if until - start > gap else ()
        return Coverage(None, 0.0, 0.0, empty)
    frame = LocalProjection.around(geometry)
    xy = frame.array_to_xy(np.column_stack((track.lon[mask], track.lat[mask])))
    steps = np.diff(ts)
    walked = np.hypot(*np.diff(xy, axis=0).T) if len(ts) > 1 else np.zeros(0)
    joined = steps <= limit
    gaps: list[tuple[datetime, datetime]] = []
    if ts[0] - start.timestamp() > limit:
        gaps.append((start, _moment(float(ts[0]))))
    gaps += [(_moment(float(ts[i])), _moment(float(ts[i + 1]))) for i in np.flatnonzero(~joined)]
    if closes - ts[-1] > limit:
        gaps.append((_moment(float(ts[-1])), until))
    # time before the shift starts (an early check-in) is not patrol time
    counted = np.maximum(np.minimum(ts[1:], closes) - np.maximum(ts[:-1], start.timestamp()), 0.0)
    return Coverage(
        first_seen=_moment(float(ts[0])),
        seconds_on_segment=float(np.sum(counted[joined])) if len(steps) else 0.0,
        metres_walked=float(np.sum(walked[joined])) if len(steps) else 0.0,
        gaps=tuple(gaps),
    )
