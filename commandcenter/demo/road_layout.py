"""Where generated roads run: axis-aligned streets on a grid of lines, a few diagonals, all inside
the district frame with a margin (so cameras and sites placed beside a road stay in the district).
No road runs along another: a grid line holds roads that keep a gap, and a diagonal sharing any
stretch with an earlier one (the check's own measure, ``district_data.overlaps``; two diagonals
pushed into the same frame corner did at city scale) is drawn again."""

from __future__ import annotations

import math
import random

import numpy as np

from commandcenter.demo.district import URBAN_CORE, Frame
from commandcenter.district_data.overlaps import shared_lengths
from commandcenter.district_data.spatial_rules import OVERLAP_TOLERANCE_M
from commandcenter.geo.local import FloatArray

FRAME_MARGIN_M = 400.0
_DRAWS = 50  # attempts at a road that runs along no earlier diagonal


class RoadLayout:
    """Places roads: axis-aligned ones on a 250 m grid of lines (so parallel streets stay parallel and
    cross at right angles) without overlapping another road on the same line; a few diagonals."""

    GRID_M = 250.0
    GAP_M = 150.0

    def __init__(self, rng: random.Random, frame: Frame) -> None:
        self._rng = rng
        self._frame = frame
        self._limit = (frame.width_m / 2 - FRAME_MARGIN_M, frame.height_m / 2 - FRAME_MARGIN_M)
        self._taken: dict[tuple[int, int], list[tuple[float, float]]] = {}
        self._diagonals: list[FloatArray] = []

    def shape(self, length: float, urban_share: float) -> FloatArray:
        rng = self._rng
        for _ in range(_DRAWS):
            if rng.random() < urban_share:
                x0, y0, x1, y1 = URBAN_CORE
                centre = self._frame.at(rng.uniform(x0, x1), rng.uniform(y0, y1))
            else:
                centre = self._frame.at(rng.random(), rng.random())
            pick = rng.random()
            if pick < 0.9:
                axis = 0 if pick < 0.45 else 1  # 0: east–west, 1: north–south
                return self._on_grid(axis, centre, length)
            angle = math.radians(rng.choice((1, -1)) * rng.uniform(30, 60))
            line = self._fit(self._bent(centre, angle, length))
            if not any(
                first == 0 for first, _ in shared_lengths([line, *self._diagonals], OVERLAP_TOLERANCE_M)
            ):
                self._diagonals.append(line)
                return line
        raise ValueError(f"no free place for a {length:.0f} m diagonal road")

    def _on_grid(self, axis: int, centre: tuple[float, float], length: float) -> FloatArray:
        limit_along, limit_across = self._limit[axis], self._limit[1 - axis]
        length = min(length, 2 * limit_along)
        along = min(max(centre[axis], -limit_along + length / 2), limit_along - length / 2)
        span = (along - length / 2 - self.GAP_M, along + length / 2 + self.GAP_M)
        base = round(centre[1 - axis] / self.GRID_M)
        # Nearest free grid line first, alternating sides; every line of the frame if need be, so a
        # road never lands on top of another (two segments on one pavement is a data error).
        lines = 2 * int(limit_across / self.GRID_M) + 2 * abs(base) + 2
        for attempt in range(lines):
            line = base + (attempt + 1) // 2 * (1 if attempt % 2 else -1)
            across = line * self.GRID_M
            busy = self._taken.setdefault((axis, line), [])
            if abs(across) <= limit_across and all(span[1] < lo or hi < span[0] for lo, hi in busy):
                busy.append(span)
                break
        else:
            raise ValueError(f"no free grid line for a {length:.0f} m road: the frame is full")
        point = (along, across) if axis == 0 else (across, along)
        return self._fit(self._bent(point, 0.0 if axis == 0 else math.pi / 2, length))

    def _bent(self, centre: tuple[float, float], theta: float, length: float) -> FloatArray:
        """A polyline along ``theta`` through ``centre`` with a slight random-walk wobble."""
        along_axis = np.array([math.cos(theta), math.sin(theta)])
        across_axis = np.array([-along_axis[1], along_axis[0]])
        count = max(3, int(length / 350) + 2)
        along = np.linspace(-length / 2, length / 2, count)
        across = np.cumsum([self._rng.gauss(0, 8) for _ in range(count)])
        across -= across.mean()
        return np.asarray(centre) + along[:, None] * along_axis + across[:, None] * across_axis

    def _fit(self, points: FloatArray) -> FloatArray:
        limit = np.asarray(self._limit)
        low, high = points.min(axis=0), points.max(axis=0)
        shift = np.maximum(-limit - low, 0) - np.maximum(high - limit, 0)
        return np.asarray(points + shift, dtype=np.float64)
