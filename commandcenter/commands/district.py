"""``commandcenter district …``: load a real district from files and check that it holds together.

``district import`` reads offices, roads, segments (GeoJSON), staff and vehicles (CSV or Excel) and
stores them in one transaction, or — with any bad row — stores nothing and names every bad row with
its file and line (``commands.district_import``). ``district check`` reports what does not hold
together, errors apart from warnings, and exits non-zero only on errors (``commands.district_check``).
The columns of each file are documented in ``docs/DISTRICT.md``.
"""

from __future__ import annotations

import argparse
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
        "--datum", default="wgs84", choices=[d.value for d in Datum], help="datum of the GeoJSON files"
    )
    load.add_argument("--dry-run", action="store_true", help="read and check everything, store nothing")
    load.add_argument("--url", help="database URL (default: the configured one)")
    check = actions.add_parser(
        "check", help="report segments without a 路长, overlaps, records outside the district …"
    )
    check.add_argument("--url", help="database URL (default: the configured one)")


def run_district(args: argparse.Namespace, settings: Settings) -> int:
    if args.district_command == "import":
        from commandcenter.commands.district_import import run_district_import

        return run_district_import(args, settings)
    from commandcenter.commands.district_check import run_district_check

    return run_district_check(args, settings)
