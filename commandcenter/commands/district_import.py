"""``commandcenter district import``: a delivery of district files into the configured database.

All or nothing: every file is read and every row checked first; with any bad row nothing is stored
and each one is listed as ``file line N: reason`` (exit 2), so the person fixing the files gets the
whole list at once. ``--dry-run`` stops after the check. A good delivery is stored in one transaction
and the summary says what was inserted and what updated (re-importing updates by code or name).
It runs through ``DistrictDataService`` as the command-line administrator, so it is audited.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from commandcenter.accounts.principal import command_line_principal
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.district_data.importer import DistrictFiles
from commandcenter.district_data.read_features import DistrictFileError
from commandcenter.domain.district_import import DistrictImportPlan
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.geo.datum import Datum
from commandcenter.services.district_data_service import DistrictDataService

_TABLES = (
    ("offices", "镇办"),
    ("roads", "道路"),
    ("segments", "路段"),
    ("staff", "人员"),
    ("vehicles", "车辆"),
    ("units", "定位单元"),
    ("cameras", "摄像机"),
    ("categories", "案件类别"),
)


def _files(args: argparse.Namespace) -> DistrictFiles:
    def path(value: str | None) -> Path | None:
        return Path(value) if value else None

    return DistrictFiles(
        path(args.offices),
        path(args.roads),
        path(args.segments),
        path(args.staff),
        path(args.vehicles),
        path(args.cameras),
        Datum(args.datum),
    )


def _print_plan(plan: DistrictImportPlan) -> None:
    for problem in plan.problems:
        print(f"错误 error: {problem}", file=sys.stderr)
    for note in plan.notes:
        print(f"注意 note: {note}", file=sys.stderr)
    read = ", ".join(f"{name} ({source})" for name, source in plan.sources.items())
    print(
        f"读取 read {read}: {plan.rows} 条记录 records, {len(plan.problems)} 个错误 errors", file=sys.stderr
    )


def run_district_import(args: argparse.Namespace, settings: Settings) -> int:
    url = command_database_url("district", args.url, settings)
    files = _files(args)
    if not files.given():
        print(
            "错误 error: 没有指定文件 no files given (--offices, --roads, --segments, --staff, --vehicles)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    store = open_store(url)
    data = DistrictDataService(store, command_line_principal())  # audited as cli:<OS user>
    try:
        try:
            plan = data.read(files)
        except DistrictFileError as error:
            print(f"错误 error: {error}; 未导入任何数据 nothing imported", file=sys.stderr)
            return EXIT_USAGE
        _print_plan(plan)
        if plan.problems:
            print(
                f"未导入任何数据 nothing imported: 请修正以上 {len(plan.problems)} 行 fix the rows above",
                file=sys.stderr,
            )
            return EXIT_USAGE
        if args.dry_run:
            print("检查通过, 未写入 dry run: every row is good, nothing was stored")
            return EXIT_OK
        report = data.store_plan(plan)
    finally:
        store.close()
    parts = []
    for table, word in _TABLES:
        counts = report.tables.get(table)
        if counts is not None:
            parts.append(f"{word} {table} +{counts.inserted} ~{counts.updated}")
    print(f"{store.url}: 已导入 imported ({'; '.join(parts)}; + new, ~ updated)")
    return EXIT_OK
