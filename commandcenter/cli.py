"""The ``commandcenter`` command line: headless subcommands here, GUI ones supplied by ``ui``.

The core defines every subcommand's arguments so ``--help`` is complete everywhere, but it cannot
import Qt; ``ui.main`` passes a ``gui_runner`` for ``gui`` and ``demo`` (and a ``fatal_dialog``, so a
start from the desktop, where nobody reads stderr, shows what went wrong). ``python -m commandcenter``
(no Qt) answers those two with a clear message instead of a traceback.

Bad input never ends in a traceback: a configuration, database or file problem is one ``错误 error:``
line and an exit code from ``commandcenter.exit_codes``. Which database each command opens is
``commandcenter.commands.database``'s rule; commands that replace data ask first (``confirmation``).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from commandcenter import __version__
from commandcenter.commands.apikeys import add_apikeys, run_apikeys
from commandcenter.commands.assessment import add_assessment, run_assessment
from commandcenter.commands.credit import add_credit, run_credit
from commandcenter.commands.database import announce, command_database_url, may_replace, open_store
from commandcenter.commands.departments import add_departments, run_departments
from commandcenter.commands.district import add_district, run_district
from commandcenter.commands.duty import add_duty, run_duty
from commandcenter.commands.gateway import add_gateway, run_gateway
from commandcenter.commands.import_cameras import add_import_cameras, run_import_cameras
from commandcenter.commands.import_geojson import add_import_geojson, run_import_geojson
from commandcenter.commands.indicators import add_indicators, run_indicators
from commandcenter.commands.inspections import add_inspections, run_inspections
from commandcenter.commands.positions import add_positions, run_positions
from commandcenter.commands.report import add_report, run_report
from commandcenter.commands.settings import add_settings, run_settings
from commandcenter.commands.users import add_users, run_users
from commandcenter.config import ConfigError, Settings, load_settings
from commandcenter.district_time import use_time_zone
from commandcenter.exit_codes import (
    EPILOG,
    EXIT_CONFIG,
    EXIT_NOT_CONFIRMED,
    EXIT_OK,
    EXIT_UNAVAILABLE,
    EXIT_USAGE,
)
from commandcenter.persistence.database import DatabaseUnavailable, UnsupportedDatabaseURL
from commandcenter.persistence.district.counts import district_counts

GuiRunner = Callable[[argparse.Namespace, Settings], int]
FatalDialog = Callable[[str, Settings | None], None]  # message, the settings if they could be read
GUI_COMMANDS = frozenset({"gui", "demo"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="commandcenter",
        description="二七区智慧城管指挥中心 CommandCenter — video wall, live map and case dispatch.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"commandcenter {__version__}")
    parser.add_argument(
        "--config", help="配置文件 TOML config file (default: user config dir; a named file must exist)"
    )
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
    _add_yes(demo)
    demo.add_argument("--no-simulator", action="store_true", help="do not move units or create cases")
    demo.add_argument("--no-streams", action="store_true", help="do not start the local video streams")

    database = commands.add_parser("db", help="database maintenance")
    database_commands = database.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = database_commands.add_parser("upgrade", help="migrate the schema to the newest version")
    upgrade.add_argument("--url", help="database URL (default: the configured one)")
    check = database_commands.add_parser("check", help="connect and report the schema version")
    check.add_argument("--url", help="database URL (default: the configured one)")

    demo_data = commands.add_parser(
        "demo-data", help="(re)generate the deterministic demo dataset in the configured database"
    )
    demo_data.add_argument("--url", help="target database (default: the configured one; it is REPLACED)")
    _add_yes(demo_data)
    demo_data.add_argument("--scale", type=int, default=1, help="1 = the seed's district, 10 = whole city")
    demo_data.add_argument("--seed", type=int, default=None, help="random seed (default from config)")

    prepare = commands.add_parser(
        "prepare-demo", help="create the demo database and video clips if missing (what `demo` needs)"
    )
    prepare.add_argument("--url", help="demo database URL (default: demo.sqlite in the user data dir)")
    prepare.add_argument("--reset", action="store_true", help="regenerate the demo data")
    _add_yes(prepare)

    simulate = commands.add_parser("simulate", help="run the simulator headless against a database")
    simulate.add_argument("--url", help="database URL (default: the configured one)")
    simulate.add_argument("--seconds", type=float, default=0, help="stop after this long (0 = until Ctrl+C)")

    streams = commands.add_parser("streams", help="serve the demo video streams on loopback (foreground)")
    streams.add_argument("--port", type=int, default=None, help="port (default from config)")
    add_import_geojson(commands)
    add_import_cameras(commands)  # issue 3
    add_district(commands)  # issue 13
    add_users(commands)  # issue 13: the first administrator of a real install
    add_settings(commands)  # issue 13: the district's central settings
    add_departments(commands)  # issue 15: the departments that handle cases (联动)
    add_apikeys(commands)  # issue 14: the Open311 intake's clients
    add_gateway(commands)  # issue 14: the headless gateway process
    add_indicators(commands)  # issue 16: the evaluation's indicator tables
    add_duty(commands)  # issue 16: who is on duty, a week's roster
    add_assessment(commands)  # issue 16: 差异化考核 (周通报, 月奖惩, 年考评)
    add_report(commands)  # issue 17: the same as PDF or Excel reports, and the 每日汇总
    add_inspections(commands)  # issue 16: 督查 pool and random group draws
    add_credit(commands)  # issue 16: the credit record's list (失信名单)
    add_positions(commands)  # the position time series' partitions and retention
    return parser


def _add_yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--yes", action="store_true", help="replace a database that holds data without asking (scripts)"
    )


def _add_gui_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default zh_CN)")
    parser.add_argument("--quit-after-ready", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--quit-after-playing", action="store_true", help=argparse.SUPPRESS)  # smoke test
    parser.add_argument(
        "--safe-mode",
        action="store_true",
        help="安全模式: no plugins, the default layout, no wall windows restored (a misbehaving workstation)",
    )
    parser.add_argument(
        "--briefing",
        action="store_true",
        help="open the leaders' briefing (领导观摩) full screen after sign-in",
    )


def main(
    argv: Sequence[str] | None = None,
    gui_runner: GuiRunner | None = None,
    fatal_dialog: FatalDialog | None = None,
) -> int:
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
    command = args.command or "gui"
    settings: Settings | None = None
    try:
        settings = load_settings(_path(args.config), required=args.config is not None)
        use_time_zone(settings.time_zone)  # the district's clock, once, before anything reads the time
        if command in GUI_COMMANDS:
            if gui_runner is None:
                print(
                    "图形界面不可用 (the GUI needs PySide6): run the `commandcenter` command", file=sys.stderr
                )
                return EXIT_USAGE
            if args.command is None:
                given = list(argv) if argv is not None else sys.argv[1:]  # keep --config, -v
                args = parser.parse_args([*given, "gui"])
            return gui_runner(args, settings)
        handler = _HEADLESS[command]
        return handler(args, settings)
    except (DatabaseUnavailable, ConfigError) as error:
        print(f"错误 error: {error}", file=sys.stderr)
        if (
            fatal_dialog is not None
            and command in GUI_COMMANDS
            and not getattr(args, "quit_after_ready", False)
        ):
            if settings is not None and getattr(args, "lang", None):
                settings = replace(settings, language=args.lang)
            fatal_dialog(str(error), settings)
        return exit_code_for(error)


def exit_code_for(error: DatabaseUnavailable | ConfigError) -> int:
    """A wrong URL is the caller's mistake (usage); an unreachable database is an outage."""
    if isinstance(error, ConfigError):
        return EXIT_CONFIG
    return EXIT_USAGE if isinstance(error, UnsupportedDatabaseURL) else EXIT_UNAVAILABLE


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _db(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.persistence.database import check_connection, create_database_engine, redact
    from commandcenter.persistence.migrate import (
        current_revision,
        head_revision,
        refuse_newer_schema,
        upgrade,
    )

    url = command_database_url("db", args.url, settings)
    engine = create_database_engine(url, create=args.db_command == "upgrade")  # check never creates
    try:
        check_connection(engine)
        announce(redact(url))
        refuse_newer_schema(engine)  # one line, exit 3: this program must not touch a newer schema
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

    url = command_database_url("demo-data", args.url, settings)
    if not may_replace(url, args.yes):
        return EXIT_NOT_CONFIRMED
    started = time.perf_counter()
    store = open_store(url)
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

    url = command_database_url("prepare-demo", args.url, settings)
    if args.reset and args.url and not may_replace(url, args.yes):  # the demo's own file: no question
        return EXIT_NOT_CONFIRMED
    started = time.perf_counter()
    store = prepare_demo_store(settings, url, reset=args.reset)
    announce(store.url)
    counts = district_counts(store)
    prepare_demo_media(settings, store)
    store.close()
    print(f"demo ready: {store.url} ({counts.segments} 路段) in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def _simulate(args: argparse.Namespace, settings: Settings) -> int:
    import threading

    from commandcenter.demo.photos import ensure_demo_photos
    from commandcenter.demo.simulator import Simulator

    store = open_store(command_database_url("simulate", args.url, settings))
    try:
        if district_counts(store).units == 0:
            print(
                f"错误 error: {store.url} 没有可移动的单位 has no units to move: "
                "load a district first (commandcenter demo-data)",
                file=sys.stderr,
            )
            return EXIT_USAGE
        simulator = Simulator(store, settings.simulator, photos=ensure_demo_photos())  # rendered once
        stop = threading.Event()
        if args.seconds:
            threading.Timer(args.seconds, stop.set).start()
        try:
            simulator.run(stop)
        except KeyboardInterrupt:
            stop.set()
    finally:
        store.close()
    return EXIT_OK


def _streams(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.demo.runtime import serve_demo_streams_forever

    return serve_demo_streams_forever(settings, port=args.port)


_HEADLESS: dict[str, Callable[[argparse.Namespace, Settings], int]] = {
    "db": _db,
    "demo-data": _demo_data,
    "prepare-demo": _prepare_demo,
    "simulate": _simulate,
    "streams": _streams,
    "import-geojson": run_import_geojson,
    "import-cameras": run_import_cameras,
    "district": run_district,
    "users": run_users,
    "settings": run_settings,
    "departments": run_departments,
    "apikeys": run_apikeys,
    "gateway": run_gateway,
    "indicators": run_indicators,
    "duty": run_duty,
    "assessment": run_assessment,
    "report": run_report,
    "inspections": run_inspections,
    "credit": run_credit,
    "positions": run_positions,
}
