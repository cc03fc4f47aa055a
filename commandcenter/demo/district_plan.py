"""The generated district as a district import would read it from files, checked by the importer.

``load_demo_data`` stores the demo's offices, roads, segments, staff and vehicles through the district
importer's write (``persistence.bulk_load.replace_all(…, district=…)``) after the importer's own
cross-file rules (references, overlapping segments) have passed over them — so everything the
importer derives (lengths, bounding boxes, office centres, the map units of city managers and
vehicles, the national categories) is derived the same way for the demo as for a real district, and
a generator change that a real district's files could not express fails here, not in a demo.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from commandcenter.demo.plan import Rows
from commandcenter.district_data.import_geometry import check_overlaps
from commandcenter.district_data.references import check_references
from commandcenter.domain.district_import import (
    DistrictImportPlan,
    KnownDistrict,
    OfficeInput,
    Origin,
    RoadInput,
    SegmentInput,
    StaffInput,
    VehicleInput,
)
from commandcenter.persistence.district.models import Office, Road, Segment, Staff, Vehicle

_FILE = "演示数据 demo"


class DemoDistrictError(ValueError):
    """The generator made a district the importer refuses: a bug in the generator."""


def _names(rows: Sequence[Mapping[str, Any]], key: str) -> dict[int, str]:
    return {row["id"]: row[key] for row in rows}


def district_plan(rows: Rows) -> DistrictImportPlan:
    """The base records of ``rows`` as import inputs, in id order (the importer then gives them the
    same ids in an empty database), after the importer's checks; ``DemoDistrictError`` on a problem."""
    offices, segments = _names(rows[Office], "name"), _names(rows[Segment], "number")
    roads = _names(rows[Road], "name")
    plan = DistrictImportPlan(
        offices=[
            OfficeInput(Origin(_FILE, row["id"]), row["name"], row["code"], row["kind"], row["boundary"])
            for row in rows[Office]
        ],
        roads=[
            RoadInput(Origin(_FILE, row["id"]), row["name"], row["grade"], row["geometry"])
            for row in rows[Road]
        ],
        segments=[
            SegmentInput(
                Origin(_FILE, row["id"]),
                row["number"],
                roads[row["road_id"]],
                offices[row["office_id"]],
                row["name"],
                row["geometry"],
                row["difficulty"],
            )
            for row in rows[Segment]
        ],
        staff=[
            StaffInput(
                Origin(_FILE, row["id"]),
                row["code"],
                row["name"],
                row["phone"],
                row["role"],
                offices[row["office_id"]],
                segments[row["segment_id"]] if row["segment_id"] else None,
                row["shift"],
            )
            for row in rows[Staff]
        ],
        vehicles=[
            VehicleInput(
                Origin(_FILE, row["id"]),
                row["plate"],
                row["kind"],
                row["company"],
                row["terminal_id"],
                offices[row["office_id"]] if row["office_id"] else None,
            )
            for row in rows[Vehicle]
        ],
    )
    check_references(plan, KnownDistrict())
    check_overlaps(plan)
    if plan.problems:
        listed = "; ".join(str(problem) for problem in plan.problems[:5])
        raise DemoDistrictError(f"{len(plan.problems)} problems in the generated district: {listed}")
    return plan
