"""Public holidays and 调休 make-up working days: the part of the working calendar that changes yearly.

China announces each year's holidays in a State Council notice (国务院办公厅关于部分节假日安排的通知)
and shifts weekends around them: some Saturdays or Sundays become working days (调休上班). A deadline
engine that only knows "Monday to Friday" is wrong around every long holiday, so the table is data:
the 2026 notice ships built in, and a TOML file with the same shape replaces or extends it::

    [[holiday]]
    name = "春节"
    first = 2026-02-15
    last = 2026-02-23
    makeup_workdays = [2026-02-14, 2026-02-28]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any


class CalendarConfigError(ValueError):
    """A holiday or working-hours table is malformed; the message says which entry and why."""


@dataclass(frozen=True)
class HolidayPeriod:
    """One holiday of one year: its days off (``first``..``last``) and the weekend days worked instead."""

    name: str
    first: date
    last: date
    makeup_workdays: tuple[date, ...] = ()

    def days_off(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


# 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04).
CHINA_2026: tuple[HolidayPeriod, ...] = (
    HolidayPeriod("元旦", date(2026, 1, 1), date(2026, 1, 3), (date(2026, 1, 4),)),
    HolidayPeriod("春节", date(2026, 2, 15), date(2026, 2, 23), (date(2026, 2, 14), date(2026, 2, 28))),
    HolidayPeriod("清明节", date(2026, 4, 4), date(2026, 4, 6)),
    HolidayPeriod("劳动节", date(2026, 5, 1), date(2026, 5, 5), (date(2026, 5, 9),)),
    HolidayPeriod("端午节", date(2026, 6, 19), date(2026, 6, 21)),
    HolidayPeriod("中秋节", date(2026, 9, 25), date(2026, 9, 27)),
    HolidayPeriod("国庆节", date(2026, 10, 1), date(2026, 10, 7), (date(2026, 9, 20), date(2026, 10, 10))),
)


@dataclass(frozen=True)
class HolidayTable:
    """Days off that would otherwise be working days, and weekend days that are worked (调休)."""

    holidays: frozenset[date] = frozenset()
    makeup_workdays: frozenset[date] = frozenset()

    @classmethod
    def from_periods(cls, periods: Iterable[HolidayPeriod]) -> HolidayTable:
        holidays: set[date] = set()
        makeup: set[date] = set()
        for period in periods:
            if period.last < period.first:
                raise CalendarConfigError(f"假期 {period.name} 结束早于开始 (holiday ends before it starts)")
            holidays.update(period.days_off())
            makeup.update(period.makeup_workdays)
        clash = holidays & makeup
        if clash:
            days = ", ".join(sorted(d.isoformat() for d in clash))
            raise CalendarConfigError(f"同一天既放假又调休上班 (a day is both off and worked): {days}")
        return cls(frozenset(holidays), frozenset(makeup))

    @classmethod
    def china_2026(cls) -> HolidayTable:
        return cls.from_periods(CHINA_2026)


def periods_from_toml(raw: Mapping[str, Any]) -> list[HolidayPeriod]:
    """The ``[[holiday]]`` entries of a parsed TOML document (TOML dates arrive as ``date`` already)."""
    entries = raw.get("holiday", [])
    if not isinstance(entries, list):
        raise CalendarConfigError("holiday 必须是 [[holiday]] 表数组 (must be an array of tables)")
    periods = []
    for index, entry in enumerate(entries, 1):
        try:
            name = str(entry["name"])
            first, last = entry["first"], entry.get("last", entry["first"])
            makeup = tuple(entry.get("makeup_workdays", ()))
        except (KeyError, TypeError) as error:
            raise CalendarConfigError(
                f"第 {index} 个假期缺少字段 (holiday #{index} lacks {error})"
            ) from error
        if not all(type(day) is date for day in (first, last, *makeup)):
            raise CalendarConfigError(f"假期 {name} 的日期格式应为 2026-10-01 (dates must be TOML dates)")
        periods.append(HolidayPeriod(name, first, last, makeup))
    return periods
