"""What a district import reads from its files, and what it reports — plain data, no SQL.

The files name things the way a district does (an office by its name, a segment by its code, a road
by its name); ids are the store's business. Each input keeps the file and line it came from, so a
problem found later (a duplicate code, a segment that overlaps another) still points at the row a
person has to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from commandcenter.domain.cameras import CameraEntry

Line = list[list[float]]  # WGS-84 [[lon, lat], ...]


@dataclass(frozen=True)
class Origin:
    """Where an input came from: the file's name and its line (CSV), row (Excel) or feature number
    (GeoJSON, from 1), so a person finds it in the tool he made the file with."""

    file: str
    line: int
    unit: str = "行 line"  # "行 row" for Excel, "要素 feature" for GeoJSON

    def __str__(self) -> str:
        return f"{self.file} {self.unit} {self.line}"


@dataclass(frozen=True)
class ImportProblem:
    origin: Origin
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class OfficeInput:
    origin: Origin
    name: str
    code: str | None
    kind: str
    boundary: Line  # closed outer ring


@dataclass(frozen=True)
class RoadInput:
    origin: Origin
    name: str
    grade: str
    geometry: Line


@dataclass(frozen=True)
class SegmentInput:
    origin: Origin
    code: str
    road: str
    office: str
    name: str
    geometry: Line
    difficulty: int | None = None  # 1..3, how hard to keep (the evaluation weighs by it); None: keep


@dataclass(frozen=True)
class StaffInput:
    origin: Origin
    code: str
    name: str
    phone: str
    role: str  # StaffRole value
    office: str
    segment: str | None  # segment code
    shift: str  # Shift value


@dataclass(frozen=True)
class VehicleInput:
    origin: Origin
    plate: str
    kind: str  # VehicleKind value
    company: str | None
    terminal_id: str | None
    office: str | None


@dataclass
class DistrictImportPlan:
    """Everything read from the files, checked; stored only when ``problems`` is empty."""

    offices: list[OfficeInput] = field(default_factory=list)
    roads: list[RoadInput] = field(default_factory=list)
    segments: list[SegmentInput] = field(default_factory=list)
    staff: list[StaffInput] = field(default_factory=list)
    vehicles: list[VehicleInput] = field(default_factory=list)
    cameras: list[CameraEntry] = field(default_factory=list)  # the camera importer's records
    camera_origins: list[Origin] = field(default_factory=list)  # where each camera came from
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[ImportProblem] = field(default_factory=list)  # accepted, but worth a look
    sources: dict[str, str] = field(default_factory=dict)  # file name → what was read (encoding, …)

    @property
    def rows(self) -> int:
        return (
            len(self.offices)
            + len(self.roads)
            + len(self.segments)
            + len(self.staff)
            + len(self.vehicles)
            + len(self.cameras)
        )


@dataclass(frozen=True)
class KnownDistrict:
    """What the database already holds that files may refer to (an import can add to a district)."""

    offices: frozenset[str] = frozenset()  # names
    roads: frozenset[str] = frozenset()  # names
    segments: dict[str, str] = field(default_factory=dict)  # code → office name
    segment_names: frozenset[str] = frozenset()  # cameras name their segment by name


@dataclass
class TableCounts:
    inserted: int = 0
    updated: int = 0


@dataclass
class DistrictImportReport:
    """Rows inserted and updated per table (re-importing updates by code or name)."""

    tables: dict[str, TableCounts] = field(default_factory=dict)

    def table(self, name: str) -> TableCounts:
        return self.tables.setdefault(name, TableCounts())
