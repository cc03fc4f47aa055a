"""The simulator's world as read back from the store: segments in local metres, one agent per unit,
the construction and disposal sites, and the category codes reports may use."""

from __future__ import annotations

import random
from dataclasses import dataclass

from commandcenter.demo.agents import Driver, Leg, Patroller, Planner, Point, grid_route
from commandcenter.demo.sites import DISPOSAL_MARK
from commandcenter.domain.kinds import CameraKind, UnitKind
from commandcenter.geo import LocalProjection, MeasuredLine
from commandcenter.persistence.cameras.queries import camera_points
from commandcenter.persistence.cases.categories import category_codes
from commandcenter.persistence.district.queries import patrol_assignments, segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions

KMH = 1 / 3.6


@dataclass(frozen=True)
class Segment:
    id: int
    name: str
    office_id: int
    line: MeasuredLine


@dataclass
class World:
    projection: LocalProjection
    segments: list[Segment]
    agents: list[Patroller | Driver]
    category_codes: list[str]


def _truck_planner(sites: list[Point], dumps: list[Point]) -> Planner:
    def plan(driver: Driver, rng: random.Random) -> Leg:
        if driver.state == "loaded" and dumps:  # loaded at a site: off to the nearest dump
            x, y = driver.position
            target = min(dumps, key=lambda p: (p[0] - x) ** 2 + (p[1] - y) ** 2)
            route = grid_route(rng, driver.position, target)
            return Leg(route, rng.uniform(20, 40) * KMH, "loaded", rng.uniform(180, 480), "empty")
        target = rng.choice(sites)
        route = grid_route(rng, driver.position, target)
        return Leg(route, rng.uniform(20, 40) * KMH, "empty", rng.uniform(300, 900), "loaded")

    return plan


def _patrol_planner(segments: list[Segment]) -> Planner:
    def plan(driver: Driver, rng: random.Random) -> Leg:
        segment = rng.choice(segments)
        start = segment.line.point_at(0.0)[:2]
        along = [(float(x), float(y)) for x, y in segment.line.xy[1:]]
        route = [*grid_route(rng, driver.position, (start[0], start[1])), *along]
        return Leg(route, rng.uniform(20, 35) * KMH, "moving", rng.uniform(120, 600), "stopped")

    return plan


def load_world(store: Store, rng: random.Random) -> World:
    shapes = segment_shapes(store)
    points = [point for shape in shapes for point in shape.geometry] or [[113.59, 34.685]]
    projection = LocalProjection.around(points)
    segments = [
        Segment(s.id, s.name, s.office_id, MeasuredLine(projection.array_to_xy(s.geometry)))
        for s in shapes
        if len(s.geometry) >= 2
    ]
    by_id = {segment.id: segment for segment in segments}
    cameras = camera_points(store, CameraKind.CONSTRUCTION.value)
    sites = [projection.to_xy(c.lon, c.lat) for c in cameras if DISPOSAL_MARK not in c.name]
    dumps = [projection.to_xy(c.lon, c.lat) for c in cameras if DISPOSAL_MARK in c.name]
    assignments = patrol_assignments(store)
    trucks = _truck_planner(sites, dumps)
    agents: list[Patroller | Driver] = []
    for unit in latest_positions(store):
        here = projection.to_xy(unit.lon, unit.lat) if unit.lon is not None and unit.lat is not None else None
        segment = by_id.get(assignments.get(unit.unit_id, -1))
        if unit.kind == UnitKind.PATROLLER.value and segment is not None:
            along = segment.line.locate(*here)[1] if here else rng.uniform(0, segment.line.length)
            agents.append(Patroller(unit.unit_id, segment.line, along, rng))
        elif unit.kind == UnitKind.MUCK_TRUCK.value and sites:
            start = here or rng.choice(sites)
            agents.append(Driver(unit.unit_id, start, trucks, state=unit.state or "empty"))
        elif unit.kind == UnitKind.ENFORCEMENT.value and segments:
            own = [s for s in segments if s.office_id == unit.office_id] or segments
            start = here or own[0].line.point_at(0.0)[:2]
            agents.append(Driver(unit.unit_id, start, _patrol_planner(own)))
    return World(projection, segments, agents, category_codes(store))
