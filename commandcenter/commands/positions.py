"""``commandcenter positions maintain [--dry-run] [--url URL]``: the upkeep of the position time series
for a district without a gateway (which runs it hourly): PostgreSQL's partitions for the coming
``[positions] days_ahead`` days, and the days past ``retention_days`` thinned into the rollups track
playback reads, then dropped. One line per step on stdout; ``--dry-run`` says what it would do and
changes nothing. Each expired day is audited as ``cli:<OS user>``."""

from __future__ import annotations

import argparse
from typing import Any

from commandcenter.accounts.principal import command_line_principal
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.domain.position_upkeep import UpkeepAction, UpkeepDone, UpkeepSource, UpkeepStep
from commandcenter.exit_codes import EXIT_OK
from commandcenter.persistence.units.partitions import partition_name
from commandcenter.tracks.position_upkeep import PositionUpkeep


def add_positions(commands: Any) -> None:
    parser = commands.add_parser("positions", help="the position time series: partitions and retention")
    actions = parser.add_subparsers(dest="positions_command", metavar="ACTION", required=True)
    maintain = actions.add_parser(
        "maintain", help="make the coming days' partitions; thin and drop the days past retention"
    )
    maintain.add_argument("--dry-run", action="store_true", help="print what it would do, change nothing")
    maintain.add_argument("--url", help="database URL (default: the configured one)")


def run_positions(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(command_database_url("positions", args.url, settings))
    try:
        upkeep = PositionUpkeep(store, settings.positions, command_line_principal().username)
        if args.dry_run:
            steps = upkeep.plan()
            for step in steps:
                print(f"将 would {planned(step)}")
            if not steps:
                print("无需操作 nothing to do")
            return EXIT_OK
        done = upkeep.run()
        for result in done:
            print("\n".join(finished(result)))
        if not done:
            print("无需操作 nothing to do")
        return EXIT_OK
    finally:
        store.close()


def planned(step: UpkeepStep) -> str:
    if step.action is UpkeepAction.CREATE:
        return f"创建 create {partition_name(step.day)}"
    return f"汇总并删除 roll up and drop {step.day} ({_where(step)})"


def finished(result: UpkeepDone) -> list[str]:
    """A made partition is one line; an expired day two: what the rollup kept, what was dropped."""
    step = result.step
    if step.action is UpkeepAction.CREATE:
        moved = f"从默认分区移入 moved from default: {result.rows}"
        return [f"已创建 created {partition_name(step.day)} ({moved})"]
    return [
        f"已汇总 rolled up {step.day}: 保留 kept {result.kept} / {result.rows}",
        f"已删除 dropped {_where(step)}: {result.rows}",
    ]


def _where(step: UpkeepStep) -> str:
    if step.source is UpkeepSource.PARTITION:
        return partition_name(step.day)
    where = "positions_default" if step.source is UpkeepSource.DEFAULT else "positions"
    return f"{where} {step.day}"
