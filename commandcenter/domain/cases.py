"""The cases aggregate's records: a report entering the system, a case as the board, the detail view,
the search and the map show it, its timeline, reporters and photos — plain data, no SQL.

Times are aware UTC datetimes (persistence converts SQLite's naive values on the way out).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from commandcenter.domain.kinds import OPEN_CASE_STATUSES, CaseStatus
from commandcenter.geo.datum import Datum


@dataclass(frozen=True)
class NewCase:
    """A report entering the system (intake screening in issue 5 fills office/segment)."""

    category_code: str
    source: str
    description: str
    address: str
    lon: float
    lat: float
    reporter: str
    office_id: int | None = None
    segment_id: int | None = None
    urgency: int = 2
    deadline_at: datetime | None = None  # intake sets the dispatch deadline (working hours)
    notes: tuple[str, ...] = ()  # from the office's case rules, kept with the case and its first event
    department_id: int | None = None  # the department the category routes to (联动), beside the office
    handoff_deadline_at: datetime | None = None  # that department's deadline
    reporter_phone: str = ""  # for 回访 (case_reporters.phone); never audited or logged


@dataclass(frozen=True)
class CaseSummary:
    id: int
    number: str
    category: str
    status: str
    address: str
    office: str | None
    created_at: datetime
    urgency: int


@dataclass(frozen=True)
class BoardCase:
    """One case as the board shows it. Times are aware UTC."""

    id: int
    number: str
    category_code: str
    category_name: str
    status: str  # CaseStatus
    version: int
    urgency: int  # 1 urgent .. 3 routine
    source: str
    description: str
    address: str
    lon: float
    lat: float
    office_id: int | None
    office_name: str | None
    segment_id: int | None
    segment_name: str | None
    assignee_id: int | None
    assignee_name: str | None
    created_at: datetime
    deadline_at: datetime | None
    reporters: int  # 1 + merged duplicates
    photo_uri: str | None  # the first report photo
    dispatched_at: datetime | None  # the last 派遣 (the acknowledgement clock starts here)
    rule_notes: tuple[str, ...] = ()  # what the office's case rules noted at intake
    department_id: int | None = None  # the department holding the case beside its office (联动)
    department_name: str | None = None
    handoff_deadline_at: datetime | None = None  # the department's deadline

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_CASE_STATUSES


@dataclass(frozen=True)
class CaseSnapshot:
    """A case as it stands after a transition: what the UI refreshes its row and buttons from."""

    id: int
    number: str
    status: CaseStatus
    version: int
    deadline_at: datetime | None
    assignee_staff_id: int | None
    rework_count: int
    extension_count: int
    dispatched_at: datetime | None
    closed_at: datetime | None
    updated_at: datetime


@dataclass(frozen=True)
class CaseEventRecord:
    """One line of a case's timeline: who did what, when, and why."""

    id: int
    ts: datetime
    actor: str
    action: str
    from_status: str | None
    to_status: str | None
    note: str
    payload: dict[str, Any]


@dataclass(frozen=True)
class ReporterRecord:
    id: int
    case_id: int
    ts: datetime
    reporter: str
    source: str
    description: str
    lon: float
    lat: float
    feedback: str
    phone: str | None = None  # for 回访 only: lists show it masked, logs never hold it


@dataclass(frozen=True)
class PhotoRecord:
    id: int
    case_id: int
    stage: str  # PhotoStage
    uri: str
    ts: datetime
    taken_by: str


@dataclass(frozen=True)
class NearbyCase:
    id: int
    number: str
    category_code: str
    status: str
    lon: float
    lat: float
    created_at: datetime
    distance_m: float


@dataclass(frozen=True)
class CaseOutcome:
    case_id: int
    segment_id: int
    status: str
    created_at: datetime
    deadline_at: datetime | None
    closed_at: datetime | None
    rework_count: int


@dataclass(frozen=True)
class CasePin:
    id: int
    number: str
    lon: float
    lat: float
    urgency: int  # 1 urgent .. 3 routine
    status: str
    segment_id: int | None
    deadline_at: datetime | None


@dataclass(frozen=True)
class IncomingReport:
    """A report as a source delivers it; ``datum`` says how to read lon/lat (WeChat sends GCJ-02)."""

    category_code: str
    lon: float
    lat: float
    source: str = "市民上报"
    reporter: str = ""
    description: str = ""
    address: str = ""
    datum: str = Datum.WGS84.value
    photos: tuple[str, ...] = ()
    fixed_on_spot: bool = False  # a collector says he already fixed it (简易处置)
    reporter_phone: str = ""  # a caller's number for 回访 (stored with the reporter, never audited)
