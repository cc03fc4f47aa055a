"""Distance of many patrollers to each one's own segment in one numpy pass.

A second of the seed fleet brings 1,600 patroller fixes; measuring each against its segment with
``MeasuredLine.locate`` costs ~25 µs of numpy call overhead apiece, most of the rule engine's time.
Padding every segment's pieces into one (units × pieces) array turns the batch into a handful of
array operations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


class SegmentDistances:
    """Per-unit polylines in metres, padded to the longest; ``distances`` answers for a batch."""

    def __init__(self, lines: Mapping[int, FloatArray]) -> None:
        self._row = {unit: index for index, unit in enumerate(lines)}
        pieces = max((len(xy) - 1 for xy in lines.values()), default=1)
        count = len(lines)
        self._starts = np.zeros((count, pieces, 2))
        self._deltas = np.zeros((count, pieces, 2))
        self._valid = np.zeros((count, pieces), dtype=bool)
        for index, xy in enumerate(lines.values()):
            n = len(xy) - 1
            self._starts[index, :n] = xy[:-1]
            self._deltas[index, :n] = np.diff(xy, axis=0)
            self._valid[index, :n] = True
        self._squared = (self._deltas**2).sum(axis=2)

    def __contains__(self, unit: object) -> bool:
        return unit in self._row

    def distances(self, units: Sequence[int], xy: FloatArray) -> FloatArray:
        """Metres from ``xy[i]`` to the polyline of ``units[i]`` (every unit must be known)."""
        if not len(units):
            return np.empty(0)
        rows = np.fromiter((self._row[unit] for unit in units), dtype=np.intp, count=len(units))
        starts, deltas, squared = self._starts[rows], self._deltas[rows], self._squared[rows]
        px = xy[:, 0, None] - starts[..., 0]
        py = xy[:, 1, None] - starts[..., 1]
        safe = np.where(squared > 0, squared, 1.0)
        t = np.clip((px * deltas[..., 0] + py * deltas[..., 1]) / safe, 0.0, 1.0)
        t = np.where(squared > 0, t, 0.0)
        away = np.hypot(px - t * deltas[..., 0], py - t * deltas[..., 1])
        away[~self._valid[rows]] = np.inf
        return np.asarray(away.min(axis=1), dtype=np.float64)
