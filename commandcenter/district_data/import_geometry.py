"""The geometric checks an import makes before storing: segments of the delivery that overlap.

The same measure and thresholds as ``district check`` (``overlaps``, ``spatial_rules``), so a
delivery the import accepts never fails the check on this rule. Both rows are named: the one to fix
may be either.
"""

from __future__ import annotations

from commandcenter.district_data.overlaps import shared_lengths
from commandcenter.district_data.spatial_rules import OVERLAP_MIN_M, OVERLAP_TOLERANCE_M
from commandcenter.domain.district_import import DistrictImportPlan, ImportProblem
from commandcenter.geo import LocalProjection


def check_overlaps(plan: DistrictImportPlan) -> None:
    """Add a problem for every pair of segments in ``plan`` sharing more than ``OVERLAP_MIN_M``."""
    if len(plan.segments) < 2:
        return
    frame = LocalProjection.around([point for segment in plan.segments for point in segment.geometry[:1]])
    lines = [frame.array_to_xy(segment.geometry) for segment in plan.segments]
    for (first, second), metres in sorted(shared_lengths(lines, OVERLAP_TOLERANCE_M).items()):
        if metres <= OVERLAP_MIN_M:
            continue
        a, b = plan.segments[first], plan.segments[second]
        plan.problems.append(
            ImportProblem(
                b.origin, f"路段 {b.code} 与 {a.code} ({a.origin}) 重叠约 {metres:.0f} 米 segments overlap"
            )
        )
