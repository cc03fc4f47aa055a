"""What the briefing screen shows, read in one job on a worker through the signed-in leader's
services: today's cases and 超期 (the daily summary), this month's 按期结案率 (the indicator table),
units on duty (the live map's frame: not offline), cameras online (the catalog), the month's office
ranking, its 受理/结案 trend and each office's day. The same functions as 考核 and the reports, so
the screen and the printed bulletin never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from commandcenter.evaluation.assessment import OfficeAssessment
from commandcenter.evaluation.daily import DailyRow, totals
from commandcenter.evaluation.periods import PeriodKind, current_label, parse_period
from commandcenter.mapping.unit_frame import MotionState
from commandcenter.reports.trend import Trend
from commandcenter.services.hub import Services

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


def read_figures(services: Services, now: datetime | None = None) -> BriefingFigures:
    """Runs on a worker: several reads, none on the Qt thread."""
    now = now or datetime.now(UTC)
    month = current_label(PeriodKind.MONTH, now)
    daily = services.assessments.daily()
    total = totals(daily)
    table = services.indicators.table(month)
    ranking = services.assessments.ranking(month, PeriodKind.MONTH)
    trend = services.reports.trend(parse_period(month))
    on_duty = None
    if services.reads_district:
        frame = services.map.units()
        on_duty = int(np.count_nonzero(frame.state != MotionState.OFFLINE))
    cameras = services.cameras.list_cameras()
    return BriefingFigures(
        total.received,
        total.overdue_open,
        table.total.indicators.on_time_rate,
        on_duty,
        sum(camera.online for camera in cameras),
        len(cameras),
        month,
        tuple(ranking.rows),
        trend,
        tuple(daily),
    )


def tour_codes(services: Services) -> list[str]:
    """The cameras the briefing tours: the leader's starred ones, else the first online cameras."""
    starred = sorted(services.cameras.favourites())
    if starred:
        return starred[:TOUR_CAMERAS]
    return [camera.code for camera in services.cameras.list_cameras() if camera.online][:TOUR_CAMERAS]
