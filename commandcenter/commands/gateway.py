"""``commandcenter gateway [--url URL]``: the headless gateway (issue 14) — the Open311 intake API and
``/health`` (and the JT/T 808 server when installed) on the configured database, in the foreground
until SIGTERM/SIGINT (``packaging/commandcenter-gateway.service`` runs it under systemd). Listeners
and the process's name come from ``[gateway]`` in the config file."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from typing import Any

from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import MAX_WORKERS, Settings
from commandcenter.exit_codes import EXIT_OK, EXIT_UNAVAILABLE, EXIT_USAGE


def add_gateway(commands: Any) -> None:
    parser = commands.add_parser(
        "gateway", help="run the gateway: Open311 intake API, /health, JT/T 808 (foreground, until SIGTERM)"
    )
    parser.add_argument("--url", help="database URL (default: the configured one)")
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help=f"processes sharing the listeners (default: [gateway] workers; 1–{MAX_WORKERS})",
    )
    parser.add_argument("--worker-index", type=int, default=0, help=argparse.SUPPRESS)  # a listener
    parser.add_argument("--worker-parent", type=int, default=0, help=argparse.SUPPRESS)  # its first process


def run_gateway(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.gateway.service import serve
    from commandcenter.gateway.workers import die_with_parent, listener_command

    if args.worker_parent:
        die_with_parent(args.worker_parent)
    if args.workers is not None:
        if not 1 <= args.workers <= MAX_WORKERS:
            print(f"错误 error: --workers 应为 1–{MAX_WORKERS} (expected 1–{MAX_WORKERS})", file=sys.stderr)
            return EXIT_USAGE
        settings = replace(settings, gateway=replace(settings.gateway, workers=args.workers))
    workers = settings.gateway.workers
    listeners = (
        []
        if args.worker_index
        else [listener_command(index, workers, args.config, args.url) for index in range(1, workers)]
    )
    # no pre-ping: a round trip saved at every checkout; a dropped connection is one 503, then renewed
    store = open_store(command_database_url("gateway", args.url, settings), pre_ping=False)
    try:
        serve(
            store,
            settings.gateway,
            settings.positions,
            worker_index=args.worker_index,
            listener_commands=listeners,
        )
    except OSError as error:  # the port is taken, the address is not this host's
        where = f"{settings.gateway.http_host}:{settings.gateway.http_port}"
        print(f"错误 error: 无法监听 cannot listen on {where}: {error}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    finally:
        store.close()
    return EXIT_OK
