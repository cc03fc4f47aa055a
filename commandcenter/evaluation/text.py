"""The indicator table as text cells: Chinese headers as the published monthly tables word them,
percentages with two decimals (``93.72%``), "—" for a rate or score with nothing to judge. The
command line prints these (``commandcenter indicators``); domain words stay Chinese in every
language."""

from __future__ import annotations

from commandcenter.evaluation.table import GROUPING_NAMES, IndicatorRow, IndicatorTable

NOTHING = "—"
COLUMNS = (
    "受理数",
    "立案数",
    "立案率",
    "派遣数",
    "应结案数",
    "结案数",
    "结案率",
    "按期结案数",
    "按期结案率",
    "返工率",
    "延期率",
    "超期未处置数",
    "综合指标值",
)


def percent(rate: float | None) -> str:
    """``0.937242…`` → ``93.72%`` (None → "—")."""
    return NOTHING if rate is None else f"{rate * 100:.2f}%"


def score_text(score: float | None) -> str:
    return NOTHING if score is None else f"{score:.2f}"


def headers(table: IndicatorTable) -> list[str]:
    return [GROUPING_NAMES[table.grouping], *COLUMNS]


def row_cells(row: IndicatorRow) -> list[str]:
    counts = row.indicators
    return [
        row.name,
        str(counts.received),
        str(counts.filed),
        percent(counts.filing_rate),
        str(counts.dispatched),
        str(counts.due),
        str(counts.closed),
        percent(counts.closure_rate),
        str(counts.on_time),
        percent(counts.on_time_rate),
        percent(counts.rework_rate),
        percent(counts.extension_rate),
        str(counts.overdue_open),
        score_text(row.score),
    ]


def table_cells(table: IndicatorTable) -> list[list[str]]:
    """Header, one line per group, the total last."""
    return [headers(table), *(row_cells(row) for row in table.rows), row_cells(table.total)]
