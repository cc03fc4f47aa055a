"""The district consistency report (issue 13): what in the base data does not hold together.

Plain findings, no SQL and no UI words: each names the rule it broke (a stable key a screen can
translate and filter on), the record it is about as ``(record_kind, record_id)`` — the link a panel
opens — the record's own label (segment number, staff name and code, plate) and a short Chinese fact
for the command line. Errors and warnings are told apart because only errors make ``district check``
fail: a district may run with a terminal that never reported, not with a segment nobody answers for.
The records the rules read (``DistrictCheckData``) are plain too, so the rules never see a table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Rule(StrEnum):
    """Every rule of the check; its value is the ``Finding.rule`` key a screen translates."""

    SEGMENT_WITHOUT_ROAD_CHIEF = "segment_without_road_chief"
    SEGMENT_WITH_SEVERAL_ROAD_CHIEFS = "segment_with_several_road_chiefs"
    ROAD_CHIEF_ON_SEVERAL_SEGMENTS = "road_chief_on_several_segments"
    SEGMENTS_OVERLAP = "segments_overlap"
    SEGMENT_OUTSIDE_OFFICE = "segment_outside_office"
    SEGMENT_WITHOUT_GEOMETRY = "segment_without_geometry"
    OFFICE_WITHOUT_BOUNDARY = "office_without_boundary"
    CAMERA_OUTSIDE_DISTRICT = "camera_outside_district"
    PERMIT_OUTSIDE_DISTRICT = "permit_outside_district"
    ROAD_CHIEF_WITHOUT_SEGMENT = "road_chief_without_segment"  # warnings from here on
    CITY_MANAGER_WITHOUT_SEGMENT = "city_manager_without_segment"
    TERMINAL_NEVER_REPORTED = "terminal_never_reported"
    OFFICE_WITHOUT_SEGMENTS = "office_without_segments"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    rule: str  # a Rule value, e.g. "segment_without_road_chief"
    record_kind: str  # "segment", "staff", "vehicle", "camera", "permit", "office"
    record_id: int
    record_label: str  # segment number, "name (code)", plate, camera code, permit number
    detail: str  # the fact in Chinese, e.g. "路段 EQ-0007 没有路长"


@dataclass(frozen=True)
class CheckReport:
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        """No errors; warnings alone do not make a district inconsistent."""
        return not self.errors


@dataclass(frozen=True)
class CheckOffice:
    id: int
    name: str
    boundary: list[list[float]]  # closed ring, WGS-84


@dataclass(frozen=True)
class CheckSegment:
    id: int
    number: str
    office_id: int
    geometry: list[list[float]]


@dataclass(frozen=True)
class CheckStaff:
    id: int
    code: str
    name: str
    role: str  # StaffRole
    phone: str  # with the name, who a person is: one person may hold two staff rows
    segment_id: int | None


@dataclass(frozen=True)
class CheckVehicle:
    id: int
    plate: str
    terminal_id: str | None
    unit_id: int | None
    unit_last_ts: datetime | None  # None also when the unit row is missing


@dataclass(frozen=True)
class CheckPermit:
    id: int
    number: str
    area: list[list[float]] | None
    route: list[list[float]] | None


@dataclass(frozen=True)
class CheckCameras:
    """The fixed cameras (vehicle cameras move with their truck and have no place to check), as
    columns: a city has 56,850 of them, tested as arrays, and one object per camera cost more than
    the whole test. Camera ``i`` is ``ids[i]``, ``codes[i]`` at ``(lons[i], lats[i])``."""

    ids: Sequence[int] = ()
    codes: Sequence[str] = ()
    lons: Sequence[float] = ()
    lats: Sequence[float] = ()

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class DistrictCheckData:
    """Everything the rules read, in one bundle (``persistence.district.consistency``)."""

    offices: list[CheckOffice]
    segments: list[CheckSegment]
    staff: list[CheckStaff]
    vehicles: list[CheckVehicle]
    cameras: CheckCameras
    permits: list[CheckPermit]
