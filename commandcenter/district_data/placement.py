"""Where things lie: sample points along segments and permit routes, inside permit areas, and which
of them fall inside an office boundary or the district (the union of the boundaries).

Borders are drawn by hand and roads often *are* the border, so a point within ``tolerance_m`` of a
boundary counts as inside it. Everything is planar metres (one ``LocalProjection`` for the district)
and vectorised: a whole city's cameras and sample points meet the 180 office rings after a bounding
box prefilter, so each ring tests only the points near it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from commandcenter.geo.local import FloatArray
from commandcenter.geo.ring_arrays import BoolArray, distance_to_ring, points_in_ring

SAMPLES = 21  # per line: both ends, the midpoint (index 10) and 18 between
_AREA_GRID = 9  # a 9 × 9 grid over a permit area's box, kept where it falls inside the area


def along(xy: FloatArray, samples: int = SAMPLES) -> FloatArray:
    """``samples`` points evenly spaced by length along a polyline (its one point repeated if it
    has no length)."""
    return along_each([xy], samples)


def along_each(lines: Sequence[FloatArray], samples: int = SAMPLES) -> FloatArray:
    """``along`` for many polylines (each with at least one point) in one pass: a city's 2,910
    segments laid end to end, one running length over all of them, every sample found by one binary
    search. (len(lines) × samples, 2): the first line's samples, then the next line's."""
    if not lines:
        return np.zeros((0, 2))
    points = np.concatenate(lines)
    first = np.cumsum([0, *(len(xy) for xy in lines)])
    starts, ends = first[:-1], first[1:] - 1  # each line's first and last point
    steps = np.hypot(*np.diff(points, axis=0).T)
    steps[first[1:-1] - 1] = 0.0  # no step from one line's end to the next line's start
    running = np.concatenate(([0.0], np.cumsum(steps)))
    base, totals = running[starts], running[ends] - running[starts]
    wanted = np.linspace(0.0, 1.0, samples) * totals[:, None]
    wanted[:, -1] = totals
    position = (base[:, None] + wanted).ravel()
    last = np.repeat(ends, samples)
    piece = np.searchsorted(running, position, side="right") - 1  # the point a sample follows
    piece = np.clip(piece, np.repeat(starts, samples), np.maximum(last - 1, np.repeat(starts, samples)))
    following = np.minimum(piece + 1, last)
    length = running[following] - running[piece]
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(length > 0, (position - running[piece]) / length, 0.0)
    share = np.clip(share, 0.0, 1.0)[:, None]
    return np.asarray(points[piece] + share * (points[following] - points[piece]), dtype=np.float64)


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
    offices. First inside any ring; then, for the few points left, near any ring's edge."""
    boxes = [(ring.min(axis=0) - tolerance_m, ring.max(axis=0) + tolerance_m) for ring in rings]
    inside = _any_ring(points, rings, boxes, points_in_ring)
    rest = np.flatnonzero(~inside)
    if len(rest):
        inside[rest] = _any_ring(
            points[rest], rings, boxes, lambda near, ring: distance_to_ring(near, ring) <= tolerance_m
        )
    return inside


def _any_ring(
    points: FloatArray,
    rings: Sequence[FloatArray],
    boxes: Sequence[tuple[FloatArray, FloatArray]],
    test: Callable[[FloatArray, FloatArray], BoolArray],
) -> BoolArray:
    """Whether ``test`` holds for each point and at least one ring whose box holds it. Points are
    sorted by x once, so each ring slices out the points in its box's x range (a binary search)
    instead of masking all 56,850 cameras 180 times; a point found is not tested again."""
    found = np.zeros(len(points), dtype=bool)
    order = np.argsort(points[:, 0], kind="stable")
    xs = points[order, 0]
    for ring, (low, high) in zip(rings, boxes, strict=True):
        first, last = np.searchsorted(xs, low[0], "left"), np.searchsorted(xs, high[0], "right")
        candidates = order[first:last]
        y = points[candidates, 1]
        candidates = candidates[~found[candidates] & (y >= low[1]) & (y <= high[1])]
        if len(candidates):
            found[candidates] = test(points[candidates], ring)
    return found
