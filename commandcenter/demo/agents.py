"""What moves in the simulation, in local metres: patrollers walking their segment, and drivers
(muck trucks, enforcement vehicles) following legs that a planner hands them one after another.

Agents only hold state and advance it by a time step; the simulator turns their state into fixes
and writes them through the store. All randomness comes from the simulator's seeded generator.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass, field

from commandcenter.geo import MeasuredLine

Point = tuple[float, float]
GPS_NOISE_M = 3.0


@dataclass
class Reading:
    """An agent's state as a GPS terminal would report it (metres, km/h, compass degrees)."""

    x: float
    y: float
    speed_kmh: float
    heading_deg: float
    state: str


class Patroller:
    """A city manager walking back and forth along his segment, stopping now and then to look,
    talk or deal with something (state "moving" / "stopped")."""

    def __init__(self, unit_id: int, line: MeasuredLine, along: float, rng: random.Random) -> None:
        self.unit_id = unit_id
        self.line = line
        self.along = min(max(along, 0.0), line.length)
        self.direction = rng.choice((1, -1))
        self.speed = rng.uniform(1.0, 1.5)  # metres per second: 3.6–5.4 km/h
        self.walk_left = rng.expovariate(1 / 300)
        self.pause_left = 0.0

    def advance(self, seconds: float, rng: random.Random) -> None:
        while seconds > 0:
            if self.pause_left > 0:
                used = min(self.pause_left, seconds)
                self.pause_left -= used
            else:
                used = min(self.walk_left, seconds)
                self._walk(used * self.speed)
                self.walk_left -= used
                if self.walk_left <= 0:
                    self.pause_left = rng.uniform(30, 240)
                    self.walk_left = rng.expovariate(1 / 300)
            seconds -= used

    def _walk(self, metres: float) -> None:
        length = self.line.length
        if length < 1.0:
            return
        self.along += self.direction * metres
        while not 0.0 <= self.along <= length:  # bounce at the segment's ends
            if self.along > length:
                self.along, self.direction = 2 * length - self.along, -1
            else:
                self.along, self.direction = -self.along, 1

    def reading(self, rng: random.Random) -> Reading:
        x, y, heading = self.line.point_at(self.along)
        if self.direction < 0:
            heading = (heading + 180.0) % 360.0
        walking = self.pause_left <= 0
        return Reading(
            x + rng.uniform(-GPS_NOISE_M, GPS_NOISE_M),
            y + rng.uniform(-GPS_NOISE_M, GPS_NOISE_M),
            self.speed * 3.6 if walking else 0.0,
            heading,
            "moving" if walking else "stopped",
        )


Planner = Callable[["Driver", random.Random], "Leg"]


@dataclass
class Leg:
    """Drive through ``waypoints`` at ``speed`` m/s in ``state``, then wait ``dwell`` s in ``dwell_state``."""

    waypoints: list[Point]
    speed: float
    state: str
    dwell: float
    dwell_state: str


@dataclass
class Driver:
    """A vehicle following legs; when one ends, ``planner`` gives the next (so trucks shuttle between
    sites and enforcement vehicles hop from segment to segment)."""

    unit_id: int
    position: Point
    planner: Planner
    state: str = "stopped"
    heading: float = 0.0
    speed: float = 0.0
    _leg: Leg | None = field(default=None, repr=False)
    _dwell_left: float = 0.0

    def advance(self, seconds: float, rng: random.Random) -> None:
        while seconds > 0:
            if self._leg is None:
                self._leg = self.planner(self, rng)
            leg = self._leg
            if leg.waypoints:
                seconds = self._drive(leg, seconds)
                continue
            self.state, self.speed = leg.dwell_state, 0.0
            used = min(leg.dwell - self._dwell_left, seconds)
            self._dwell_left += used
            seconds -= used
            if self._dwell_left >= leg.dwell:
                self._leg, self._dwell_left = None, 0.0

    def _drive(self, leg: Leg, seconds: float) -> float:
        """Move towards the next waypoint; returns the seconds left over."""
        target = leg.waypoints[0]
        dx, dy = target[0] - self.position[0], target[1] - self.position[1]
        distance = math.hypot(dx, dy)
        self.state, self.speed = leg.state, leg.speed
        if distance > 0.01:
            self.heading = math.degrees(math.atan2(dx, dy)) % 360.0
        reach = leg.speed * seconds
        if reach < distance:
            ratio = reach / distance
            self.position = (self.position[0] + dx * ratio, self.position[1] + dy * ratio)
            return 0.0
        self.position = target
        leg.waypoints.pop(0)
        return seconds - distance / leg.speed if leg.speed > 0 else 0.0

    def reading(self, rng: random.Random) -> Reading:
        noise = GPS_NOISE_M if self.speed > 0 else 1.0
        x, y = self.position[0] + rng.uniform(-noise, noise), self.position[1] + rng.uniform(-noise, noise)
        return Reading(x, y, self.speed * 3.6, self.heading, self.state)


def grid_route(rng: random.Random, start: Point, end: Point) -> list[Point]:
    """Waypoints from ``start`` to ``end`` turning once, like a drive along a street grid, with a
    little jitter so two trucks on the same trip do not overlap exactly."""
    corner = (end[0], start[1]) if rng.random() < 0.5 else (start[0], end[1])
    corner = (corner[0] + rng.uniform(-20, 20), corner[1] + rng.uniform(-20, 20))
    return [corner, end]
