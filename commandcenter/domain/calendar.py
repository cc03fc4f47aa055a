"""The working calendar: case deadlines count 工作时 / 工作日, not wall-clock hours.

A 4-working-hour limit on a report filed at 11:00 on a Friday runs through lunch and the weekend and
ends on Monday morning; around 国庆 it skips a week and lands on the 调休 Saturday. Every deadline,
due-soon flag and on-time statistic goes through this one class so they agree with each other.
All arithmetic happens in the district's zone (``commandcenter.district_time``, Asia/Shanghai unless
configured); naive datetimes are refused because a silently misread zone shifts every deadline.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Sequence
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from commandcenter.district_time import DEFAULT_TIME_ZONE, district_clock
from commandcenter.domain.holidays import CHINA_2026, CalendarConfigError, HolidayTable, periods_from_toml

# The default district zone, by which tests and examples name a Shanghai moment. The running
# district's zone is ``district_clock().zone`` (the configuration's ``time_zone``).
DISTRICT_TIMEZONE = ZoneInfo(DEFAULT_TIME_ZONE)
# 郑州 office hours (winter schedule); summer offices often start the afternoon at 15:00 — configurable.
DEFAULT_WORKING_HOURS: tuple[tuple[time, time], ...] = (
    (time(8, 30), time(12, 0)),
    (time(14, 0), time(18, 0)),
)
WEEKEND = frozenset({5, 6})  # date.weekday(): Saturday, Sunday
MAX_SEARCH_DAYS = 3 * 366  # a calendar without working days must fail, not loop forever


class DeadlineState(StrEnum):
    NORMAL = "normal"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


class WorkingCalendar:
    """Working periods per day, weekends, holidays and 调休 make-up days, in one time zone."""

    def __init__(
        self,
        periods: Sequence[tuple[time, time]] = DEFAULT_WORKING_HOURS,
        holidays: HolidayTable | None = None,
        *,
        tz: ZoneInfo | None = None,
    ) -> None:
        ordered = sorted(periods)
        if not ordered:
            raise CalendarConfigError("至少需要一个工作时段 (at least one working period is needed)")
        for (start, end), following in zip(ordered, [*ordered[1:], None], strict=True):
            if not start < end:
                raise CalendarConfigError(f"工作时段 {start}–{end} 无效 (a period must end after it starts)")
            if following is not None and following[0] < end:
                raise CalendarConfigError(f"工作时段重叠 (working periods overlap) at {following[0]}")
        self.periods: tuple[tuple[time, time], ...] = tuple(ordered)
        self.holidays = holidays or HolidayTable()
        self.tz = tz or district_clock().zone  # the district's, as configured when it is built

    @classmethod
    def default(cls) -> WorkingCalendar:
        """Standard office hours with the 2026 national holidays and their 调休 days."""
        return cls(holidays=HolidayTable.china_2026())

    @classmethod
    def from_toml(cls, path: Path) -> WorkingCalendar:
        """``working_hours = [["08:30", "12:00"], ["15:00", "18:00"]]`` plus ``[[holiday]]`` entries
        (see ``commandcenter.cases.holidays``); the built-in 2026 table is included unless
        ``include_builtin_holidays = false``."""
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
            hours = [
                (time.fromisoformat(start), time.fromisoformat(end))
                for start, end in raw.get("working_hours", [])
            ]
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, ValueError, TypeError) as error:
            raise CalendarConfigError(f"工作日历文件 {path} 无效 (invalid calendar file): {error}") from error
        periods = periods_from_toml(raw)
        if raw.get("include_builtin_holidays", True):
            periods = [*CHINA_2026, *periods]
        return cls(hours or DEFAULT_WORKING_HOURS, HolidayTable.from_periods(periods))

    @property
    def hours_per_day(self) -> float:
        """Working hours in one ordinary working day: the length of one 工作日."""
        return sum(
            _hours(datetime.combine(date.min, e) - datetime.combine(date.min, s)) for s, e in self.periods
        )

    def is_working_day(self, day: date) -> bool:
        if day in self.holidays.makeup_workdays:
            return True
        return day not in self.holidays.holidays and day.weekday() not in WEEKEND

    def add_working_hours(self, start: datetime, hours: float) -> datetime:
        """The moment ``hours`` of working time after ``start`` (a deadline ends at a period's end,
        never at the next period's start)."""
        if hours < 0:
            raise ValueError("hours must not be negative")
        remaining = timedelta(hours=hours)
        local = self._local(start)
        if not remaining:
            return local
        for begin, end in self._intervals(local, local.date() + timedelta(days=MAX_SEARCH_DAYS)):
            if remaining <= end - begin:
                return begin + remaining
            remaining -= end - begin
        raise CalendarConfigError("三年内没有工作时间 (no working time within three years)")

    def add_working_days(self, start: datetime, days: float) -> datetime:
        """``days`` 工作日 as that many full working days of hours: 5 工作日 from Tuesday 10:00 is the
        next Tuesday 10:00 when no holiday intervenes."""
        return self.add_working_hours(start, days * self.hours_per_day)

    def working_hours_between(self, a: datetime, b: datetime) -> float:
        """Working hours from ``a`` to ``b`` (negative when ``b`` is earlier)."""
        if b < a:
            return -self.working_hours_between(b, a)
        end_local = self._local(b)
        total = timedelta()
        for begin, end in self._intervals(self._local(a), end_local.date()):
            if begin >= end_local:
                break
            total += min(end, end_local) - begin
        return _hours(total)

    def _intervals(self, start: datetime, last_day: date) -> Iterator[tuple[datetime, datetime]]:
        """Working intervals from ``start`` (the first one clipped to it) through ``last_day``."""
        day = start.date()
        while day <= last_day:
            if self.is_working_day(day):
                for period_start, period_end in self.periods:
                    begin = datetime.combine(day, period_start, tzinfo=self.tz)
                    end = datetime.combine(day, period_end, tzinfo=self.tz)
                    if end > start:
                        yield max(begin, start), end
            day += timedelta(days=1)

    def _local(self, moment: datetime) -> datetime:
        if moment.tzinfo is None:
            raise ValueError("naive datetime: give the time zone (UTC or the district's)")
        return moment.astimezone(self.tz)


def deadline_state(
    now: datetime,
    deadline: datetime | None,
    due_soon: timedelta = timedelta(hours=1),
    calendar: WorkingCalendar | None = None,
) -> DeadlineState:
    """Overdue once ``now`` is past the deadline; due soon when at most ``due_soon`` remains —
    wall-clock time by default, working time when a calendar is given (so Friday 17:50 with a
    Monday 08:45 deadline is due soon). A case without a deadline is never late."""
    if deadline is None:
        return DeadlineState.NORMAL
    if now > deadline:
        return DeadlineState.OVERDUE
    left = (
        deadline - now if calendar is None else timedelta(hours=calendar.working_hours_between(now, deadline))
    )
    return DeadlineState.DUE_SOON if left <= due_soon else DeadlineState.NORMAL


def _hours(span: timedelta) -> float:
    return span.total_seconds() / 3600
