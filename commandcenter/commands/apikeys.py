"""``commandcenter apikeys add NAME --source S --datum D … | list | revoke NAME``: the Open311 intake's
API keys for IT scripts — one key per client (the WeChat back end, the inspectors' app, the 12345
hotline, the city platform), each with the profile the gateway applies to its reports.

Like ``users``, it acts as the command-line administrator (``cli:<OS user>``) through
``AdminService``, so the permission check and the ``api_key_change`` audit row are the GUI's. ``add``
prints the key alone on stdout, once (``KEY=$(commandcenter apikeys add wechat …)``); only its digest
is stored. A refusal is one ``错误 error:`` line and exit 2, and creates nothing.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from commandcenter.accounts.errors import AccessError
from commandcenter.accounts.principal import command_line_principal
from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.domain.api_keys import KEY_DATUMS, ApiKeyProfile, ApiKeyRecord, ProfileRefused
from commandcenter.exit_codes import EXIT_OK, EXIT_USAGE
from commandcenter.services.admin_service import AdminService

DEFAULTS = ApiKeyProfile()


def add_apikeys(commands: Any) -> None:
    parser = commands.add_parser("apikeys", help="create, list and revoke the Open311 intake's API keys")
    actions = parser.add_subparsers(dest="apikeys_command", metavar="ACTION", required=True)
    add = _url(actions.add_parser("add", help="create a key (printed once) with its client profile"))
    add.add_argument("name", help="the client, e.g. wechat, inspectors, 12345")
    add.add_argument(
        "--source", required=True, help="the cases' source: 市民上报, 督查员, 12345热线, 城市平台 …"
    )
    add.add_argument("--datum", required=True, choices=KEY_DATUMS, help="the client's coordinates")
    add.add_argument("--rate", type=int, default=DEFAULTS.rate_per_minute, help="requests a minute")
    add.add_argument(
        "--max-photo-bytes", type=int, default=DEFAULTS.max_photo_bytes, help="largest photo accepted"
    )
    add.add_argument("--webhook", default="", help="where answers to the client go (http(s) URL)")
    _url(actions.add_parser("list", help="name, prefix, source, datum, limits, revoked"))
    revoke = _url(actions.add_parser("revoke", help="stop a key from being accepted (its history stays)"))
    revoke.add_argument("name")


def _url(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--url", help="database URL (default: the configured one)")
    return parser


def run_apikeys(args: argparse.Namespace, settings: Settings) -> int:
    url = command_database_url("apikeys", args.url, settings)
    try:
        store = open_store(url)
        try:
            admin = AdminService(store, command_line_principal())
            if args.apikeys_command == "add":
                profile = ApiKeyProfile(
                    args.source, args.datum, args.rate, args.max_photo_bytes, args.webhook
                )
                key = admin.create_api_key(args.name, profile)
                print(f"已创建密钥 created API key {args.name}: 仅显示一次 shown only once", file=sys.stderr)
                print(key)
            elif args.apikeys_command == "list":
                print(format_keys(admin.api_keys()))
            else:
                admin.revoke_api_key(args.name)
                print(f"已吊销 revoked {args.name}")
        finally:
            store.close()
    except (AccessError, ProfileRefused, ValueError) as error:
        print(f"错误 error: {error}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def format_keys(keys: list[ApiKeyRecord]) -> str:
    header = "name\tprefix\tsource\tdatum\trate/min\tmax photo\twebhook\tstate"
    lines = [header]
    for key in keys:
        profile = key.profile
        state = "已吊销 revoked" if key.revoked else "有效 live"
        lines.append(
            f"{key.name}\t{key.prefix}\t{profile.source}\t{profile.datum}\t{profile.rate_per_minute}\t"
            f"{profile.max_photo_bytes}\t{profile.webhook_url or '—'}\t{state}"
        )
    return "\n".join(lines)
