"""The ``commandcenter`` command line: headless subcommands here, GUI ones supplied by ``ui``.

The core defines every subcommand's arguments so ``--help`` is complete everywhere, but it cannot
import Qt; ``ui.main`` passes a ``gui_runner`` for ``gui`` and ``demo``. ``python -m commandcenter``
(no Qt) answers those two with a clear message instead of a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from commandcenter import __version__, paths
from commandcenter.catalog.import_command import add_import_cameras, run_import_cameras
from commandcenter.config import ConfigError, Settings, load_settings
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.district.counts import district_counts

GuiRunner = Callable[[argparse.Namespace, Settings], int]

EXIT_OK = 0
EXIT_PARTIAL = 1  # import-geojson: the good features were imported, some were skipped
EXIT_USAGE = 2
EXIT_UNAVAILABLE = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commandcenter",
        description="二七区智慧城管指挥中心 CommandCenter — video wall, live map and case dispatch.",
    )
    parser.add_argument("--version", action="version", version=f"commandcenter {__version__}")
    parser.add_argument("--config", help="配置文件 TOML config file (default: user config dir)")
    parser.add_argument("-v", "--verbose", action="store_true", help="verbose logging")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the command center on the configured database (default)")
    _add_gui_options(gui)
    gui.add_argument("--url", help="database URL (default: config / COMMANDCENTER_DB_URL / local SQLite)")

    demo = commands.add_parser(
        "demo", help="open the demo: embedded SQLite, seed-scale data, simulator and local video streams"
    )
    _add_gui_options(demo)
    demo.add_argument("--url", help="demo database URL (default: demo.sqlite in the user data dir)")
    demo.add_argument("--reset", action="store_true", help="regenerate the demo data before starting")
    demo.add_argument("--no-simulator", action="store_true", help="do not move units or create cases")
    demo.add_argument("--no-streams", action="store_true", help="do not start the local video streams")

    database = commands.add_parser("db", help="database maintenance")
    database_commands = database.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = database_commands.add_parser("upgrade", help="migrate the schema to the newest version")
    upgrade.add_argument("--url", help="database URL (default: the configured one)")
    check = database_commands.add_parser("check", help="connect and report the schema version")
    check.add_argument("--url", help="database URL (default: the configured one)")

    demo_data = commands.add_parser("demo-data", help="(re)generate the deterministic demo dataset")
    demo_data.add_argument("--url", help="target database (default: the demo SQLite file; it is REPLACED)")
    demo_data.add_argument("--scale", type=int, default=1, help="1 = the seed's district, 10 = whole city")
    demo_data.add_argument("--seed", type=int, default=None, help="random seed (default from config)")

    prepare = commands.add_parser(
        "prepare-demo", help="create the demo database and video clips if missing (what `demo` needs)"
    )
    prepare.add_argument("--url", help="demo database URL (default: demo.sqlite in the user data dir)")
    prepare.add_argument("--reset", action="store_true", help="regenerate the demo data")

    simulate = commands.add_parser("simulate", help="run the simulator headless against a database")
    simulate.add_argument("--url", help="database URL (default: the demo SQLite file)")
    simulate.add_argument("--seconds", type=float, default=0, help="stop after this long (0 = until Ctrl+C)")

    streams = commands.add_parser("streams", help="serve the demo video streams on loopback (foreground)")
    streams.add_argument("--port", type=int, default=None, help="port (default from config)")
    _add_import_geojson(commands)
    add_import_cameras(commands)  # issue 3
    return parser


def _add_import_geojson(commands: Any) -> None:
    from commandcenter.domain.gis import Layer
    from commandcenter.geo.datum import Datum

    command = commands.add_parser(
        "import-geojson", help="import a GeoJSON layer (boundaries, roads, segments) converted to WGS-84"
    )
    command.add_argument("file", help="GeoJSON FeatureCollection")
    command.add_argument("--datum", required=True, choices=[d.value for d in Datum], help="the file's datum")
    command.add_argument("--layer", required=True, choices=[layer.value for layer in Layer])
    command.add_argument("--name", help="layer name (default: the file name)")
    command.add_argument("--replace", action="store_true", help="replace an earlier import of the same name")
    command.add_argument("--url", help="database URL (default: the configured one)")


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default zh_CN)")
    parser.add_argument("--quit-after-ready", action="store_true", help=argparse.SUPPRESS)


def main(argv: Sequence[str] | None = None, gui_runner: GuiRunner | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not args.verbose:
        logging.getLogger("alembic").setLevel(logging.WARNING)  # migration chatter is not news
    from commandcenter.secrets import install_log_redaction

    install_log_redaction()  # camera and database credentials never reach a log line
    try:
        settings = load_settings(_path(args.config))
        command = args.command or "gui"
        if command in {"gui", "demo"}:
            if gui_runner is None:
                print(
                    "图形界面不可用 (the GUI needs PySide6): run the `commandcenter` command", file=sys.stderr
                )
                return EXIT_USAGE
            if args.command is None:
                args = parser.parse_args([*(argv or []), "gui"])
            return gui_runner(args, settings)
        handler = _HEADLESS[command]
        return handler(args, settings)
    except (DatabaseUnavailable, ConfigError) as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_UNAVAILABLE


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _db(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.persistence.database import create_database_engine, redact
    from commandcenter.persistence.migrate import current_revision, head_revision, upgrade

    url = args.url or settings.resolved_database_url()
    engine = create_database_engine(url)
    try:
        if args.db_command == "upgrade":
            upgrade(engine)
        revision = current_revision(engine)
        state = (
            "最新 up to date"
            if revision == head_revision()
            else f"需要升级 needs upgrade to {head_revision()}"
        )
        print(f"{redact(url)}: schema {revision or 'empty'} ({state})")
        return EXIT_OK
    finally:
        engine.dispose()


def _demo_data(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.demo.generate import load_demo_data
    from commandcenter.persistence.store import Store

    url = args.url or paths.demo_database_url()
    started = time.perf_counter()
    store = Store.open(url)
    try:
        load_demo_data(
            store, scale=args.scale, seed=args.seed or settings.simulator.seed, streams=settings.streams
        )
        from commandcenter.accounts.demo_accounts import assign_demo_passwords

        assign_demo_passwords(store)  # issue 7: demo users log in with demo-<username>
        counts = district_counts(store)
    finally:
        store.close()
    print(
        f"{store.url}: {counts.offices} 镇办, {counts.roads} 道路, {counts.segments} 路段, "
        f"{counts.city_managers} 城市管理员, {counts.fixed_cameras} 固定监控, {counts.muck_trucks} 渣土车, "
        f"{counts.enforcement_vehicles} 执法车, {counts.tdm_terminals} TDM "
        f"in {time.perf_counter() - started:.2f} s"
    )
    return EXIT_OK


def _prepare_demo(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.demo.runtime import prepare_demo_media, prepare_demo_store

    started = time.perf_counter()
    store = prepare_demo_store(settings, args.url or paths.demo_database_url(), reset=args.reset)
    counts = district_counts(store)
    prepare_demo_media(settings, store)
    store.close()
    print(f"demo ready: {store.url} ({counts.segments} 路段) in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def _simulate(args: argparse.Namespace, settings: Settings) -> int:
    import threading

    from commandcenter.demo.photos import ensure_demo_photos
    from commandcenter.demo.simulator import Simulator
    from commandcenter.persistence.store import Store

    store = Store.open(args.url or paths.demo_database_url())
    stop = threading.Event()
    if args.seconds:
        threading.Timer(args.seconds, stop.set).start()
    try:
        Simulator(store, settings.simulator, photos=ensure_demo_photos()).run(stop)
    except KeyboardInterrupt:
        stop.set()
    finally:
        store.close()
    return EXIT_OK


def _import_geojson(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.gis_import import GeoJSONError, read_geojson
    from commandcenter.persistence.map.gis_layers import save_layer
    from commandcenter.persistence.store import Store

    try:
        result = read_geojson(args.file, args.datum, args.layer)
    except GeoJSONError as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    for problem in result.errors:
        print(f"跳过 skipped {problem}", file=sys.stderr)
    if not result.features:
        print(f"错误 error: {args.file} 没有可导入的要素 has no importable features", file=sys.stderr)
        return EXIT_USAGE
    store = Store.open(args.url or settings.resolved_database_url())
    try:
        layer_id = save_layer(store, result, args.name or Path(args.file).stem, replace=args.replace)
    finally:
        store.close()
    print(
        f"{store.url}: 图层 layer {args.layer} #{layer_id}: 导入 imported {len(result.features)} "
        f"要素 features ({args.datum} → wgs84), 跳过 skipped {len(result.errors)}"
    )
    return EXIT_PARTIAL if result.errors else EXIT_OK


def _streams(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.demo.runtime import serve_demo_streams_forever

    return serve_demo_streams_forever(settings, port=args.port)


_HEADLESS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "db": _db,
    "demo-data": _demo_data,
    "prepare-demo": _prepare_demo,
    "simulate": _simulate,
    "streams": _streams,
    "import-geojson": _import_geojson,
    "import-cameras": run_import_cameras,
}
