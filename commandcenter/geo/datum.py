"""Chinese map datums: WGS-84 ↔ GCJ-02 (国测局, "Mars") ↔ BD-09 (Baidu).

Citizen reports from WeChat and phone map SDKs arrive in GCJ-02, a deliberately offset datum (about
570 m at Erqi); everything we store is WGS-84, so intake converts first or a report lands on the
wrong street. The formulas are the public reverse-engineered ones (eviltransform / wandergis
coordtransform); see the standards reference §5 for sources and test vectors. Outside China GCJ-02
equals WGS-84, as the phone SDKs do it. All functions take and return ``(lon, lat)``.
"""

from __future__ import annotations

import math
from enum import StrEnum

_A = 6_378_245.0  # Krasovsky 1940 semi-major axis, as the GCJ-02 formula uses it
_EE = 0.006_693_421_622_965_943_23  # its first eccentricity squared
_X_PI = math.pi * 3000.0 / 180.0  # Baidu's constant; eviltransform's python port wrongly uses π
_EXACT_TOLERANCE_DEG = 1e-10  # ≈ 0.01 mm: where the inverse iteration stops


class Datum(StrEnum):
    WGS84 = "wgs84"
    GCJ02 = "gcj02"
    BD09 = "bd09"


def outside_china(lon: float, lat: float) -> bool:
    """The rough box outside which GCJ-02 applies no offset."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _offset(lon: float, lat: float) -> tuple[float, float]:
    """The GCJ-02 shift ``(dlon, dlat)`` in degrees at a WGS-84 point."""
    x, y = lon - 105.0, lat - 35.0
    common = (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x)) + common
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x)) + common
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad_lat = math.radians(lat)
    magic = 1.0 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = dlat * 180.0 / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * math.pi)
    dlon = dlon * 180.0 / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return dlon, dlat


def wgs84_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    if outside_china(lon, lat):
        return lon, lat
    dlon, dlat = _offset(lon, lat)
    return lon + dlon, lat + dlat


def gcj02_to_wgs84(lon: float, lat: float, *, exact: bool = True) -> tuple[float, float]:
    """The inverse. ``exact=False`` is the common one-step ``GCJ − d(GCJ)`` (1–2 m off, what the
    published test vectors use); the default iterates that step to a fixed point (< 0.01 mm)."""
    if outside_china(lon, lat):
        return lon, lat
    dlon, dlat = _offset(lon, lat)
    wgs_lon, wgs_lat = lon - dlon, lat - dlat
    if not exact:
        return wgs_lon, wgs_lat
    for _ in range(30):
        gcj_lon, gcj_lat = wgs84_to_gcj02(wgs_lon, wgs_lat)
        error_lon, error_lat = gcj_lon - lon, gcj_lat - lat
        wgs_lon, wgs_lat = wgs_lon - error_lon, wgs_lat - error_lat
        if abs(error_lon) < _EXACT_TOLERANCE_DEG and abs(error_lat) < _EXACT_TOLERANCE_DEG:
            break
    return wgs_lon, wgs_lat


def gcj02_to_bd09(lon: float, lat: float) -> tuple[float, float]:
    z = math.hypot(lon, lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.cos(theta) + 0.0065, z * math.sin(theta) + 0.006


def bd09_to_gcj02(lon: float, lat: float) -> tuple[float, float]:
    """Baidu's own inverse: not exact, but within about 6 cm of the round trip, far below GPS noise."""
    x, y = lon - 0.0065, lat - 0.006
    z = math.hypot(x, y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    return z * math.cos(theta), z * math.sin(theta)


def to_wgs84(lon: float, lat: float, datum: Datum | str) -> tuple[float, float]:
    """A point in any supported datum → WGS-84; raises ValueError for an unknown datum name."""
    datum = Datum(datum)
    if datum is Datum.GCJ02:
        return gcj02_to_wgs84(lon, lat)
    if datum is Datum.BD09:
        return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))
    return lon, lat


def from_wgs84(lon: float, lat: float, datum: Datum | str) -> tuple[float, float]:
    """A WGS-84 point in ``datum`` (exports for tools that expect GCJ-02 or BD-09)."""
    datum = Datum(datum)
    if datum is Datum.GCJ02:
        return wgs84_to_gcj02(lon, lat)
    if datum is Datum.BD09:
        return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))
    return lon, lat
