"""``commandcenter indicators --period 2026-11 [--by office|segment|department|category|post]
[--format table|csv] [--weights on_time=60,closure=30,rework=10,per_overdue_open=0.5]``: the
evaluation's indicator table for a month, ISO week or year, printed with Chinese headers (an aligned
table, or CSV for a spreadsheet), through ``IndicatorService`` as the command-line administrator. A
bad period, grouping, format or weight is one ``错误 error:`` line and exit 2, checked before the
database is opened."""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from typing import Any, TextIO

from commandcenter.accounts.errors import AccessError
from commandcenter.commands.database import read_as_command_line
from commandcenter.config import Settings
from commandcenter.district_time import district_clock
from commandcenter.evaluation.periods import parse_period
from commandcenter.evaluation.score import weights_from_text
from commandcenter.evaluation.table import Grouping, grouping_named
from commandcenter.evaluation.text import table_cells
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.indicator_service import IndicatorService

FORMATS = ("table", "csv")


def add_indicators(commands: Any) -> None:
    parser = commands.add_parser(
        "indicators", help="print the evaluation's indicators (考核指标) of a period"
    )
    parser.add_argument("--period", required=True, help="2026-11 (month), 2026-W47 (ISO week) or 2026 (year)")
    groupings = "|".join(g.value for g in Grouping)
    parser.add_argument("--by", default=Grouping.OFFICE.value, help=f"rows per {groupings} (default office)")
    parser.add_argument("--format", default="table", help="table (aligned, default) or csv")
    parser.add_argument(
        "--weights",
        default="",
        help="综合指标值 weights, e.g. on_time=70,closure=20,rework=10,per_overdue_open=1 (three add to 100)",
    )
    parser.add_argument("--url", help="database URL (default: the configured one)")


def run_indicators(args: argparse.Namespace, settings: Settings) -> int:
    try:
        period = parse_period(args.period)
        grouping = grouping_named(args.by)
        weights = weights_from_text(args.weights)
        if args.format not in FORMATS:
            raise ValueError(f"未知的输出格式「{args.format}」 / unknown format {args.format!r}: table | csv")
    except ValueError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        table = read_as_command_line(
            "indicators",
            args.url,
            settings,
            lambda store, me: IndicatorService(store, me).table(period, grouping, weights),
        )
    except AccessError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    cells = table_cells(table)
    if args.format == "csv":
        csv.writer(sys.stdout, lineterminator="\n").writerows(cells)
    else:
        first, following = district_clock().local(period.start), district_clock().local(period.end)
        print(f"考核周期 {period.label}（{first:%Y-%m-%d} 至 {following:%Y-%m-%d}，不含）")
        write_aligned(cells, sys.stdout)
    return EXIT_OK


def write_aligned(cells: list[list[str]], out: TextIO) -> None:
    """Columns padded by display width (a Chinese character takes two), names left, figures right."""
    widths = [max(_width(row[column]) for row in cells) for column in range(len(cells[0]))]
    for row in cells:
        parts = [
            _pad(text, width, left=column == 0)
            for column, (text, width) in enumerate(zip(row, widths, strict=True))
        ]
        out.write("  ".join(parts).rstrip() + "\n")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    gap = " " * (width - _width(text))
    return text + gap if left else gap + text
