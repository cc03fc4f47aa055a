"""Segments that share a stretch of line (an error of ``district check``): two numbered segments
covering the same road, so two 路长 would answer for one pavement.

Touching at an end (consecutive segments of one road) or crossing at a point (a junction) is normal
and must not count. The measure: how much of segment A runs within ``tolerance_m`` of segment B's
pieces *beside* them (the strip along each near-parallel straight piece, without its end caps), and
the same for B along A; the smaller of the two is the shared length. A crossing shares nothing (its
pieces are not parallel), an end-to-end join nothing (no end caps), a duplicate all of it.

At city scale (2,910 segments, about 16,000 straight pieces) candidate pairs of pieces come from a
grid of square cells, never from all pairs; the clipping is one vectorised Liang–Barsky pass.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from commandcenter.geo.local import FloatArray

IntArray = npt.NDArray[np.int64]
_CELL_M = 250.0
# Pieces more than 5° apart cross, they do not share: a crossing at 10° keeps two centre lines within
# 3 m for 35 m, and the demo's diagonals cross each other at shallow angles. Under 5° that stretch
# exceeds 69 m, and the two lines run on one pavement.
_PARALLEL_SINE = math.sin(math.radians(5.0))


def _pieces(lines: Sequence[FloatArray]) -> tuple[FloatArray, FloatArray, IntArray]:
    """Start, end and owner (index into ``lines``) of every straight piece."""
    usable = [(index, xy) for index, xy in enumerate(lines) if len(xy) >= 2]
    if not usable:
        empty = np.zeros((0, 2))
        return empty, empty, np.zeros(0, dtype=np.int64)
    starts = np.concatenate([xy[:-1] for _, xy in usable])
    ends = np.concatenate([xy[1:] for _, xy in usable])
    owners = np.concatenate([np.full(len(xy) - 1, index, dtype=np.int64) for index, xy in usable])
    return starts, ends, owners


def _candidate_pairs(starts: FloatArray, ends: FloatArray, owners: IntArray, margin: float) -> IntArray:
    """(k, 2) piece index pairs of different owners whose boxes, grown by ``margin``, meet."""
    low = np.minimum(starts, ends) - margin
    high = np.maximum(starts, ends) + margin
    first, last = np.floor(low / _CELL_M).astype(np.int64), np.floor(high / _CELL_M).astype(np.int64)
    span = last - first + 1
    counts = span[:, 0] * span[:, 1]
    piece = np.repeat(np.arange(len(starts)), counts)
    local = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    cell_x = first[piece, 0] + local % span[piece, 0]
    cell_y = first[piece, 1] + local // span[piece, 0]
    keys = (cell_x - cell_x.min(initial=0)) * (1 << 31) + (cell_y - cell_y.min(initial=0))
    order = np.argsort(keys, kind="stable")
    keys, piece = keys[order], piece[order]
    group_end = np.searchsorted(keys, keys, side="right")
    partners = group_end - np.arange(len(keys)) - 1
    left = np.repeat(np.arange(len(keys)), partners)
    right = left + 1 + np.arange(partners.sum()) - np.repeat(np.cumsum(partners) - partners, partners)
    a, b = np.minimum(piece[left], piece[right]), np.maximum(piece[left], piece[right])
    keep = owners[a] != owners[b]
    keep &= np.all(low[a] <= high[b], axis=1) & np.all(low[b] <= high[a], axis=1)
    pairs = np.unique(np.column_stack((a[keep], b[keep])), axis=0)
    return pairs.reshape(-1, 2)


def _length_beside(
    a0: FloatArray, a1: FloatArray, b0: FloatArray, b1: FloatArray, tolerance: float
) -> FloatArray:
    """For each pair of pieces, how long piece a runs within ``tolerance`` beside piece b (the
    strip 0 ≤ u ≤ |b|, |v| ≤ tolerance in b's own axes), by Liang–Barsky clipping; 0 when the
    pieces are not near-parallel."""
    direction = b1 - b0
    length_b = np.maximum(np.hypot(direction[:, 0], direction[:, 1]), 1e-9)
    unit = direction / length_b[:, None]
    normal = np.column_stack((-unit[:, 1], unit[:, 0]))
    offset, delta = a0 - b0, a1 - a0
    u0, du = (offset * unit).sum(axis=1), (delta * unit).sum(axis=1)
    v0, dv = (offset * normal).sum(axis=1), (delta * normal).sum(axis=1)
    low, high = np.zeros(len(a0)), np.ones(len(a0))
    for p, q in ((-du, u0), (du, length_b - u0), (-dv, v0 + tolerance), (dv, tolerance - v0)):
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = q / p
        low = np.where(p < 0, np.maximum(low, ratio), low)
        high = np.where(p > 0, np.minimum(high, ratio), high)
        high = np.where((p == 0) & (q < 0), -1.0, high)
    length_a = np.hypot(delta[:, 0], delta[:, 1])
    sine = np.abs(delta[:, 0] * unit[:, 1] - delta[:, 1] * unit[:, 0]) / np.maximum(length_a, 1e-9)
    return np.where(sine <= _PARALLEL_SINE, np.maximum(high - low, 0.0) * length_a, 0.0)


def shared_lengths(lines: Sequence[FloatArray], tolerance_m: float) -> dict[tuple[int, int], float]:
    """``{(i, j): metres}`` for every pair of lines (indexes, i < j) running within ``tolerance_m``
    of each other over any length; the caller decides how much sharing is an overlap."""
    starts, ends, owners = _pieces(lines)
    pairs = _candidate_pairs(starts, ends, owners, tolerance_m)
    if not len(pairs):
        return {}
    a, b = pairs[:, 0], pairs[:, 1]
    a_beside_b = _length_beside(starts[a], ends[a], starts[b], ends[b], tolerance_m)
    b_beside_a = _length_beside(starts[b], ends[b], starts[a], ends[a], tolerance_m)
    owner_a, owner_b = owners[a], owners[b]
    first, second = np.minimum(owner_a, owner_b), np.maximum(owner_a, owner_b)
    along_first = np.where(owner_a == first, a_beside_b, b_beside_a)  # the lower index's length
    along_second = np.where(owner_a == first, b_beside_a, a_beside_b)
    keys, inverse = np.unique(np.column_stack((first, second)), axis=0, return_inverse=True)
    inverse = inverse.reshape(-1)
    totals_first = np.bincount(inverse, weights=along_first, minlength=len(keys))
    totals_second = np.bincount(inverse, weights=along_second, minlength=len(keys))
    shared = np.minimum(totals_first, totals_second)
    return {
        (int(i), int(j)): float(metres) for (i, j), metres in zip(keys, shared, strict=True) if metres > 0
    }
