"""The reports' content from the figures the services computed: the assessment (ranking, scores,
money), the indicator table by office and the trend for a week, month or year (the daily summary:
``daily_report``). Nothing is recomputed here — each cell is the indicator functions' value —
so a report says exactly what 考核排名 and ``commandcenter indicators`` say."""

from __future__ import annotations

from commandcenter.evaluation.assessment import Assessment
from commandcenter.evaluation.assessment_text import deduction_lines, supervision_lines
from commandcenter.evaluation.table import IndicatorRow, IndicatorTable
from commandcenter.evaluation.text import COLUMNS as INDICATOR_COLUMNS
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
from commandcenter.reports.trend import Trend

TITLES = {
    ReportKind.WEEKLY: "城市管理周通报",
    ReportKind.MONTHLY: "城市管理月度考核通报",
    ReportKind.ANNUAL: "城市管理年度考评",
    ReportKind.DAILY: "城市管理每日汇总通报",
}
_S = Shown
RANKING_COLUMNS = (
    Column("名次", _S.COUNT),
    Column("办事处"),
    Column("等级"),
    Column("路段数", _S.COUNT),
    Column("综合指标值", _S.SCORE),
    Column("扣分", _S.SCORE),
    Column("标准化得分", _S.SCORE),
    Column("难度系数", _S.FACTOR),
    Column("案量系数", _S.FACTOR),
    Column("考核得分", _S.SCORE),
)
_INDICATOR_SHOWN = (
    _S.COUNT,
    _S.COUNT,
    _S.RATE,
    _S.COUNT,
    _S.COUNT,
    _S.COUNT,
    _S.RATE,
    _S.COUNT,
    _S.RATE,
    _S.RATE,
    _S.RATE,
    _S.COUNT,
    _S.SCORE,
)
INDICATOR_COLUMNS_SHOWN = (
    Column("办事处"),
    *(Column(title, shown) for title, shown in zip(INDICATOR_COLUMNS, _INDICATOR_SHOWN, strict=True)),
)


def assessment_report(
    kind: ReportKind,
    span: str,
    generated: str,
    assessment: Assessment,
    table: IndicatorTable,
    trend: Trend,
) -> Report:
    total = table.total.indicators
    figures = (
        Figure("受理数", total.received),
        Figure("立案率", total.filing_rate, _S.RATE),
        Figure("结案率", total.closure_rate, _S.RATE),
        Figure("按期结案率", total.on_time_rate, _S.RATE),
        Figure("超期未处置", total.overdue_open),
        Figure("返工率", total.rework_rate, _S.RATE),
    )
    scored = [row for row in assessment.rows if row.final is not None]
    rates = [row for row in table.rows if row.indicators.on_time_rate is not None]
    charts = (
        Chart(
            "各办事处考核得分",
            tuple(row.office for row in scored),
            (Series("考核得分", tuple(row.final or 0.0 for row in scored)),),
        ),
        Chart(
            "各办事处按期结案率（%）",
            tuple(row.name for row in rates),
            (Series("按期结案率", tuple(100 * (row.indicators.on_time_rate or 0.0) for row in rates)),),
            unit="%",
        ),
        Chart(
            "受理与结案趋势",
            trend.labels,
            (
                Series("受理", tuple(map(float, trend.received))),
                Series("结案", tuple(map(float, trend.closed))),
            ),
            kind="line",
        ),
    )
    monthly = kind is ReportKind.MONTHLY
    ranking_columns = RANKING_COLUMNS + ((Column("奖惩（元）", _S.MONEY),) if monthly else ())
    ranking = Table(
        "考核排名",
        ranking_columns,
        tuple(
            (
                row.rank,
                row.office,
                row.grade or None,
                row.segments,
                row.score,
                row.deductions,
                row.normalised,
                row.difficulty,
                row.volume,
                row.final,
                *((row.reward_cny,) if monthly else ()),
            )
            for row in assessment.rows
        ),
    )
    indicators = Table(
        "考核指标",
        INDICATOR_COLUMNS_SHOWN,
        tuple(indicator_cells(row) for row in table.rows),
        indicator_cells(table.total),
    )
    state = (
        f"已发布（{assessment.published_by} {assessment.published_at}）"
        if assessment.published_by
        else "未发布"
    )
    notes = [*deduction_lines(assessment), *supervision_lines(assessment)]
    if monthly:
        notes.insert(0, f"月度基数 {assessment.monthly_base_cny:,} 元/办事处")
    return Report(
        kind,
        TITLES[kind],
        assessment.period,
        span,
        state,
        generated,
        figures,
        charts,
        (ranking, indicators),
        tuple(notes),
    )


def indicator_cells(row: IndicatorRow) -> tuple[Cell, ...]:
    """One indicator row's values in ``INDICATOR_COLUMNS_SHOWN`` order (the table's own numbers)."""
    c = row.indicators
    return (
        row.name,
        c.received,
        c.filed,
        c.filing_rate,
        c.dispatched,
        c.due,
        c.closed,
        c.closure_rate,
        c.on_time,
        c.on_time_rate,
        c.rework_rate,
        c.extension_rate,
        c.overdue_open,
        row.score,
    )
