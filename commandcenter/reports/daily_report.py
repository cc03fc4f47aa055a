"""每日汇总 as a one-page report: the day's key figures (受理, 派遣, 结案 today, 超期未处置 now), a
chart per office and the table with the total, from ``AssessmentService.daily``'s rows as they are."""

from __future__ import annotations

from collections.abc import Sequence

from commandcenter.evaluation.daily import DailyRow, totals
from commandcenter.reports.building import TITLES
from commandcenter.reports.model import (
    Cell,
    Chart,
    Column,
    Figure,
    Report,
    ReportKind,
    Series,
    Shown,
    Table,
)

_S = Shown
DAILY_COLUMNS = (
    Column("办事处"),
    Column("受理", _S.COUNT),
    Column("派遣", _S.COUNT),
    Column("结案", _S.COUNT),
    Column("超期未处置", _S.COUNT),
    Column("在岗人数", _S.COUNT),
    Column("巡查路段", _S.COUNT),
)


def daily_report(day: str, generated: str, rows: Sequence[DailyRow]) -> Report:
    """每日汇总 on one page: the day's key figures, a chart per office and the table with the total."""
    total = totals(rows)
    figures = (
        Figure("今日受理", total.received),
        Figure("今日派遣", total.dispatched),
        Figure("今日结案", total.closed),
        Figure("超期未处置", total.overdue_open),
    )
    chart = Chart(
        "各办事处今日受理与结案",
        tuple(row.office for row in rows),
        (
            Series("受理", tuple(float(row.received) for row in rows)),
            Series("结案", tuple(float(row.closed) for row in rows)),
        ),
    )
    table = Table(
        "各办事处今日情况",
        DAILY_COLUMNS,
        tuple(daily_cells(row) for row in rows),
        daily_cells(total),
    )
    return Report(
        ReportKind.DAILY, TITLES[ReportKind.DAILY], day, day, "", generated, figures, (chart,), (table,)
    )


def daily_cells(row: DailyRow) -> tuple[Cell, ...]:
    patrol = row.patrol
    return (
        row.office,
        row.received,
        row.dispatched,
        row.closed,
        row.overdue_open,
        None if patrol is None else patrol.on_duty,
        None if patrol is None else patrol.segments_covered,
    )
