"""Trips and stops (行程与停留) of a track.

A stop is where the unit stayed put for at least ``min_stop_s``: either its GPS speed stayed below
``speed_kmh`` or all its fixes stayed within ``radius_m`` of the first one (a parked truck's GPS
drifts and reports 2–5 km/h, so speed alone misses stops; walking patrollers are slow, so radius
alone would call a slow walk a stop only if it never leaves the circle — which is the point). The
time between two stops is a trip, measured along its fixes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from commandcenter.domain.track import Track
from commandcenter.geo import LocalProjection

DEFAULT_STOP_SPEED_KMH = 3.0
DEFAULT_STOP_RADIUS_M = 50.0
DEFAULT_MIN_STOP_S = 300.0


@dataclass(frozen=True)
class Span:
    """A stretch of a track: fixes ``first``..``last`` (indexes), ``start``..``end`` (epoch seconds)."""

    first: int
    last: int
    start: float
    end: float

    @property
    def duration_s(self) -> float:
        return self.end - self.start


@dataclass(frozen=True)
class Stop(Span):
    lon: float  # mean position
    lat: float


@dataclass(frozen=True)
class Trip(Span):
    distance_m: float
    max_speed_kmh: float


@dataclass(frozen=True)
class Segmentation:
    trips: list[Trip]
    stops: list[Stop]


def _stay_mask(
    xy: npt.NDArray[np.float64], ts: npt.NDArray[np.float64], radius: float, min_s: float
) -> npt.NDArray[np.bool_]:
    """Stay points: from each anchor, extend while fixes stay within ``radius``; a long enough run is
    a stay. Linear in practice: moving fixes break out after a step, stays are skipped whole."""
    mask = np.zeros(len(ts), dtype=bool)
    count, i = len(ts), 0
    squared = radius * radius
    while i < count:
        j = i + 1
        while j < count and (xy[j, 0] - xy[i, 0]) ** 2 + (xy[j, 1] - xy[i, 1]) ** 2 <= squared:
            j += 1
        if ts[j - 1] - ts[i] >= min_s:
            mask[i:j] = True
            i = j
        else:
            i += 1
    return mask


def _runs(mask: npt.NDArray[np.bool_]) -> list[tuple[int, int]]:
    """``(first, last)`` index pairs of the True runs of a boolean array."""
    padded = np.concatenate(([False], mask, [False])).astype(np.int8)
    edges = np.flatnonzero(np.diff(padded))
    return [(int(a), int(b) - 1) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def segment_track(
    track: Track,
    *,
    speed_kmh: float = DEFAULT_STOP_SPEED_KMH,
    radius_m: float = DEFAULT_STOP_RADIUS_M,
    min_stop_s: float = DEFAULT_MIN_STOP_S,
) -> Segmentation:
    """Split a track into alternating trips and stops (see the module text)."""
    if len(track) < 2:
        return Segmentation([], [])
    frame = LocalProjection(float(track.lon[0]), float(track.lat[0]))
    xy = frame.array_to_xy(track.lonlat())
    still = (track.speed_kmh < speed_kmh) | _stay_mask(xy, track.ts, radius_m, min_stop_s)
    stops = []
    for first, last in _runs(still):
        if track.ts[last] - track.ts[first] >= min_stop_s:
            stops.append(
                Stop(
                    first,
                    last,
                    float(track.ts[first]),
                    float(track.ts[last]),
                    float(track.lon[first : last + 1].mean()),
                    float(track.lat[first : last + 1].mean()),
                )
            )
    steps = np.hypot(np.diff(xy[:, 0]), np.diff(xy[:, 1]))
    bounds = [-1, *[i for stop in stops for i in (stop.first, stop.last)], len(track)]
    trips = []
    for before, after in zip(bounds[::2], bounds[1::2], strict=True):
        first, last = max(before, 0), min(after, len(track) - 1)  # a trip starts where a stop ends
        if last <= first:
            continue
        trips.append(
            Trip(
                first,
                last,
                float(track.ts[first]),
                float(track.ts[last]),
                float(steps[first:last].sum()),
                float(track.speed_kmh[first : last + 1].max()),
            )
        )
    return Segmentation(trips, stops)
