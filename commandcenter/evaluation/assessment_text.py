"""The assessment as text cells, as a bulletin prints it (Chinese headers, "—" for nothing): the
command line's table and CSV (``commandcenter assessment``). Domain words stay Chinese."""

from __future__ import annotations

from commandcenter.evaluation.assessment import Assessment, OfficeAssessment
from commandcenter.evaluation.periods import PeriodKind
from commandcenter.evaluation.text import NOTHING, score_text

COLUMNS = (
    "名次",
    "办事处",
    "等级",
    "路段数",
    "综合指标值",
    "扣分",
    "标准化得分",
    "难度系数",
    "案量系数",
    "考核得分",
)
MONEY = ("奖惩（元）",)


def headers(assessment: Assessment) -> list[str]:
    return [*COLUMNS, *(MONEY if assessment.kind is PeriodKind.MONTH else ())]


def row_cells(row: OfficeAssessment, kind: PeriodKind) -> list[str]:
    cells = [
        str(row.rank),
        row.office,
        row.grade or NOTHING,
        NOTHING if row.segments is None else str(row.segments),
        score_text(row.score),
        score_text(row.deductions),
        score_text(row.normalised),
        NOTHING if row.difficulty is None else f"{row.difficulty:g}",
        NOTHING if row.volume is None else f"{row.volume:.3f}",
        score_text(row.final),
    ]
    if kind is PeriodKind.MONTH:
        cells.append(money(row.reward_cny))
    return cells


def money(amount: int | None) -> str:
    """``+12,000`` / ``-3,500`` / ``0`` (None → "—")."""
    if amount is None:
        return NOTHING
    return f"{amount:+,}" if amount else "0"


def assessment_cells(assessment: Assessment) -> list[list[str]]:
    return [headers(assessment), *(row_cells(row, assessment.kind) for row in assessment.rows)]


def deduction_lines(assessment: Assessment) -> list[str]:
    """One line per extra deduction (督查, 督办 …), as the bulletin's notes."""
    return [
        f"{row.office}：{item.source} −{item.points:g} {item.reason}"
        for row in assessment.rows
        for item in row.extra
    ]


def supervision_lines(assessment: Assessment) -> list[str]:
    """督办: per 责任单位, the 协商 cases of the period and how many were closed by its end."""
    return [
        f"督办 {department}：协商议题 {counts.get('flagged', 0)} 件，办结 {counts.get('resolved', 0)} 件"
        for department, counts in assessment.supervision.items()
    ]
