"""``commandcenter credit list [--format table|csv|xlsx] [--out FILE]``: the joint-punishment list
(失信联合惩戒名单) as an aligned table, or exported as CSV (UTF-8 with BOM, as Excel on Chinese
Windows wants it) or an Excel workbook; ``commandcenter credit sweep``: apply expiry now (a timer
may run it nightly; the desk's 失信名单 window does on opening). Both run through ``CreditService`` as
the command-line administrator, audited. A bad format, or xlsx without ``--out``, is one
``错误 error:`` line and exit 2, checked before the database is opened."""

from __future__ import annotations

import argparse
import csv
import sys
from typing import Any

from commandcenter.accounts.errors import AccessError
from commandcenter.accounts.principal import command_line_principal
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.commands.indicators import write_aligned
from commandcenter.config import Settings
from commandcenter.credit.list_table import HEADERS, list_rows
from commandcenter.domain.credit import CreditRefused
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.credit_service import CreditService

FORMATS = ("table", "csv", "xlsx")


def add_credit(commands: Any) -> None:
    parser = commands.add_parser("credit", help="the credit record's joint-punishment list (失信名单)")
    actions = parser.add_subparsers(dest="credit_command", required=True)
    listing = actions.add_parser("list", help="print or export who is on the list now")
    listing.add_argument("--format", default="table", help="table (default), csv or xlsx")
    listing.add_argument("--out", help="write to this file (required for xlsx; csv without it: stdout)")
    listing.add_argument("--url", help="database URL (default: the configured one)")
    sweep = actions.add_parser("sweep", help="apply expiry now: listings past their term come off")
    sweep.add_argument("--url", help="database URL (default: the configured one)")


def run_credit(args: argparse.Namespace, settings: Settings) -> int:
    if args.credit_command == "list":
        problem = _list_problem(args)
        if problem:
            print(f"错误 error: {problem}", file=sys.stderr)
            return EXIT_USAGE
    url = command_database_url("credit", args.url, settings)
    try:
        store = open_store(url)
        try:
            service = CreditService(store, command_line_principal())
            if args.credit_command == "sweep":
                changes = len(service.sweep().changes)
                print(f"到期处理：{changes} 项名单变化 / expiry applied: {changes} changes")
            elif args.out:
                count = service.export(args.out, "xlsx" if args.format == "xlsx" else "csv")
                print(f"已导出 {count} 条 / exported {count} rows: {args.out}")
            else:
                _print(service, args.format)
        finally:
            store.close()
    except (AccessError, CreditRefused) as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _list_problem(args: argparse.Namespace) -> str:
    if args.format not in FORMATS:
        return f"未知的输出格式「{args.format}」 / unknown format {args.format!r}: table | csv | xlsx"
    if args.format == "xlsx" and not args.out:
        return "Excel 需要 --out 文件 / xlsx needs --out FILE"
    return ""


def _print(service: CreditService, fmt: str) -> None:
    cells = [list(HEADERS), *list_rows(service.listed())]
    if fmt == "csv":
        csv.writer(sys.stdout, lineterminator="\n").writerows(cells)
    elif len(cells) == 1:
        print("名单为空 / nobody is on the list")
    else:
        write_aligned(cells, sys.stdout)
