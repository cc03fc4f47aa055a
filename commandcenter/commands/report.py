"""``commandcenter report weekly|monthly|annual|daily --period … --format pdf|xlsx --out FILE``: the
周通报, 月度考核, 年度考评 or 每日汇总 (``--period 2026-11-30``) as a PDF (charts, Chinese font
embedded) or an Excel workbook, through ``ReportService`` as the command-line administrator (every
office, every figure, the same numbers as ``commandcenter assessment`` and ``indicators``). A bad
kind, period, format or folder is one ``错误 error:`` line and exit 2, checked before the database is
opened; the file is written beside its final name and moved there, so a failure leaves no half file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from commandcenter.accounts.errors import AccessError
from commandcenter.commands.database import read_as_command_line
from commandcenter.config import Settings
from commandcenter.evaluation.periods import parse_period
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.reports.fonts import ReportFontMissing
from commandcenter.reports.model import ReportKind
from commandcenter.reports.output import format_named, write_report
from commandcenter.services.report_service import PERIOD_KINDS, ReportService, parse_day

KIND_NAMES = " | ".join(kind.value for kind in ReportKind)


def add_report(commands: Any) -> None:
    parser = commands.add_parser(
        "report", help="write a report (周通报, 月度考核, 年度考评, 每日汇总) as PDF or Excel"
    )
    parser.add_argument("kind", help=KIND_NAMES)
    parser.add_argument(
        "--period",
        required=True,
        help="2026-W47 (weekly), 2026-11 (monthly), 2026 (annual), 2026-11-30 (daily)",
    )
    parser.add_argument("--format", default="pdf", help="pdf (default) or xlsx")
    parser.add_argument("--out", required=True, help="the file to write")
    parser.add_argument("--url", help="database URL (default: the configured one)")


def run_report(args: argparse.Namespace, settings: Settings) -> int:
    try:
        try:
            kind = ReportKind(args.kind)
        except ValueError:
            raise ValueError(
                f"未知的报表类型「{args.kind}」 / unknown kind {args.kind!r}: {KIND_NAMES}"
            ) from None
        if kind is ReportKind.DAILY:
            parse_day(args.period)
        elif parse_period(args.period).kind is not PERIOD_KINDS[kind]:
            raise ValueError(
                f"报表周期「{args.period}」不是{kind.value}的周期 / {args.period} is not {kind.value}"
            )
        fmt = format_named(args.format)
        out = Path(args.out).expanduser()
        if not out.parent.is_dir():
            raise ValueError(f"目录不存在：{out.parent} / no such folder: {out.parent}")
        report = read_as_command_line(
            "report", args.url, settings, lambda store, me: ReportService(store, me).report(kind, args.period)
        )
        partial = out.with_name(f".{out.name}.partial")
        write_report(report, fmt, partial)
        os.replace(partial, out)
    except (ValueError, AccessError, ReportFontMissing, OSError) as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"{report.title}（{report.period}）→ {out}")
    return EXIT_OK
