"""Cutting a lon/lat polyline in two and joining two that touch end to end — what splitting and
merging a road segment does to its line. Measured in a local metre frame (``MeasuredLine``), so a
cut at 0.5 is half the length on the ground, not half the vertices."""

from __future__ import annotations

from collections.abc import Sequence

from commandcenter.geo.distance import haversine_m
from commandcenter.geo.local import FloatArray, LocalProjection
from commandcenter.geo.polyline import MeasuredLine

Line = list[list[float]]


def split_line(line: Sequence[Sequence[float]], fraction: float) -> tuple[Line, Line]:
    """The two parts of ``line`` cut at ``fraction`` (0 < fraction < 1) of its length; they share
    the cut point, so the first part's end is the second part's start."""
    if not 0.0 < fraction < 1.0:
        raise ValueError("fraction must lie strictly between 0 and 1")
    frame = LocalProjection.around(line)
    measured = MeasuredLine(frame.array_to_xy(line))
    cut = measured.length * fraction

    def lonlat(part: FloatArray) -> Line:
        return [[round(c, 7) for c in frame.to_lonlat(float(x), float(y))] for x, y in part]

    return lonlat(measured.slice(0.0, cut)), lonlat(measured.slice(cut, measured.length))


def fraction_along(line: Sequence[Sequence[float]], lon: float, lat: float) -> float:
    """Where the point's nearest position on ``line`` lies, as a fraction of the length (0 at the start)."""
    frame = LocalProjection.around(line)
    measured = MeasuredLine(frame.array_to_xy(line))
    x, y = frame.to_xy(lon, lat)
    return measured.locate(x, y)[1] / measured.length if measured.length > 0 else 0.0


def end_gap_m(first: Sequence[Sequence[float]], second: Sequence[Sequence[float]]) -> float:
    """The smallest distance between an end of ``first`` and an end of ``second``."""
    return min(
        haversine_m(a[0], a[1], b[0], b[1]) for a in (first[0], first[-1]) for b in (second[0], second[-1])
    )


def join_lines(first: Sequence[Sequence[float]], second: Sequence[Sequence[float]]) -> Line:
    """One line running through ``first`` then ``second``, each turned as needed so that their
    nearest ends meet; the meeting point is kept once (from ``first``)."""
    ends = {
        (False, False): (first[-1], second[0]),
        (False, True): (first[-1], second[-1]),
        (True, False): (first[0], second[0]),
        (True, True): (first[0], second[-1]),
    }
    flip_first, flip_second = min(
        ends, key=lambda key: haversine_m(ends[key][0][0], ends[key][0][1], ends[key][1][0], ends[key][1][1])
    )
    head = [list(p) for p in (reversed(first) if flip_first else first)]
    tail = [list(p) for p in (reversed(second) if flip_second else second)]
    return head + tail[1:]
