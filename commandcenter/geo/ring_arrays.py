"""Many points against one ring at once: inside (even-odd) and distance to its edge, in numpy.

``point_in_ring`` answers one point in pure Python, which is right for a report arriving; checking a
whole city's 56,850 cameras or every segment's sample points against the office boundaries needs the
same rule over arrays. Coordinates are planar (``LocalProjection`` metres), the ring closed or open.
Work is split into blocks of edges so a boundary with thousands of vertices against thousands of
points never builds one huge temporary.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from commandcenter.geo.local import FloatArray

BoolArray = npt.NDArray[np.bool_]
_BLOCK = 1 << 20  # point × edge pairs per temporary


def _edges(ring: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Start and end points of every edge, closing the ring when it is open."""
    vertices = np.asarray(ring, dtype=np.float64).reshape(-1, 2)
    if len(vertices) and not np.array_equal(vertices[0], vertices[-1]):
        vertices = np.vstack((vertices, vertices[:1]))
    return vertices[:-1], vertices[1:]


def _blocks(points: int, edges: int) -> range:
    step = max(1, _BLOCK // max(points, 1))
    return range(0, edges, step)


def points_in_ring(xy: FloatArray, ring: FloatArray) -> BoolArray:
    """For each point (n, 2), whether it lies inside the ring (even-odd ray casting)."""
    points = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    starts, ends = _edges(ring)
    inside = np.zeros(len(points), dtype=bool)
    step = _blocks(len(points), len(starts)).step
    x, y = points[:, :1], points[:, 1:]
    for first in range(0, len(starts), step):
        a, b = starts[first : first + step], ends[first : first + step]
        xi, yi, xj, yj = a[:, 0], a[:, 1], b[:, 0], b[:, 1]
        straddles = (yi > y) != (yj > y)
        with np.errstate(divide="ignore", invalid="ignore"):
            crossing_x = (xj - xi) * (y - yi) / (yj - yi) + xi
        crossings = straddles & (x < crossing_x)
        inside ^= (np.count_nonzero(crossings, axis=1) % 2).astype(bool)
    return inside


def distance_to_ring(xy: FloatArray, ring: FloatArray) -> FloatArray:
    """For each point (n, 2), the distance to the nearest edge of the ring (inside or out)."""
    points = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    starts, ends = _edges(ring)
    best = np.full(len(points), np.inf)
    step = _blocks(len(points), len(starts)).step
    for first in range(0, len(starts), step):
        a, delta = starts[first : first + step], ends[first : first + step] - starts[first : first + step]
        squared = np.maximum((delta**2).sum(axis=1), 1e-12)
        offset_x = points[:, :1] - a[:, 0]
        offset_y = points[:, 1:] - a[:, 1]
        t = np.clip((offset_x * delta[:, 0] + offset_y * delta[:, 1]) / squared, 0.0, 1.0)
        distance = np.hypot(offset_x - t * delta[:, 0], offset_y - t * delta[:, 1])
        best = np.minimum(best, distance.min(axis=1, initial=np.inf))
    return best
