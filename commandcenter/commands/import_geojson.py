"""``commandcenter import-geojson``: a customer's GeoJSON layer into the configured database.

Like ``import-cameras``: every good feature is stored and every bad one is named on stderr (exit 1
then), or, when the file cannot be read as a whole (not JSON, not UTF-8, nothing importable), nothing
is stored (exit 2). ``--replace`` drops an earlier import of the same layer name first; it asks no
question, because the option itself names the one layer it replaces and nothing else is touched.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.domain.gis import Layer
from commandcenter.exit_codes import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, import_outcome
from commandcenter.geo.datum import Datum
from commandcenter.gis_import.geojson import GeoJSONError, read_geojson


def add_import_geojson(commands: Any) -> None:
    command = commands.add_parser(
        "import-geojson", help="import a GeoJSON layer (boundaries, roads, segments) converted to WGS-84"
    )
    command.add_argument("file", help="GeoJSON FeatureCollection (UTF-8)")
    command.add_argument("--datum", required=True, choices=[d.value for d in Datum], help="the file's datum")
    command.add_argument("--layer", required=True, choices=[layer.value for layer in Layer])
    command.add_argument("--name", help="layer name (default: the file name)")
    command.add_argument("--replace", action="store_true", help="replace an earlier import of the same name")
    command.add_argument("--url", help="database URL (default: the configured one)")


def run_import_geojson(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.persistence.map.gis_layers import save_layer

    url = command_database_url("import-geojson", args.url, settings)  # a bad URL before reading
    try:
        result = read_geojson(args.file, args.datum, args.layer)
    except GeoJSONError as error:
        print(f"错误 error: {error}; 未导入任何要素 nothing imported", file=sys.stderr)
        return EXIT_USAGE
    for problem in result.errors:
        print(f"跳过 skipped {problem}", file=sys.stderr)
    if not result.features:
        print(f"错误 error: {args.file} 没有可导入的要素 has no importable features", file=sys.stderr)
        return EXIT_USAGE
    store = open_store(url)
    try:
        layer_id = save_layer(store, result, args.name or Path(args.file).stem, replace=args.replace)
    finally:
        store.close()
    print(
        f"{store.url}: 图层 layer {args.layer} #{layer_id}: 导入 imported {len(result.features)} "
        f"要素 features ({args.datum} → wgs84), 跳过 skipped {len(result.errors)}; "
        + import_outcome(len(result.errors))
    )
    return EXIT_PARTIAL if result.errors else EXIT_OK
