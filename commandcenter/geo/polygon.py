"""Rings: point-in-polygon for "which office is this point in", and half-plane clipping, which
is all it takes to cut a district into nearest-centre (Voronoi) cells."""

from __future__ import annotations

from collections.abc import Sequence


def point_in_ring(x: float, y: float, ring: Sequence[Sequence[float]]) -> bool:
    """Even-odd ray casting; works for lon/lat rings or metres, closed or open, convex or not."""
    inside = False
    count = len(ring)
    j = count - 1
    for i in range(count):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def clip_to_halfplane(
    polygon: Sequence[tuple[float, float]], a: float, b: float, c: float
) -> list[tuple[float, float]]:
    """Keep the part of a convex polygon (open ring of vertices) where ``a·x + b·y <= c``
    (one Sutherland–Hodgman pass)."""
    result: list[tuple[float, float]] = []
    count = len(polygon)
    for index in range(count):
        current = polygon[index]
        following = polygon[(index + 1) % count]
        current_value = a * current[0] + b * current[1] - c
        following_value = a * following[0] + b * following[1] - c
        if current_value <= 0:
            result.append(current)
        if (current_value < 0 < following_value) or (following_value < 0 < current_value):
            t = current_value / (current_value - following_value)
            result.append(
                (current[0] + t * (following[0] - current[0]), current[1] + t * (following[1] - current[1]))
            )
    return result
