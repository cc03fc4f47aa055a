"""The datum conversions of ``geo.datum`` over whole arrays of points at once (numpy).

A city's delivery holds about a hundred thousand positions; converted one at a time in Python
(``gcj02_to_wgs84`` iterates to a fixed point) that is most of an import's time. The formulas are
the same as ``geo.datum``'s, element by element, and tests hold the two to agree within 1e-9°.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from commandcenter.geo.datum import _A, _EE, _EXACT_TOLERANCE_DEG, _X_PI, Datum
from commandcenter.geo.local import FloatArray

_PI = np.pi


def _outside_china(lon: FloatArray, lat: FloatArray) -> np.ndarray:
    return ~((lon >= 72.004) & (lon <= 137.8347) & (lat >= 0.8293) & (lat <= 55.8271))


def _offset(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    x, y = lon - 105.0, lat - 35.0
    common = (20.0 * np.sin(6.0 * x * _PI) + 20.0 * np.sin(2.0 * x * _PI)) * 2.0 / 3.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x)) + common
    dlat += (20.0 * np.sin(y * _PI) + 40.0 * np.sin(y / 3.0 * _PI)) * 2.0 / 3.0
    dlat += (160.0 * np.sin(y / 12.0 * _PI) + 320.0 * np.sin(y * _PI / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x)) + common
    dlon += (20.0 * np.sin(x * _PI) + 40.0 * np.sin(x / 3.0 * _PI)) * 2.0 / 3.0
    dlon += (150.0 * np.sin(x / 12.0 * _PI) + 300.0 * np.sin(x / 30.0 * _PI)) * 2.0 / 3.0
    rad_lat = np.radians(lat)
    magic = 1.0 - _EE * np.sin(rad_lat) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = dlat * 180.0 / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * _PI)
    dlon = dlon * 180.0 / (_A / sqrt_magic * np.cos(rad_lat) * _PI)
    return dlon, dlat


def wgs84_to_gcj02_arrays(lons: npt.ArrayLike, lats: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Element-wise ``wgs84_to_gcj02``; points outside China (and NaN gaps) pass unchanged. The live
    map shifts every unit with it when its tiles are GCJ-02 (``mapping.projection``)."""
    lon = np.asarray(lons, dtype=np.float64)
    lat = np.asarray(lats, dtype=np.float64)
    dlon, dlat = _offset(lon, lat)
    inside = ~_outside_china(lon, lat)
    return np.where(inside, lon + dlon, lon), np.where(inside, lat + dlat, lat)


def _gcj02_to_wgs84(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    dlon, dlat = _offset(lon, lat)
    wgs_lon, wgs_lat = lon - dlon, lat - dlat
    for _ in range(30):
        gcj_lon, gcj_lat = wgs84_to_gcj02_arrays(wgs_lon, wgs_lat)
        error_lon, error_lat = gcj_lon - lon, gcj_lat - lat
        wgs_lon, wgs_lat = wgs_lon - error_lon, wgs_lat - error_lat
        if np.all(np.abs(error_lon) < _EXACT_TOLERANCE_DEG) and np.all(
            np.abs(error_lat) < _EXACT_TOLERANCE_DEG
        ):
            break
    outside = _outside_china(lon, lat)
    return np.where(outside, lon, wgs_lon), np.where(outside, lat, wgs_lat)


def _bd09_to_gcj02(lon: FloatArray, lat: FloatArray) -> tuple[FloatArray, FloatArray]:
    x, y = lon - 0.0065, lat - 0.006
    z = np.hypot(x, y) - 0.00002 * np.sin(y * _X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * _X_PI)
    return z * np.cos(theta), z * np.sin(theta)


def to_wgs84_arrays(lon: FloatArray, lat: FloatArray, datum: Datum | str) -> tuple[FloatArray, FloatArray]:
    """``geo.datum.to_wgs84`` for arrays of longitudes and latitudes (new arrays, inputs untouched)."""
    datum = Datum(datum)
    lon, lat = np.asarray(lon, dtype=np.float64), np.asarray(lat, dtype=np.float64)
    if lon.size == 0 or datum is Datum.WGS84:
        return lon.copy(), lat.copy()
    if datum is Datum.BD09:
        lon, lat = _bd09_to_gcj02(lon, lat)
    return _gcj02_to_wgs84(lon, lat)
