"""Map rules' records: the alerts the rule engine raises about units ("豫A·B1234 stopped loaded off-site
for 12 minutes") before an operator decides whether one becomes a case, and the muck-truck permits
(准运证: area or route, daily hours in local time, possibly across midnight) it checks positions against."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from commandcenter.district_time import district_clock

ALL_DAY = (0, 24 * 60)
ALERT_SOURCE = "地图告警"  # the source of a case filed from an alert: its evidence is the alert's track
ALERT_REPORTER = "地图规则告警"


class AlertKind(StrEnum):
    OFF_SEGMENT = "偏离责任路段"
    OUT_OF_AREA = "驶出准运区域"
    OUT_OF_WINDOW = "超时段运输"
    DUMPING = "疑似偷倒"


@dataclass(frozen=True)
class Alert:
    kind: AlertKind
    unit_id: int
    unit_label: str
    since: datetime  # when the condition began
    raised_at: datetime  # the fix at which it had lasted long enough
    lon: float
    lat: float
    text: str  # Chinese, as the alert list shows it
    id: int | None = None  # set once stored (``persistence.map.alerts``)
    case_id: int | None = None


@dataclass(frozen=True)
class TruckPermit:
    unit_id: int
    number: str
    area: list[list[float]] | None = None  # ring, WGS-84
    route: list[list[float]] | None = None  # polyline, WGS-84
    buffer_m: float = 0.0
    start_minute: int = ALL_DAY[0]  # minutes after local midnight
    end_minute: int = ALL_DAY[1]

    def __post_init__(self) -> None:
        if (self.area is None) == (self.route is None):
            raise ValueError(f"permit {self.number}: give exactly one of area or route")

    def in_window(self, moment: datetime) -> bool:
        local = district_clock().local(moment)
        minute = local.hour * 60 + local.minute
        if self.start_minute <= self.end_minute:
            return self.start_minute <= minute < self.end_minute
        return minute >= self.start_minute or minute < self.end_minute  # crosses midnight

    def window_text(self) -> str:
        def clock(minute: int) -> str:
            return f"{minute // 60:02d}:{minute % 60:02d}"

        return f"{clock(self.start_minute)}—{clock(self.end_minute)}"
