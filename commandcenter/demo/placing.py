"""Where generated things stand: points beside a segment, lon/lat rounding, and ``units`` rows with
their first fix (so the live map shows every patroller and vehicle from the first frame)."""

from __future__ import annotations

import math
from datetime import datetime
from typing import Any

from commandcenter.demo.district import Frame
from commandcenter.geo import MeasuredLine

Row = dict[str, Any]


def beside(line: MeasuredLine, distance: float, offset: float) -> tuple[float, float]:
    """The point ``offset`` metres to the right (negative: left) of the line at ``distance``."""
    x, y, heading = line.point_at(distance)
    right = math.radians(heading + 90.0)
    return x + offset * math.sin(right), y + offset * math.cos(right)


def lonlat(frame: Frame, xy: tuple[float, float]) -> tuple[float, float]:
    """Frame metres → lon/lat rounded to 6 decimals (≈0.1 m), the precision every row keeps."""
    lon, lat = frame.projection.to_lonlat(*xy)
    return round(lon, 6), round(lat, 6)


def unit_row(
    unit_id: int,
    kind: str,
    label: str,
    office_id: int | None,
    position: tuple[float, float],
    ts: datetime,
    *,
    state: str,
    speed_kmh: float = 0.0,
    heading_deg: float = 0.0,
) -> Row:
    """A ``units`` row whose ``last_*`` columns already hold a first fix at ``position`` (lon/lat)."""
    return {
        "id": unit_id,
        "kind": kind,
        "label": label,
        "office_id": office_id,
        "last_ts": ts,
        "last_lon": position[0],
        "last_lat": position[1],
        "last_speed_kmh": round(speed_kmh, 1),
        "last_heading_deg": round(heading_deg, 1),
        "last_state": state,
    }


def apportion(total: int, weights: list[float], minimum: int = 0) -> list[int]:
    """Split ``total`` into integer shares proportional to ``weights`` (largest remainder), each at
    least ``minimum``; e.g. 1,600 city managers over 291 segments by length, every segment ≥ 1."""
    if minimum * len(weights) > total:
        raise ValueError(f"cannot give {len(weights)} parts at least {minimum} of {total}")
    spare = total - minimum * len(weights)
    scale = spare / sum(weights)
    exact = [weight * scale for weight in weights]
    shares = [int(value) for value in exact]
    order = sorted(range(len(weights)), key=lambda i: exact[i] - shares[i], reverse=True)
    for index in order[: spare - sum(shares)]:
        shares[index] += 1
    return [share + minimum for share in shares]
