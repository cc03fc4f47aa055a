"""Reading one value of a settings document: each converter returns the value or raises
``TypeError``/``ValueError``/``KeyError`` (the document reader turns that into a ``NOT_A_VALUE``
problem naming the key). Strict about kinds — ``true`` is no number, ``1`` no boolean — because a
silently coerced policy value is worse than a refused one."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, time
from typing import Any

from commandcenter.domain.holidays import HolidayPeriod
from commandcenter.domain.settings import (
    DEFAULT_SETTINGS,
    CalendarSettings,
    CalendarYear,
    LadderLevel,
    LadderRung,
)


def integer(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")
    return float(value)


def boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true/false")
    return value


def text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value.strip()


def clock(value: object) -> time:
    return time.fromisoformat(text(value))


def day(value: object) -> date:
    return date.fromisoformat(text(value))


def codes(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return tuple(code for code in (text(item) for item in value) if code)


def ladder(value: object) -> tuple[LadderRung, ...]:
    if not isinstance(value, list):
        raise TypeError("not a list")
    return tuple(
        LadderRung(LadderLevel(text(rung["level"])), boolean(rung["enabled"]), integer(rung["wait_minutes"]))
        for rung in value
    )


def calendar(value: object) -> CalendarSettings:
    if not isinstance(value, Mapping):
        raise TypeError("not an object")
    default = DEFAULT_SETTINGS.calendar
    periods = default.periods
    if "periods" in value:
        periods = tuple((clock(start), clock(end)) for start, end in value["periods"])
    years = default.years
    if "years" in value:
        years = tuple(
            CalendarYear(integer(entry["year"]), tuple(holiday_of(h) for h in entry.get("holidays", [])))
            for entry in value["years"]
        )
    return CalendarSettings(periods, years)


def holiday_of(raw: Mapping[str, Any]) -> HolidayPeriod:
    first = day(raw["first"])
    last = day(raw.get("last", raw["first"]))
    makeup = tuple(day(entry) for entry in raw.get("makeup_workdays", []))
    return HolidayPeriod(text(raw.get("name", "")), first, last, makeup)


def holiday_document(holiday: HolidayPeriod) -> dict[str, Any]:
    return {
        "name": holiday.name,
        "first": holiday.first.isoformat(),
        "last": holiday.last.isoformat(),
        "makeup_workdays": [entry.isoformat() for entry in holiday.makeup_workdays],
    }


def clock_text(moment: time) -> str:
    return moment.strftime("%H:%M")
