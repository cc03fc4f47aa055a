"""Spherical Web Mercator (EPSG:3857), the plane the map draws in and every XYZ tile uses."""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

# EPSG:3857 uses the WGS-84 semi-major axis as the sphere radius.
WEB_MERCATOR_RADIUS_M = 6_378_137.0
MAX_LATITUDE = 85.051_128_779_806_59  # where the square world map ends: y = ±π·R
HALF_WORLD_M = math.pi * WEB_MERCATOR_RADIUS_M


def lonlat_to_mercator(lon: float, lat: float) -> tuple[float, float]:
    """Degrees → metres; latitudes beyond ±85.05° are clamped to the map's edge."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = math.radians(lon) * WEB_MERCATOR_RADIUS_M
    y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) * WEB_MERCATOR_RADIUS_M
    return x, y


def mercator_to_lonlat(x: float, y: float) -> tuple[float, float]:
    lon = math.degrees(x / WEB_MERCATOR_RADIUS_M)
    lat = math.degrees(2 * math.atan(math.exp(y / WEB_MERCATOR_RADIUS_M)) - math.pi / 2)
    return lon, lat


def lonlat_to_mercator_arrays(
    lons: npt.ArrayLike, lats: npt.ArrayLike
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Vectorised forward projection for thousands of map markers per frame."""
    lon_array = np.asarray(lons, dtype=np.float64)
    lat_array = np.clip(np.asarray(lats, dtype=np.float64), -MAX_LATITUDE, MAX_LATITUDE)
    x = np.radians(lon_array) * WEB_MERCATOR_RADIUS_M
    y = np.log(np.tan(np.pi / 4 + np.radians(lat_array) / 2)) * WEB_MERCATOR_RADIUS_M
    return x, y


def mercator_to_lonlat_arrays(
    xs: npt.ArrayLike, ys: npt.ArrayLike
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    x_array = np.asarray(xs, dtype=np.float64)
    y_array = np.asarray(ys, dtype=np.float64)
    lon = np.degrees(x_array / WEB_MERCATOR_RADIUS_M)
    lat = np.degrees(2 * np.arctan(np.exp(y_array / WEB_MERCATOR_RADIUS_M)) - np.pi / 2)
    return lon, lat
