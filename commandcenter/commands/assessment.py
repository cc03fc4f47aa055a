"""``commandcenter assessment weekly|monthly|annual --period … [--format table|csv]``:
the 差异化考核 of the offices — 周通报 (``2026-W47``), 月奖惩 with each office's reward or penalty
(``2026-11``), 年考评 (``2026``) — through ``AssessmentService`` as the command-line administrator
(every office, every figure); a published period prints its frozen figures (publishing is a
supervisor's or leader's act, in the desk's 考核排名 window). A bad kind, period or format is one
``错误 error:`` line and exit 2, checked before the database is opened."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from commandcenter.accounts.errors import AccessError
from commandcenter.commands.database import read_as_command_line
from commandcenter.commands.indicators import FORMATS, write_aligned
from commandcenter.config import Settings
from commandcenter.evaluation.assessment_text import (
    assessment_cells,
    deduction_lines,
    money,
    supervision_lines,
)
from commandcenter.evaluation.periods import PeriodKind, parse_period
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.assessment_service import AssessmentService

KINDS = {"weekly": PeriodKind.WEEK, "monthly": PeriodKind.MONTH, "annual": PeriodKind.YEAR}
TITLES = {PeriodKind.WEEK: "周通报", PeriodKind.MONTH: "月奖惩", PeriodKind.YEAR: "年考评"}


def add_assessment(commands: Any) -> None:
    parser = commands.add_parser("assessment", help="print the offices' assessment (差异化考核) of a period")
    parser.add_argument("kind", help="weekly (周通报) | monthly (月奖惩) | annual (年考评)")
    parser.add_argument("--period", required=True, help="2026-W47 (weekly), 2026-11 (monthly), 2026 (annual)")
    parser.add_argument("--format", default="table", help="table (aligned, default) or csv")
    parser.add_argument("--url", help="database URL (default: the configured one)")


def run_assessment(args: argparse.Namespace, settings: Settings) -> int:
    try:
        kind = KINDS.get(args.kind)
        if kind is None:
            raise ValueError(
                f"未知的考核类型「{args.kind}」 / unknown kind {args.kind!r}: weekly | monthly | annual"
            )
        period = parse_period(args.period)
        if period.kind is not kind:
            raise ValueError(
                f"考核周期「{args.period}」不是{TITLES[kind]}的周期 / {args.period} is not {args.kind}"
            )
        if args.format not in FORMATS:
            raise ValueError(f"未知的输出格式「{args.format}」 / unknown format {args.format!r}: table | csv")
    except ValueError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    try:
        result = read_as_command_line(
            "assessment",
            args.url,
            settings,
            lambda store, me: AssessmentService(store, me).ranking(period, kind),
        )
    except AccessError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    cells = assessment_cells(result)
    if args.format == "csv":
        csv.writer(sys.stdout, lineterminator="\n").writerows(cells)
        return EXIT_OK
    state = f"已发布（{result.published_by} {result.published_at}）" if result.published_by else "未发布"
    print(f"{TITLES[kind]} {result.period}  {state}")
    if kind is PeriodKind.MONTH:
        total = sum(row.reward_cny or 0 for row in result.rows)
        print(f"月度基数 {result.monthly_base_cny:,} 元/办事处，奖惩合计 {money(total)} 元")
    write_aligned(cells, sys.stdout)
    for line in [*deduction_lines(result), *supervision_lines(result)]:
        print(line)
    return EXIT_OK
