"""``commandcenter inspections list [--period P] | draw --period P [--kind 明察|暗访] [--size N]
[--window month|quarter|year] [--offices 1,2] [--seed N] [--dry-run] | verify ROUND
| add --staff ID | add --all-inspectors | add --department ID --name NAME [--office ID]``: the 督查
pool and rounds for IT scripts and the 督查 office, through ``InspectionService`` as the command-line
administrator (audited as ``cli:<OS user>``). ``draw`` prints the groups with their seed;
``--dry-run`` stores nothing; ``verify`` draws a stored round again from its seed, pool and the
window's earlier pairings and says whether the groups agree (exit 2 if not). A pool that cannot
satisfy the draw's rules, a bad period or argument: one ``错误 error:`` line and exit 2."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from commandcenter.accounts.errors import AccessError
from commandcenter.accounts.principal import command_line_principal
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.domain.inspections import InspectionKind, PairingWindow
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.inspection_service import (
    DEFAULT_GROUP_SIZE,
    InspectionOverview,
    InspectionService,
)

URL_HELP = "database URL (default: the configured one)"


def add_inspections(commands: Any) -> None:
    parser = commands.add_parser("inspections", help="the 督查 inspector pool and random group draws")
    actions = parser.add_subparsers(dest="inspections_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="print the pool and the newest rounds with their groups")
    listing.add_argument("--period", default="", help="only this period's rounds (2026-12, 2026-W49)")
    listing.add_argument("--url", help=URL_HELP)
    draw = actions.add_parser("draw", help="draw a round of groups for a period (one per office)")
    draw.add_argument("--period", required=True, help="2026-12 (month) or 2026-W49 (ISO week)")
    draw.add_argument("--kind", default=InspectionKind.OPEN.value, help="明察 (default) or 暗访")
    draw.add_argument("--size", type=int, default=DEFAULT_GROUP_SIZE, help="inspectors per group (default 2)")
    windows = "|".join(w.value for w in PairingWindow)
    draw.add_argument(
        "--window", default=PairingWindow.QUARTER.value, help=f"no repeated pairing within: {windows}"
    )
    draw.add_argument(
        "--offices", default="", help="only these office ids, e.g. 1,2,5 (default: every office)"
    )
    draw.add_argument("--seed", type=int, default=None, help="draw from this seed (replay a round)")
    draw.add_argument("--dry-run", action="store_true", help="print the groups, store nothing")
    draw.add_argument("--url", help=URL_HELP)
    verify = actions.add_parser("verify", help="draw a stored round again from its seed and compare")
    verify.add_argument("round", type=int, metavar="ROUND")
    verify.add_argument("--url", help=URL_HELP)
    add = actions.add_parser("add", help="add a staff member or a department's member to the pool")
    add.add_argument("--staff", type=int, help="the staff member's id (their office is their own)")
    add.add_argument(
        "--all-inspectors", action="store_true", help="every 督查员 on the staff not yet in the pool"
    )
    add.add_argument("--department", type=int, help="the department's id (with --name)")
    add.add_argument("--name", default="", help="the department member's name")
    add.add_argument("--office", type=int, default=None, help="the department member's own office, if any")
    add.add_argument("--url", help=URL_HELP)


def run_inspections(args: argparse.Namespace, settings: Settings) -> int:
    url = command_database_url("inspections", args.url, settings)
    try:
        store = open_store(url)
        try:
            service = InspectionService(store, command_line_principal())
            if args.inspections_command == "draw":
                _draw(service, args)
            elif args.inspections_command == "add":
                _add(service, args)
            elif args.inspections_command == "verify":
                same = service.verify(args.round)
                print("一致 consistent" if same else "不一致 NOT consistent")
                return EXIT_OK if same else EXIT_USAGE
            else:
                _list(service.overview(args.period or None))
        finally:
            store.close()
    except (AccessError, ValueError) as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _draw(service: InspectionService, args: argparse.Namespace) -> None:
    targets = _office_ids(args.offices)
    preview = service.preview(
        args.period, args.kind, group_size=args.size, window=args.window, targets=targets, seed=args.seed
    )
    overview = service.overview()
    names = {inspector.id: inspector.name for inspector in overview.pool}
    heading = f"{preview.period} {preview.kind.value}  窗口 {preview.window}  种子 seed {preview.seed}"
    print(heading + f"  {preview.starts_on} 至 {preview.ends_on}")
    for office, members in preview.groups:
        print(f"  {overview.offices.get(office, office)}\t{'、'.join(names[m] for m in members)}")
    if args.dry_run:
        print("试抽，未保存 dry run: nothing stored")
        return
    round_id = service.confirm(preview)
    print(f"已保存第 {round_id} 轮 stored round {round_id}")


def _office_ids(text: str) -> list[int] | None:
    if not text.strip():
        return None
    try:
        return [int(part) for part in text.split(",") if part.strip()]
    except ValueError as error:
        raise ValueError(
            f"镇办编号应为数字，如 1,2,5 / office ids are numbers, e.g. 1,2,5: {text!r}"
        ) from error


def _add(service: InspectionService, args: argparse.Namespace) -> None:
    if args.all_inspectors:
        print(f"已加入督查员库 added {service.add_all_staff()} inspectors")
        return
    if args.staff is not None:
        new_id = service.add_staff(args.staff)
    elif args.department is not None:
        new_id = service.add_department_member(args.name, args.department, args.office)
    else:
        raise ValueError("请给出 --staff 或 --department / give --staff or --department")
    print(f"已加入督查员库 added inspector {new_id}")


def _list(overview: InspectionOverview) -> None:
    offices = overview.offices
    names = {inspector.id: inspector.name for inspector in overview.pool}
    print(f"督查员库 inspector pool: {sum(i.active for i in overview.pool)} 在岗 / {len(overview.pool)}")
    for inspector in overview.pool:
        home = offices.get(inspector.office_id, "—") if inspector.office_id is not None else "—"
        state = "" if inspector.active else "  (停用 inactive)"
        print(f"  {inspector.id}\t{inspector.name}\t{home}{state}")
    for drawn in overview.rounds:
        heading = f"第 {drawn.id} 轮 {drawn.period} {drawn.kind.value}  窗口 {drawn.window}"
        print(f"{heading}  种子 {drawn.seed}  {drawn.drawn_by}")
        for group in drawn.groups:
            members = "、".join(names.get(m, str(m)) for m in group.member_ids)
            print(
                f"  组 {group.id}\t{offices.get(group.target_office_id, group.target_office_id)}\t{members}"
            )
