"""督查 (明察暗访) records: the inspector pool, the rounds drawn for a period, their groups and what the
groups found — plain data, no SQL.

An inspector is a staff member (督查员, 路长 …) or a department's member, with their own office if
they have one: the draw never sends anyone to it. A round remembers the seed its draw used and the
pool and targets it drew from, so anyone can draw it again and get the same groups (``inspections.
draw``). A finding enters the case workflow through intake with the source ``督查`` and stays linked
to the group that made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from commandcenter.geo.datum import Datum

INSPECTION_SOURCE = "督查"  # the case's ``source`` of every finding (screening: no photo needed)


class InspectionKind(StrEnum):
    OPEN = "明察"  # announced: the office knows the group is coming
    COVERT = "暗访"  # unannounced: the office is not told (office users never see the groups)


class PairingWindow(StrEnum):
    """Within which stretch of time two inspectors are never drawn into the same group twice."""

    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


@dataclass(frozen=True)
class Inspector:
    id: int
    name: str
    office_id: int | None  # their own office (never inspected by them); None for a department member
    staff_id: int | None = None
    department_id: int | None = None
    active: bool = True


@dataclass(frozen=True)
class InspectionGroup:
    id: int
    round_id: int
    target_office_id: int
    member_ids: tuple[int, ...]
    starts_on: date
    ends_on: date  # inclusive


@dataclass(frozen=True)
class InspectionRound:
    id: int
    period: str  # 2026-12, 2026-W49
    kind: InspectionKind
    window: str  # the pairing window's label: 2026-Q4, 2026-12, 2026
    seed: int
    group_size: int
    pool_ids: tuple[int, ...]  # the active pool the draw used, by id
    target_ids: tuple[int, ...]  # the offices it covered
    drawn_at: datetime
    drawn_by: str
    groups: tuple[InspectionGroup, ...] = ()


@dataclass(frozen=True)
class InspectionFinding:
    id: int
    group_id: int
    office_id: int | None  # the office the finding's case belongs to (else the group's target)
    case_id: int | None  # None while its report waits in 待甄别 (``review_id``)
    review_id: int | None
    summary: str
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class FindingFact:
    """One finding as the assessment counts it (``evaluation.inspection_results``)."""

    office_id: int
    kind: InspectionKind
    case_number: str
    case_status: str  # CaseStatus value
    recorded_at: datetime


@dataclass(frozen=True)
class FindingReport:
    """What a group found, as the 督查 window or a command sends it (lon/lat in ``datum``)."""

    category_code: str
    lon: float
    lat: float
    description: str = ""
    address: str = ""
    datum: str = Datum.WGS84.value


@dataclass(frozen=True)
class DrawPreview:
    """A draw not yet stored: what the window shows before the user confirms it. Confirming draws
    again from the same seed and stores the round only if the groups are still these."""

    period: str
    kind: InspectionKind
    window: str
    seed: int
    group_size: int
    pool_ids: tuple[int, ...]
    target_ids: tuple[int, ...]
    groups: tuple[tuple[int, tuple[int, ...]], ...]  # (target office, member ids)
    starts_on: date
    ends_on: date
    window_groups: int = 0  # groups already in the window when drawn (confirming checks it still is)
