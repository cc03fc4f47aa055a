"""Many polylines as one pair of coordinate arrays with NaN breaks: one line item draws them all.

pyqtgraph's ``connect="finite"`` lifts the pen at a NaN, so 291 segments (or 185 roads, or 18 office
boundaries) cost one item and one draw call instead of hundreds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from commandcenter.mapping.projection import FloatArray, project


def joined_polylines(
    lines: Iterable[Sequence[Sequence[float]]], datum: str = "wgs84"
) -> tuple[FloatArray, FloatArray]:
    """``[[lon, lat], ...]`` polylines → Mercator ``x, y`` with a NaN after each line."""
    lons: list[float] = []
    lats: list[float] = []
    for line in lines:
        for lon, lat, *_rest in line:
            lons.append(lon)
            lats.append(lat)
        lons.append(np.nan)
        lats.append(np.nan)
    return project(lons, lats, datum)


def line_count(x: FloatArray) -> int:
    """How many polylines a joined array holds (one NaN break each)."""
    return int(np.count_nonzero(np.isnan(x)))
