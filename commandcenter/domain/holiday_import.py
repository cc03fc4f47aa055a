"""A year's holidays from a file: one row per day — date, 休 (day off) or 班 (调休 working day), name.

Each December the State Council publishes next year's 节假日安排; an administrator types it into a
spreadsheet (or receives one) rather than into the 工作日历 page row by row. The rows become the
year's ``CalendarYear``: consecutive days off of one name are one holiday, and a 班 day belongs to
the holiday of its name. CSV (Excel's GBK or UTF-8; a header row is optional) and JSON (a list of
``{"date", "kind", "name"}`` objects, or ``{"days": [...]}``) are read.

Every row is checked before anything is kept, and every problem is returned at once with its row
number (``RowProblem``: a ``RowFault`` key and facts — the widget words them, ``describe`` gives the
command line its bilingual line): a date that is no date or lies outside the year, a day listed
twice, a kind that is neither 休 nor 班, a missing name, a 班 day of a holiday without days off.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from commandcenter.domain.holidays import HolidayPeriod
from commandcenter.domain.settings import CalendarYear

DAY_OFF_WORDS = frozenset({"休", "休息", "放假", "off"})
WORKDAY_WORDS = frozenset({"班", "上班", "调休上班", "work"})


class RowFault(StrEnum):
    NOT_READABLE = "not_readable"  # the file is no CSV/JSON of rows (facts: what the parser said)
    NO_ROWS = "no_rows"
    MISSING_FIELD = "missing_field"  # facts: date | kind | name
    NOT_A_DATE = "not_a_date"  # facts: the text
    OUTSIDE_YEAR = "outside_year"  # facts: the date, the year
    DUPLICATE_DATE = "duplicate_date"  # facts: the date, the row that has it first
    UNKNOWN_KIND = "unknown_kind"  # facts: the text
    NAME_MISSING = "name_missing"
    WORKDAY_WITHOUT_HOLIDAY = "workday_without_holiday"  # a 班 day whose name has no 休 days; facts: name


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1-based data row (a header row is not counted); 0 = the whole file
    fault: RowFault
    facts: tuple[str, ...] = ()


_LINES: dict[RowFault, str] = {
    RowFault.NOT_READABLE: "无法读取 cannot be read: {0}",
    RowFault.NO_ROWS: "没有数据行 holds no rows",
    RowFault.MISSING_FIELD: "缺少 {0} missing {0}",
    RowFault.NOT_A_DATE: "{0} 不是日期 is not a date (2027-01-01)",
    RowFault.OUTSIDE_YEAR: "{0} 不在 {1} 年 is outside {1}",
    RowFault.DUPLICATE_DATE: "{0} 与第 {1} 行重复 repeats row {1}",
    RowFault.UNKNOWN_KIND: "类型 {0} 应为 休 或 班 kind must be 休 or 班",
    RowFault.NAME_MISSING: "缺少名称 the name is missing",
    RowFault.WORKDAY_WITHOUT_HOLIDAY: "调休上班日没有对应的假期 {0} a 班 day of {0} without days off",
}


def describe(problem: RowProblem) -> str:
    """The bilingual line of a problem, for the command line (the dialog words the keys itself)."""
    where = "文件 file" if problem.row == 0 else f"第 {problem.row} 行 row {problem.row}"
    return f"{where}: {_LINES[problem.fault].format(*problem.facts)}"


class HolidayImportError(ValueError):
    """The file was refused; ``problems`` lists every reason (nothing was stored)."""

    def __init__(self, problems: Sequence[RowProblem]) -> None:
        super().__init__("节假日表无效 invalid holiday table: " + "; ".join(describe(p) for p in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class _Day:
    row: int
    day: date
    off: bool
    name: str


def read_holiday_rows(text: str, year: int, *, json_format: bool) -> CalendarYear:
    """The year's holidays from the file's text; ``HolidayImportError`` with every problem."""
    problems: list[RowProblem] = []
    raw = _json_rows(text, problems) if json_format else _csv_rows(text)
    if not raw and not problems:
        problems.append(RowProblem(0, RowFault.NO_ROWS))
    days = _days(raw, year, problems)
    periods = _periods(days, problems)
    if problems:
        raise HolidayImportError(sorted(problems, key=lambda problem: problem.row))
    return CalendarYear(year, tuple(periods))


def looks_like_json(name: str, text: str) -> bool:
    return name.lower().endswith(".json") or text.lstrip().startswith(("[", "{"))


def _csv_rows(text: str) -> list[list[str]]:
    rows = [
        [cell.strip() for cell in row] for row in csv.reader(io.StringIO(text)) if any(c.strip() for c in row)
    ]
    if rows and _is_header(rows[0]):
        rows = rows[1:]
    return rows


def _is_header(row: list[str]) -> bool:
    first = row[0].lower() if row else ""
    return first in ("date", "日期")


def _json_rows(text: str, problems: list[RowProblem]) -> list[list[str]]:
    try:
        document: Any = json.loads(text)
    except ValueError as error:
        problems.append(RowProblem(0, RowFault.NOT_READABLE, (str(error),)))
        return []
    items = document.get("days") if isinstance(document, dict) else document
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        problems.append(RowProblem(0, RowFault.NOT_READABLE, ('[{"date", "kind", "name"}, …]',)))
        return []
    return [[str(item.get(field) or "").strip() for field in ("date", "kind", "name")] for item in items]


def _days(rows: Iterable[list[str]], year: int, problems: list[RowProblem]) -> list[_Day]:
    days: list[_Day] = []
    first_row: dict[date, int] = {}
    for number, row in enumerate(rows, 1):
        cells = [*row, "", "", ""][:3]
        found = len(problems)
        for field, cell in zip(("date", "kind"), cells[:2], strict=True):
            if not cell:
                problems.append(RowProblem(number, RowFault.MISSING_FIELD, (field,)))
        if len(problems) > found:
            continue
        day = _date(cells[0], number, problems)
        kind = cells[1].lower()
        if kind not in DAY_OFF_WORDS | WORKDAY_WORDS:
            problems.append(RowProblem(number, RowFault.UNKNOWN_KIND, (cells[1],)))
        if not cells[2]:
            problems.append(RowProblem(number, RowFault.NAME_MISSING))
        if day is not None and day.year != year:
            problems.append(RowProblem(number, RowFault.OUTSIDE_YEAR, (day.isoformat(), str(year))))
        elif day is not None and day in first_row:
            problems.append(
                RowProblem(number, RowFault.DUPLICATE_DATE, (day.isoformat(), str(first_row[day])))
            )
        if len(problems) == found and day is not None:
            first_row[day] = number
            days.append(_Day(number, day, kind in DAY_OFF_WORDS, cells[2]))
    return days


def _date(text: str, row: int, problems: list[RowProblem]) -> date | None:
    try:
        return date.fromisoformat(text.replace("/", "-"))
    except ValueError:
        problems.append(RowProblem(row, RowFault.NOT_A_DATE, (text,)))
        return None


def _periods(days: list[_Day], problems: list[RowProblem]) -> list[HolidayPeriod]:
    """Consecutive days off of one name are one holiday; each 班 day joins the nearest holiday of
    its name."""
    runs: list[list[_Day]] = []
    for day in sorted((d for d in days if d.off), key=lambda d: d.day):
        if runs and runs[-1][-1].name == day.name and runs[-1][-1].day + timedelta(days=1) == day.day:
            runs[-1].append(day)
        else:
            runs.append([day])
    makeup: list[list[date]] = [[] for _ in runs]
    for worked in (d for d in days if not d.off):
        named = [index for index, run in enumerate(runs) if run[0].name == worked.name]
        if not named:
            problems.append(RowProblem(worked.row, RowFault.WORKDAY_WITHOUT_HOLIDAY, (worked.name,)))
            continue
        nearest = min(named, key=lambda index: abs((runs[index][0].day - worked.day).days))
        makeup[nearest].append(worked.day)
    return [
        HolidayPeriod(run[0].name, run[0].day, run[-1].day, tuple(sorted(worked)))
        for run, worked in zip(runs, makeup, strict=True)
    ]
