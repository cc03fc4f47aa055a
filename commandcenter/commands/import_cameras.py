"""``commandcenter import-cameras``: a CSV/JSON file or a WVP-GB28181-pro platform into the database.

Headless, so an administrator runs it once per delivery (or nightly from cron for a platform);
afterwards every workstation's camera tree shows the cameras. Bad rows are listed with their line
and skipped; the good ones are saved (exit 1 then, 0 when everything went in); a file that cannot be
read as a whole stores nothing (exit 2). The summary says which, and the file's encoding.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from commandcenter.catalog.csv_rows import RowError
from commandcenter.catalog.file_import import import_file
from commandcenter.catalog.source import CatalogError
from commandcenter.catalog.wvp import WvpCatalog
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.domain.cameras import CameraEntry
from commandcenter.exit_codes import EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, import_outcome
from commandcenter.geo.datum import Datum

if TYPE_CHECKING:  # the store is opened lazily: the CLI starts without SQLAlchemy
    from commandcenter.persistence.store import Store


def add_import_cameras(commands: Any) -> None:
    command = commands.add_parser(
        "import-cameras", help="import cameras from a CSV/JSON file or a WVP-GB28181-pro platform (http URL)"
    )
    command.add_argument(
        "source", help="cameras.csv / cameras.json, or the platform's base URL http://host:18080"
    )
    command.add_argument(
        "--datum", default="wgs84", choices=[d.value for d in Datum], help="the source's datum"
    )
    command.add_argument("--token", help="WVP access-token")
    command.add_argument(
        "--play-template",
        help="WVP auto-play URL, e.g. http://zlm/rtp/{device}_{channel}.live.flv "
        "(default: the district's media_url_template setting)",
    )
    command.add_argument("--url", help="database URL (default: the configured one)")


def _is_platform(args: argparse.Namespace) -> bool:
    return bool(args.source.startswith(("http://", "https://")))


def _read(args: argparse.Namespace, template: str | None) -> tuple[list[CameraEntry], list[RowError], str]:
    """The cameras, the bad rows and where they came from ("encoding GBK", "platform")."""
    if _is_platform(args):
        platform = WvpCatalog(args.source, token=args.token, datum=args.datum, auto_play_template=template)
        return platform.list_cameras(), [], "platform"
    result = import_file(Path(args.source), args.datum)
    return result.cameras, result.errors, f"编码 encoding {result.encoding}"


def run_import_cameras(args: argparse.Namespace, settings: Settings) -> int:
    url = command_database_url("import-cameras", args.url, settings)  # a bad URL before reading
    # A file is read before the database is opened (a bad file opens nothing); a platform without
    # --play-template needs the district's template first, from the database it is imported into.
    store = open_store(url) if _is_platform(args) and args.play_template is None else None
    try:
        template = args.play_template if store is None else _district_template(store)
        return _import(args, url, store, template)
    finally:
        if store is not None:
            store.close()


def _import(args: argparse.Namespace, url: str, store: Store | None, template: str | None) -> int:
    from commandcenter.persistence.cameras.imports import save_cameras

    try:
        cameras, errors, origin = _read(args, template)
    except CatalogError as error:
        print(f"错误 error: {error}; 未导入任何摄像机 nothing imported", file=sys.stderr)
        return EXIT_USAGE
    for problem in errors:
        print(f"跳过 skipped {problem}", file=sys.stderr)
    if not cameras:
        print(f"错误 error: {args.source} 没有可导入的摄像机 has no importable cameras", file=sys.stderr)
        return EXIT_USAGE
    target = store or open_store(url)
    try:
        report = save_cameras(target, cameras)
    finally:
        if store is None:
            target.close()
    for warning in report.warnings:
        print(f"注意 note: {warning}", file=sys.stderr)
    print(
        f"{target.url}: 新增 inserted {report.inserted}, 更新 updated {report.updated} 摄像机 cameras "
        f"({args.datum} → wgs84, {origin}), 跳过 skipped {len(errors)}; {import_outcome(len(errors))}"
    )
    return EXIT_PARTIAL if errors else EXIT_OK


def _district_template(store: Store) -> str | None:
    """The district's media-server URL template (系统 ▸ 参数设置 ▸ 视频, or the setup wizard), so a
    platform's cameras get playable URLs without repeating it on every import."""
    from commandcenter.accounts.principal import command_line_principal
    from commandcenter.services.settings_service import SettingsService

    chosen = SettingsService(store, command_line_principal()).current().settings.media_url_template
    if chosen:
        print(f"播放地址模板 play template: {chosen} (media_url_template)", file=sys.stderr)
    return chosen or None
