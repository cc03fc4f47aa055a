"""What the briefing screen shows, read in one job on a worker through the signed-in leader's
services: today's cases and 超期 (the daily summary), this month's 按期结案率 (the indicator table),
units on duty (the live map's frame: not offline), cameras online (the catalog), the month's office
ranking, its 受理/结案 trend and each office's day. The same functions as 考核 and the reports, so
the screen and the printed bulletin never disagree."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from commandcenter.district_time import district_clock
from commandcenter.evaluation.assessment import OfficeAssessment
from commandcenter.evaluation.daily import DailyRow, totals
from commandcenter.evaluation.periods import PeriodKind, current_label, parse_period
from commandcenter.mapping.unit_frame import MotionState, UnitFrame
from commandcenter.reports.trend import Trend
from commandcenter.services.hub import Services
from ui.briefing import heap

TOUR_CAMERAS = 16


@dataclass(frozen=True)
class BriefingFigures:
    cases_today: int
    overdue: int
    on_time_rate: float | None  # this month so far; None: nothing due yet
    units_on_duty: int | None  # None: the principal does not read the live picture
    cameras_online: int
    cameras_total: int
    month: str
    ranking: tuple[OfficeAssessment, ...]
    trend: Trend
    daily: tuple[DailyRow, ...]


class FigureReader:
    """``read`` runs on a worker: several reads, none on the Qt thread. The camera catalog (6,785
    rows at seed scale) changes slowly and is read once a minute; units on duty are counted from the
    briefing's own live map when it has one (``units=False``), not read a second time."""

    CAMERAS_EVERY_S = 60.0

    def __init__(self, services: Services, *, units: bool = True) -> None:
        self.services, self.units = services, units
        self._cameras: tuple[float, int, int] | None = None  # when, online, total

    def read(self) -> BriefingFigures:
        figures = read_figures(self.services, units=self.units, cameras=self._camera_counts())
        heap.trim()  # on this worker: what the reads freed goes back to the system
        return figures

    def _camera_counts(self) -> tuple[int, int]:
        now = time.monotonic()
        if self._cameras is None or now - self._cameras[0] > self.CAMERAS_EVERY_S:
            cameras = self.services.cameras.list_cameras()
            self._cameras = (now, sum(camera.online for camera in cameras), len(cameras))
        return self._cameras[1], self._cameras[2]


def read_figures(
    services: Services,
    now: datetime | None = None,
    *,
    units: bool = True,
    cameras: tuple[int, int] | None = None,
) -> BriefingFigures:
    """Everything at once (``cameras``: online and total when already known)."""
    now = now or datetime.now(UTC)
    month = current_label(PeriodKind.MONTH, now)
    daily = services.assessments.daily()
    total = totals(daily)
    table = services.indicators.table(month)
    ranking = services.assessments.ranking(month, PeriodKind.MONTH)
    trend = up_to_today(services.reports.trend(parse_period(month)), now)
    on_duty = units_on_duty(services.map.units()) if units and services.reads_district else None
    if cameras is None:
        catalog = services.cameras.list_cameras()
        cameras = (sum(camera.online for camera in catalog), len(catalog))
    return BriefingFigures(
        total.received,
        total.overdue_open,
        table.total.indicators.on_time_rate,
        on_duty,
        cameras[0],
        cameras[1],
        month,
        tuple(ranking.rows),
        trend,
        tuple(daily),
    )


def up_to_today(trend: Trend, now: datetime) -> Trend:
    """The month's days so far: the days still ahead are not drawn as zeros."""
    today = district_clock().local(now).strftime("%m-%d")
    if today not in trend.labels:
        return trend
    end = trend.labels.index(today) + 1
    return Trend(trend.labels[:end], trend.received[:end], trend.closed[:end])


def units_on_duty(frame: UnitFrame) -> int:
    """Units whose last fix is recent (not offline): moving or stopped on duty."""
    return int(np.count_nonzero(frame.state != MotionState.OFFLINE))


def tour_codes(services: Services) -> list[str]:
    """The cameras the briefing tours: the leader's starred ones, else the first online cameras."""
    starred = sorted(services.cameras.favourites())
    if starred:
        return starred[:TOUR_CAMERAS]
    return [camera.code for camera in services.cameras.list_cameras() if camera.online][:TOUR_CAMERAS]
