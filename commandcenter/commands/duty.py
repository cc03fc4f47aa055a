"""``commandcenter duty [--office 建中街街道] [--at 2026-12-02T09:30] [--week 2026-11-30]``: 在岗情况 —
today's shifts of the office (or the whole district) with who is on duty, check-in, attendance and
patrol coverage from the tracks — or, with ``--week``, that week's roster (segment × shift × day), read
through ``DutyService`` as the command-line administrator and printed as an aligned table with
Chinese headers. A bad date, time or office is one ``错误 error:`` line and exit 2."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from typing import Any

from commandcenter.accounts.errors import AccessError
from commandcenter.accounts.principal import command_line_principal
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.commands.indicators import write_aligned
from commandcenter.config import Settings
from commandcenter.district_time import district_clock
from commandcenter.duty.assignments import DutySource
from commandcenter.duty.attendance import AttendanceStatus
from commandcenter.duty.views import DutyWeek, PresenceRow
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.duty_service import DutyService

STATUS_WORDS = {
    AttendanceStatus.PRESENT: "在岗",
    AttendanceStatus.LATE: "迟到",
    AttendanceStatus.ABSENT: "缺勤",
    AttendanceStatus.ON_LEAVE: "请假",
    AttendanceStatus.PENDING: "未到岗时",
}
WEEKDAYS = "一二三四五六日"


def add_duty(commands: Any) -> None:
    parser = commands.add_parser("duty", help="who is on duty (在岗情况) today, or a week's roster (值班表)")
    parser.add_argument("--office", default="", help="an office's name (default: every office)")
    parser.add_argument(
        "--at", default="", help="the moment, district time, e.g. 2026-12-02T09:30 (default now)"
    )
    parser.add_argument(
        "--week", default="", help="print the roster of the week holding this day (2026-11-30)"
    )
    parser.add_argument("--url", help="database URL (default: the configured one)")


def run_duty(args: argparse.Namespace, settings: Settings) -> int:
    try:
        moment = _moment(args.at)
        week = date.fromisoformat(args.week) if args.week else None
    except ValueError as error:
        print(f"错误 error: 日期或时间无效 / bad date or time: {error}", file=sys.stderr)
        return EXIT_USAGE
    store = open_store(command_database_url("duty", args.url, settings))
    try:
        service = DutyService(store, command_line_principal())
        offices = {office.name: office.id for office in service.choices().offices}
        if args.office and args.office not in offices:
            print(f"错误 error: 没有镇办「{args.office}」 / no office named {args.office!r}", file=sys.stderr)
            return EXIT_USAGE
        office = offices.get(args.office) if args.office else None
        if week is not None:
            write_aligned(week_cells(service.week(week, office)), sys.stdout)
        else:
            write_aligned(presence_cells(service.presence(office, moment)), sys.stdout)
    except AccessError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        store.close()
    return EXIT_OK


def _moment(text: str) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=district_clock().zone)


def presence_cells(rows: list[PresenceRow]) -> list[list[str]]:
    cells = [["路段", "班次", "姓名", "当前在岗", "签到", "出勤", "在路段分钟", "巡查米数", "脱岗次数"]]
    for row in rows:
        seen = row.coverage.first_seen
        cells.append(
            [
                row.segment,
                f"{row.shift.name} {district_clock().local(row.start):%m-%d %H:%M}",
                row.name,
                "是" if row.on_duty_now else "",
                f"{district_clock().local(seen):%H:%M}" if seen else "—",
                STATUS_WORDS[row.status],
                f"{row.coverage.seconds_on_segment / 60:.0f}",
                f"{row.coverage.metres_walked:.0f}",
                str(len(row.coverage.gaps)),
            ]
        )
    return cells


def week_cells(week: DutyWeek) -> list[list[str]]:
    header = ["路段", "班次"] + [f"周{WEEKDAYS[i]}" for i in range(7)]
    cells = [header]
    for row in week.rows:
        days = []
        for people, leave in zip(row.days, row.on_leave, strict=True):
            names = [f"{c.name}（替{c.replaces}）" if c.source is DutySource.SWAP else c.name for c in people]
            days.append("、".join(names) + (f" 请假:{'、'.join(leave)}" if leave else ""))
        cells.append([row.segment, row.shift.name, *days])
    return cells
