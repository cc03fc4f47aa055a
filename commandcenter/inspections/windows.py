"""The pairing window of a period: the stretch (month, quarter or year, on the district's clock) within
which no two inspectors are drawn into the same group twice. A period's window is the one its first
day lies in, so the weeks of a quarter share ``2026-Q4`` whatever month they start in."""

from __future__ import annotations

from datetime import date, timedelta

from commandcenter.district_time import DistrictClock, district_clock
from commandcenter.domain.inspections import PairingWindow
from commandcenter.evaluation.periods import Period


def window_label(first_day: date, window: PairingWindow) -> str:
    if window is PairingWindow.MONTH:
        return f"{first_day.year:04d}-{first_day.month:02d}"
    if window is PairingWindow.QUARTER:
        return f"{first_day.year:04d}-Q{(first_day.month - 1) // 3 + 1}"
    return f"{first_day.year:04d}"


def first_day(period: Period, clock: DistrictClock | None = None) -> date:
    """The period's first day on the district's clock."""
    return (clock or district_clock()).local(period.start).date()


def last_day(period: Period, clock: DistrictClock | None = None) -> date:
    """The period's last day (inclusive) on the district's clock."""
    return ((clock or district_clock()).local(period.end) - timedelta(days=1)).date()
