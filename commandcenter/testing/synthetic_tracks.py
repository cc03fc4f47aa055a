"""Scripted tracks with known trips and stops, for the track tests and ``bench/tracks.py``.

A script is a list of legs — ``Park(seconds)`` or ``Drive(seconds, kmh, heading)`` — turned into
fixes every ``interval_s`` in a local metric frame, so a test knows exactly where each stop is.
Parked fixes drift a few metres and report 2–4 km/h, as real parked GPS terminals do.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from commandcenter.domain.kinds import UnitKind
from commandcenter.domain.units import Position
from commandcenter.geo import LocalProjection
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.models import Unit

ORIGIN = (113.62, 34.72)  # 二七广场, roughly


@dataclass(frozen=True)
class Park:
    seconds: float
    state: str | None = None


@dataclass(frozen=True)
class Drive:
    seconds: float
    kmh: float
    heading_deg: float
    state: str | None = None


def scripted_fixes(
    unit_id: int,
    start: datetime,
    legs: Sequence[Park | Drive],
    *,
    interval_s: float = 10.0,
    origin: tuple[float, float] = ORIGIN,
    seed: int = 7,
) -> list[Position]:
    """Fixes for ``legs`` from ``origin`` at ``start``, one every ``interval_s`` (first leg first)."""
    rng = random.Random(seed)
    frame = LocalProjection(*origin)
    x = y = 0.0
    fixes: list[Position] = []
    elapsed = 0.0
    for leg in legs:
        steps = max(1, round(leg.seconds / interval_s))
        for _ in range(steps):
            if isinstance(leg, Drive):
                distance = leg.kmh / 3.6 * interval_s
                x += distance * math.sin(math.radians(leg.heading_deg))
                y += distance * math.cos(math.radians(leg.heading_deg))
                fx, fy, speed, heading = x, y, leg.kmh, leg.heading_deg
            else:
                fx, fy = x + rng.uniform(-5, 5), y + rng.uniform(-5, 5)
                speed, heading = rng.uniform(2, 4), rng.uniform(0, 360)
            lon, lat = frame.to_lonlat(fx, fy)
            ts = start + timedelta(seconds=elapsed)
            fixes.append(Position(unit_id, ts, lon, lat, speed, heading, leg.state))
            elapsed += interval_s
    return fixes


def truck_day(unit_id: int, start: datetime, *, interval_s: float = 10.0) -> list[Position]:
    """A day of a muck truck: 24 h of shuttles (20 min loading, 12 min drive, 10 min dumping, back)."""
    cycle: list[Park | Drive] = [
        Park(1200, "empty"),
        Drive(720, 30, 90, "loaded"),
        Park(600, "loaded"),
        Drive(720, 30, 270, "empty"),
    ]
    legs = cycle * math.ceil(86_400 / sum(leg.seconds for leg in cycle))
    return scripted_fixes(unit_id, start, legs, interval_s=interval_s)[: round(86_400 / interval_s)]


def store_with_units(store: Store, unit_ids: Sequence[int], kind: str = UnitKind.MUCK_TRUCK.value) -> None:
    """Replace the store's data with bare units (positions need them as foreign keys)."""
    replace_all(
        store, {Unit: [{"id": unit_id, "kind": kind, "label": f"豫A·T{unit_id:04d}"} for unit_id in unit_ids]}
    )
