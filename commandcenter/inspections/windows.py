"""The pairing window of a period: the stretch (month, quarter or year, on the district's clock) within
which no two inspectors are drawn into the same group twice. A period's window is the one its first
day lies in, so the weeks of a quarter share ``2026-Q4`` whatever month they start in. Also: a
kind or a window read as written (a bad one is ``InvalidInput`` with a bilingual line)."""

from __future__ import annotations

from datetime import date, timedelta

from commandcenter.accounts.errors import InvalidInput
from commandcenter.district_time import DistrictClock, district_clock
from commandcenter.domain.inspections import InspectionKind, PairingWindow
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


def kind_named(kind: InspectionKind | str) -> InspectionKind:
    try:
        return InspectionKind(kind)
    except ValueError as error:
        raise InvalidInput("kind", "应为明察或暗访", "must be 明察 or 暗访") from error


def window_named(window: PairingWindow | str) -> PairingWindow:
    try:
        return PairingWindow(window)
    except ValueError as error:
        raise InvalidInput(
            "window", "应为 month、quarter 或 year", "must be month, quarter or year"
        ) from error


def window_of_label(label: str) -> PairingWindow:
    """The kind of window a stored label names (2026-12, 2026-Q4, 2026)."""
    if "-Q" in label:
        return PairingWindow.QUARTER
    return PairingWindow.MONTH if "-" in label else PairingWindow.YEAR
