"""WGS-84 overlays onto the base map's plane: shift to GCJ-02 first when the tiles are GCJ-02 (AMap).

Everything is stored in WGS-84, but Chinese commercial tiles are drawn in GCJ-02; projecting WGS-84
points straight onto them puts a patroller about 600 m off their street at Erqi. The same function
projects units, segments, cases and cameras, so they all shift together and a unit stays on its road.
The shift is ``geo.datum_arrays.wgs84_to_gcj02_arrays`` (26,580 units per call).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from commandcenter.geo.datum import Datum
from commandcenter.geo.datum_arrays import wgs84_to_gcj02_arrays
from commandcenter.geo.mercator import lonlat_to_mercator_arrays

FloatArray = npt.NDArray[np.float64]


def project(
    lons: npt.ArrayLike, lats: npt.ArrayLike, datum: Datum | str = Datum.WGS84
) -> tuple[FloatArray, FloatArray]:
    """Stored WGS-84 degrees → Mercator metres on a base map in ``datum`` (wgs84 or gcj02)."""
    if Datum(datum) is Datum.GCJ02:
        lons, lats = wgs84_to_gcj02_arrays(lons, lats)
    elif Datum(datum) is not Datum.WGS84:
        raise ValueError(f"base maps in {datum} are not supported")
    return lonlat_to_mercator_arrays(lons, lats)
