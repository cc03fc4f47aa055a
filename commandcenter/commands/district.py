"""``commandcenter district …``: load a real district from files and check that it holds together.

``district import`` reads offices, roads, segments (GeoJSON), staff and vehicles (CSV or Excel) and
stores them in one transaction, or — with any bad row — stores nothing and names every bad row with
its file and line (``commands.district_import``). ``district check`` reports what does not hold
together, errors apart from warnings, and exits non-zero only on errors (``commands.district_check``).
The columns of each file are documented in ``docs/DISTRICT.md``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from commandcenter.config import Settings
from commandcenter.geo.datum import Datum


def add_district(commands: Any) -> None:
    district = commands.add_parser(
        "district", help="import a real district from files, check its consistency"
    )
    actions = district.add_subparsers(dest="district_command", metavar="ACTION", required=True)
    load = actions.add_parser(
        "import", help="offices, roads, segments (GeoJSON), staff, vehicles (CSV/Excel) in one transaction"
    )
    load.add_argument("--offices", help="offices.geojson: polygons, property name (code, kind)")
    load.add_argument("--roads", help="roads.geojson: lines, property name (grade)")
    load.add_argument("--segments", help="segments.geojson: lines, properties code, road, office (name)")
    load.add_argument("--staff", help="staff.csv / .xlsx: name, phone, role, office, segment (code, shift)")
    load.add_argument("--vehicles", help="vehicles.csv / .xlsx: plate, kind, company, terminal_id (office)")
    load.add_argument(
        "--cameras", help="cameras.csv / .json: code, name (kind, office, segment, lon, lat, URLs)"
    )
    load.add_argument(
        "--datum",
        default="wgs84",
        choices=[d.value for d in Datum],
        help="datum of the GeoJSON files and camera positions",
    )
    load.add_argument("--dry-run", action="store_true", help="read and check everything, store nothing")
    load.add_argument("--url", help="database URL (default: the configured one)")
    export = actions.add_parser("export", help="write the district as the files `district import` reads")
    export.add_argument("folder", help="folder for offices/roads/segments.geojson, staff.csv, vehicles.csv")
    export.add_argument(
        "--datum", default="wgs84", choices=[d.value for d in Datum], help="datum of the GeoJSON"
    )
    export.add_argument("--url", help="database URL (default: the configured one)")
    check = actions.add_parser(
        "check", help="report segments without a 路长, overlaps, records outside the district …"
    )
    check.add_argument("--url", help="database URL (default: the configured one)")


def run_district(args: argparse.Namespace, settings: Settings) -> int:
    if args.district_command == "import":
        from commandcenter.commands.district_import import run_district_import

        return run_district_import(args, settings)
    if args.district_command == "export":
        return _export(args, settings)
    from commandcenter.commands.district_check import run_district_check

    return run_district_check(args, settings)


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from pathlib import Path

    from commandcenter.accounts.principal import command_line_principal
    from commandcenter.commands.database import command_database_url, open_store
    from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
    from commandcenter.services.district_data_service import DistrictDataService

    store = open_store(command_database_url("district", args.url, settings))
    try:
        written = DistrictDataService(store, command_line_principal()).export(
            Path(args.folder), Datum(args.datum)
        )
    except OSError as error:  # an unwritable or full folder: one line, not a traceback
        print(f"错误 error: 无法写入 cannot write {args.folder}: {error.strerror or error}", file=sys.stderr)
        return EXIT_USAGE
    finally:
        store.close()
    print(f"{Path(args.folder)} ({args.datum}): {', '.join(path.name for path in written.values())}")
    return EXIT_OK
