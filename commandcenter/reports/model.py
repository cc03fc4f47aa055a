"""What a report holds, independent of its file format: a title, the period, key figures, tables
whose cells are the indicator functions' own values (numbers stay numbers; a column says how to
show them) and charts as series of values. The PDF and the workbook both render this one model, so
their figures cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ReportKind(StrEnum):
    WEEKLY = "weekly"  # 周通报
    MONTHLY = "monthly"  # 月度考核
    ANNUAL = "annual"  # 年度考评
    DAILY = "daily"  # 每日汇总


class Format(StrEnum):
    PDF = "pdf"
    XLSX = "xlsx"


class Shown(StrEnum):
    """How a column's values are written: text, a count, a rate (0–1 as ``93.72%``), a score
    (two decimals), a coefficient, money (``+12,000``)."""

    TEXT = "text"
    COUNT = "count"
    RATE = "rate"
    SCORE = "score"
    FACTOR = "factor"
    MONEY = "money"


Cell = str | int | float | None  # None: nothing to judge ("—")


@dataclass(frozen=True)
class Column:
    title: str
    shown: Shown = Shown.TEXT


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None  # a last, emphasised row


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    labels: tuple[str, ...]  # one per category (office, day …)
    series: tuple[Series, ...]
    kind: str = "bar"  # "bar" | "line"
    unit: str = ""


@dataclass(frozen=True)
class Figure:
    """A key figure at the top: 受理 1,234, 按期结案率 93.72% …"""

    label: str
    value: Cell
    shown: Shown = Shown.COUNT


@dataclass(frozen=True)
class Report:
    kind: ReportKind
    title: str  # 城市管理月度考核通报
    period: str  # 2026-11
    span: str  # 2026-11-01 至 2026-11-30
    state: str  # 已发布（leader1 2026-12-01 09:00）/ 未发布
    generated: str  # when and by whom
    figures: tuple[Figure, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = field(default=())


NOTHING = "—"


def cell_text(value: Cell, shown: Shown) -> str:
    """The cell as the PDF prints it (the workbook keeps the number and sets a number format)."""
    if value is None:
        return NOTHING
    if isinstance(value, str):
        return value
    if shown is Shown.RATE:
        return f"{value * 100:.2f}%"
    if shown is Shown.SCORE:
        return f"{value:.2f}"
    if shown is Shown.FACTOR:
        return f"{value:.3f}".rstrip("0").rstrip(".")
    if shown is Shown.MONEY:
        return f"{int(value):+,}" if value else "0"
    if shown is Shown.COUNT:
        return f"{int(value):,}"
    return str(value)
