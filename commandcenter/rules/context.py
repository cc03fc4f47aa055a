"""What the rules know about the district: which segment each patroller walks, the permits, the
sites where a loaded truck may stand, and every unit's label and kind — read once from the store
(``load_rule_context``) or built directly by a test.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from commandcenter.domain.alerts import TruckPermit
from commandcenter.domain.kinds import CameraKind
from commandcenter.persistence.cameras.queries import camera_points
from commandcenter.persistence.district.queries import patrol_assignments, segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import latest_positions


@dataclass(frozen=True)
class UnitInfo:
    kind: str  # UnitKind
    label: str


@dataclass(frozen=True)
class PatrolSegment:
    number: str
    name: str
    geometry: list[list[float]]


@dataclass(frozen=True)
class RuleContext:
    units: Mapping[int, UnitInfo]
    segments: Mapping[int, PatrolSegment] = field(default_factory=dict)  # patroller unit id → segment
    permits: Mapping[int, TruckPermit] = field(default_factory=dict)  # truck unit id → permit
    sites: Sequence[tuple[float, float]] = ()  # construction and disposal sites (lon, lat)


def load_rule_context(store: Store, permits: Sequence[TruckPermit] = ()) -> RuleContext:
    """Build the context from the store; a site is where a 工地 camera stands (construction sites and
    disposal sites both carry them), as the simulator reads them."""
    shapes = {shape.id: shape for shape in segment_shapes(store)}
    segments = {
        unit_id: PatrolSegment(
            shapes[segment_id].number, shapes[segment_id].name, shapes[segment_id].geometry
        )
        for unit_id, segment_id in patrol_assignments(store).items()
        if segment_id in shapes and len(shapes[segment_id].geometry) >= 2
    }
    units = {unit.unit_id: UnitInfo(unit.kind, unit.label) for unit in latest_positions(store)}
    sites = [(camera.lon, camera.lat) for camera in camera_points(store, CameraKind.CONSTRUCTION.value)]
    return RuleContext(units, segments, {permit.unit_id: permit for permit in permits}, sites)
