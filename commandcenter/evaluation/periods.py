"""The assessment periods — a month, an ISO week or a year — on the district's clock.

A period is the half-open interval [start, end) between two local midnights in the district's time
zone (``district_time``), never the workstation's or UTC: a report received at 23:30 on Nov 30 in
Zhengzhou (15:30 UTC) belongs to November wherever the assessment is run. Written as ``2026-11``
(month), ``2026-W47`` (ISO week, Monday to Monday) or ``2026`` (year); anything else is a
``PeriodError`` with a bilingual message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from commandcenter.district_time import DistrictClock, district_clock


class PeriodKind(StrEnum):
    MONTH = "month"
    WEEK = "week"
    YEAR = "year"
    DAY = "day"  # the daily summary's (evaluation.daily.day_period); not written as text


class PeriodError(ValueError):
    """Not a period this system understands; the message is "中文 / English"."""


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    label: str  # as written: 2026-11, 2026-W47, 2026
    start: datetime  # the district's local midnight, held in UTC (comparisons with the store's
    end: datetime  # UTC times then skip a zone lookup per case); exclusive

    def contains(self, moment: datetime | None) -> bool:
        return moment is not None and self.start <= moment < self.end


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_WEEK = re.compile(r"^(\d{4})-[Ww](\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_period(text: str, clock: DistrictClock | None = None) -> Period:
    """``2026-11``, ``2026-W47`` or ``2026`` on ``clock`` (the process's district clock by default)."""
    clock = clock or district_clock()
    written = text.strip()
    try:
        if match := _MONTH.match(written):
            year, month = int(match[1]), int(match[2])
            first = date(year, month, 1)
            following = date(year + month // 12, month % 12 + 1, 1)
            return _period(PeriodKind.MONTH, f"{year:04d}-{month:02d}", first, following, clock)
        if match := _WEEK.match(written):
            year, week = int(match[1]), int(match[2])
            monday = date.fromisocalendar(year, week, 1)
            return _period(PeriodKind.WEEK, f"{year:04d}-W{week:02d}", monday, monday + timedelta(7), clock)
        if match := _YEAR.match(written):
            year = int(match[1])
            return _period(PeriodKind.YEAR, f"{year:04d}", date(year, 1, 1), date(year + 1, 1, 1), clock)
    except ValueError:
        pass  # month 13, week 54, year 0: worded below like any other bad text
    raise PeriodError(
        f"考核周期「{text}」无效，应为 2026-11、2026-W47 或 2026 / "
        f"invalid period {text!r}: write a month 2026-11, a week 2026-W47 or a year 2026"
    )


def current_label(kind: PeriodKind, moment: datetime, clock: DistrictClock | None = None) -> str:
    """The label of the week, month or year holding ``moment`` on the district's clock."""
    today = (clock or district_clock()).local(moment).date()
    if kind is PeriodKind.WEEK:
        year, week, _day = today.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if kind is PeriodKind.MONTH:
        return f"{today.year:04d}-{today.month:02d}"
    return f"{today.year:04d}"


def _period(kind: PeriodKind, label: str, first: date, following: date, clock: DistrictClock) -> Period:
    start = datetime.combine(first, time(), clock.zone).astimezone(UTC)
    end = datetime.combine(following, time(), clock.zone).astimezone(UTC)
    return Period(kind, label, start, end)
