"""``commandcenter settings show | set KEY VALUE | import FILE.json | import-holidays FILE --year YYYY``:
the district's central settings
for IT scripts and a headless server, through ``SettingsService`` as the command-line administrator
(``cli:<OS user>``), so the checks and the audit entry are the dialog's.

``show`` prints the document (what ``import`` reads back); ``set`` changes one key, named as in the
document with dots (``notifications.sound``, ``day_shift.start``, ``escalation.office.wait_minutes``,
``calendar.years.2027``, ``calendar.periods.2``) — VALUE is read as JSON when it parses (``45``,
``false``, ``["08:30","12:00"]``) and as text otherwise (``07:30``). ``import`` replaces the whole
document; keys it lacks take their defaults. ``import-holidays`` replaces one year's holiday table
with a CSV or JSON file of days (date, 休/班, name; ``domain.holiday_import``), each bad row named.
Every refusal is one ``错误 error:`` line and exit 2;
the workstations follow the saved revision within seconds, without a restart.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from commandcenter.accounts.errors import AccessError
from commandcenter.accounts.principal import command_line_principal
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.domain.holiday_import import HolidayImportError, describe
from commandcenter.domain.settings import SettingsConflict, StoredSettings
from commandcenter.domain.settings_document import from_document, from_json, to_document
from commandcenter.domain.settings_problems import InvalidSettings
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.settings_service import SettingsService
from commandcenter.textfiles import TextEncodingError, read_utf8


class UnknownSetting(ValueError):
    """``set`` named a key the document does not have."""


def add_settings(commands: Any) -> None:
    parser = commands.add_parser("settings", help="show, set or import the district's central settings")
    actions = parser.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    _url(actions.add_parser("show", help="print the settings as JSON (what import reads)"))
    one = _url(actions.add_parser("set", help="change one setting (KEY as in show, dotted)"))
    one.add_argument("key", metavar="KEY")
    one.add_argument("value", metavar="VALUE", help="JSON (45, false, [..]) or plain text (07:30)")
    whole = _url(actions.add_parser("import", help="replace the settings with a JSON file"))
    whole.add_argument("file", metavar="FILE.json", type=Path)
    holidays = _url(
        actions.add_parser(
            "import-holidays", help="replace one year's holidays with a CSV/JSON file (date, 休/班, name)"
        )
    )
    holidays.add_argument("file", metavar="FILE", type=Path, help="CSV (UTF-8 or GBK) or JSON")
    holidays.add_argument("--year", type=int, required=True, metavar="YYYY")


def _url(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--url", help="database URL (default: the configured one)")
    return parser


def run_settings(args: argparse.Namespace, settings: Settings) -> int:
    url = command_database_url("settings", args.url, settings)
    try:
        store = open_store(url)
        try:
            service = SettingsService(store, command_line_principal())
            if args.settings_command == "show":
                _show(service.current())
            elif args.settings_command == "import-holidays":
                _import_holidays(service, args.file, args.year)
            else:
                _save(service, args)
        finally:
            store.close()
    except HolidayImportError as error:
        for problem in error.problems:  # one line per bad row: the file is fixed row by row
            print(f"错误 error: {args.file}: {describe(problem)}", file=sys.stderr)
        return EXIT_USAGE
    except (AccessError, InvalidSettings, SettingsConflict, UnknownSetting) as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except (OSError, TextEncodingError) as error:
        print(f"错误 error: 无法读取 cannot read {getattr(args, 'file', '')}: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _show(stored: StoredSettings) -> None:
    print(json.dumps(to_document(stored.settings), ensure_ascii=False, indent=2, sort_keys=True))
    who = f" by {stored.updated_by}" if stored.updated_by else " (defaults 默认值)"
    print(f"revision 版本 {stored.revision}{who}", file=sys.stderr)


def _save(service: SettingsService, args: argparse.Namespace) -> None:
    current = service.current()
    if args.settings_command == "set":
        document = to_document(current.settings)
        set_key(document, args.key, _value(args.value))
        wanted = from_document(document)
    else:
        wanted = from_json(read_utf8(args.file, "JSON"))
    saved = service.save(wanted, current.revision)
    print(f"已保存 saved: revision 版本 {saved.revision}")


def _import_holidays(service: SettingsService, file: Path, year: int) -> None:
    saved = service.import_holidays(year, file.read_bytes(), file.name)
    (entry,) = [entry for entry in saved.settings.calendar.years if entry.year == year]
    print(f"已导入 imported: {year} 年 {len(entry.holidays)} 个假期 holidays; revision 版本 {saved.revision}")


def _value(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return text


def set_key(document: dict[str, Any], key: str, value: object) -> None:
    """Replace the value at dotted ``key``; a list element is named by its ``level``, its ``year``,
    its ``kind`` (``credit.thresholds.plate.count``) or its 1-based position (as the problems name them)."""
    parts = key.split(".")
    node: Any = document
    for depth, part in enumerate(parts):
        last = depth == len(parts) - 1
        if isinstance(node, dict) and part in node:
            if last:
                node[part] = value
                return
            node = node[part]
        elif isinstance(node, list) and (position := _element(node, part)) is not None:
            if last:
                node[position] = value
                return
            node = node[position]
        else:
            raise UnknownSetting(f"没有此设置 no such setting: {key}")


def _element(items: list[Any], part: str) -> int | None:
    for position, item in enumerate(items):
        if isinstance(item, dict) and part in (str(item.get(name)) for name in ("level", "year", "kind")):
            return position
    if part.isdigit() and 1 <= int(part) <= len(items):
        return int(part) - 1
    return None
