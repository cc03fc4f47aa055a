"""The records a plugin reads: the district, case outcomes, domain events and the report a case rule
judges — owned by the facade, so the core can rename a table or a domain class without a plugin
noticing. The host converts its own records into these at the boundary (``commandcenter.plugin_host``).

Coordinates are WGS-84 ``(lon, lat)``; times are aware UTC ``datetime``s. Every record is frozen:
a plugin cannot change what another plugin (or the host) sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

Coordinates = tuple[tuple[float, float], ...]  # WGS-84 (lon, lat) vertices


@dataclass(frozen=True)
class Office:
    """A 镇办 (street office): ``name`` is what manifests and ``segments(office=…)`` use."""

    id: int
    code: str  # administrative code, e.g. "410103001"
    name: str  # e.g. "五里堡街道"
    center_lon: float
    center_lat: float
    boundary: Coordinates  # closed ring


@dataclass(frozen=True)
class Segment:
    """A 路段: the stretch of road one 路长 answers for."""

    id: int
    number: str  # e.g. "WLB-003"
    name: str  # e.g. "大学路(航海路-淮河路)"
    office_id: int
    geometry: Coordinates  # the centre line


@dataclass(frozen=True)
class StaffMember:
    """One member of staff; the position is that of the unit they carry (None without one)."""

    id: int
    name: str
    role: str  # 路长, 城管队员, 巡查员, 中队长 …
    office_id: int
    segment_id: int | None  # the segment they answer for, if any
    shift: str
    phone: str
    last_ts: datetime | None  # time of the last position fix
    last_lon: float | None
    last_lat: float | None


@dataclass(frozen=True)
class CaseOutcome:
    """One case located on a segment, as an assessment (考核) scores it."""

    case_id: int
    segment_id: int
    status: str  # the workflow status, e.g. "结案"
    created_at: datetime
    deadline_at: datetime | None
    closed_at: datetime | None
    rework_count: int  # how often it was sent back (返工)


@dataclass(frozen=True)
class PostIndicators:
    """One person's (路长, city manager …: the post the cases were dispatched to) district indicators
    for one period (API 1.2): the counts the district's assessment uses, under its period rules
    (应结案 by the deadline's period, 挂账 time excluded …), and the 综合指标值 under the district's
    assessment weights (None: nothing was due)."""

    staff_id: int
    period: str  # 2026-11, 2026-W47, 2026
    received: int  # 受理
    dispatched: int  # 派遣
    due: int  # 应结案
    closed: int  # 结案
    on_time: int  # 按期结案
    reworked: int  # 返工
    overdue_open: int  # 超期未处置 at the period's end
    score: float | None

    @property
    def closure_rate(self) -> float | None:
        return self.closed / self.due if self.due else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.due if self.due else None

    @property
    def rework_rate(self) -> float | None:
        return self.reworked / self.closed if self.closed else None


@dataclass(frozen=True)
class CaseEvent:
    """Payload of ``case_created``, ``case_dispatched`` and ``case_closed``."""

    case_id: int
    status: str


@dataclass(frozen=True)
class UnitAlert:
    """Payload of ``unit_alert``: a map rule fired for a unit (越界, 停留超时 …)."""

    unit_id: int
    kind: str
    message: str


@dataclass(frozen=True)
class SegmentMatch:
    """The segment a report lies on, and how far from its centre line."""

    segment: Segment
    distance_m: float


@dataclass(frozen=True)
class ScreenedReport:
    """What a case rule judges: a report that passed screening and is about to become a new case.

    ``office`` is where intake located it (the segment's office, or the office the point lies in);
    ``segment`` is None when no segment is within 100 m; ``road_chief`` is that segment's 路长.
    ``urgency`` is the category's default (1 urgent … 3 routine) before any rule changes it.
    """

    category_code: str  # e.g. "S0502"
    category_name: str  # e.g. "占道经营"
    lon: float
    lat: float
    source: str  # 市民上报, 12345热线, 巡查上报 …
    reporter: str
    description: str
    address: str
    urgency: int
    office: Office | None
    segment: SegmentMatch | None
    road_chief: StaffMember | None


@dataclass(frozen=True)
class PluginInfo:
    """The plugin's own manifest, as ``context.manifest``."""

    id: str
    name: str
    version: str
    api_version: str
    offices: tuple[str, ...]
    description: str
