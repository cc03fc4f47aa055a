"""Where things lie: sample points along segments and permit routes, inside permit areas, and which
of them fall inside an office boundary or the district (the union of the boundaries).

Borders are drawn by hand and roads often *are* the border, so a point within ``tolerance_m`` of a
boundary counts as inside it. Everything is planar metres (one ``LocalProjection`` for the district)
and vectorised: a whole city's cameras and sample points meet the 180 office rings after a bounding
box prefilter, so each ring tests only the points near it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from commandcenter.geo.local import FloatArray
from commandcenter.geo.ring_arrays import BoolArray, distance_to_ring, points_in_ring

SAMPLES = 21  # per line: both ends, the midpoint (index 10) and 18 between
_AREA_GRID = 9  # a 9 × 9 grid over a permit area's box, kept where it falls inside the area


def along(xy: FloatArray, samples: int = SAMPLES) -> FloatArray:
    """``samples`` points evenly spaced by length along a polyline (its one point repeated if it
    has no length)."""
    steps = np.hypot(*np.diff(xy, axis=0).T) if len(xy) > 1 else np.zeros(0)
    cumulative = np.concatenate(([0.0], np.cumsum(steps)))
    wanted = np.linspace(0.0, cumulative[-1], samples)
    return np.column_stack((np.interp(wanted, cumulative, xy[:, 0]), np.interp(wanted, cumulative, xy[:, 1])))


def within_area(ring: FloatArray) -> FloatArray:
    """Grid points inside an area (its vertices when the area is too thin for the grid)."""
    low, high = ring.min(axis=0), ring.max(axis=0)
    xs, ys = np.linspace(low[0], high[0], _AREA_GRID), np.linspace(low[1], high[1], _AREA_GRID)
    grid = np.column_stack([axis.ravel() for axis in np.meshgrid(xs, ys)])
    inside = grid[points_in_ring(grid, ring)]
    return inside if len(inside) else ring


def in_ring(points: FloatArray, ring: FloatArray, tolerance_m: float) -> BoolArray:
    """Inside the ring, or within ``tolerance_m`` of its edge."""
    inside = points_in_ring(points, ring)
    near = ~inside
    if near.any():
        inside[near] = distance_to_ring(points[near], ring) <= tolerance_m
    return inside


def in_any_ring(points: FloatArray, rings: Sequence[FloatArray], tolerance_m: float) -> BoolArray:
    """Inside (or within ``tolerance_m`` of) at least one ring: the district is the union of its
    offices. Points are sorted by x once, so each ring slices out the points in its box's x range
    (a binary search) instead of masking all 56,850 cameras 180 times."""
    inside = np.zeros(len(points), dtype=bool)
    order = np.argsort(points[:, 0], kind="stable")
    xs = points[order, 0]
    boxes = [(ring.min(axis=0) - tolerance_m, ring.max(axis=0) + tolerance_m) for ring in rings]

    def near(low: FloatArray, high: FloatArray) -> npt.NDArray[np.intp]:
        first, last = np.searchsorted(xs, low[0], "left"), np.searchsorted(xs, high[0], "right")
        candidates = order[first:last]
        y = points[candidates, 1]
        return candidates[~inside[candidates] & (y >= low[1]) & (y <= high[1])]

    for ring, (low, high) in zip(rings, boxes, strict=True):
        candidates = near(low, high)
        if len(candidates):
            inside[candidates] = points_in_ring(points[candidates], ring)
    for ring, (low, high) in zip(rings, boxes, strict=True):  # the borders, for what is left
        candidates = near(low, high)
        if len(candidates):
            inside[candidates] = distance_to_ring(points[candidates], ring) <= tolerance_m
    return inside
