"""The ``commandcenter`` console command: the core CLI plus the two GUI subcommands.

``commandcenter`` (or ``commandcenter gui``) opens the command center on the configured database;
``commandcenter demo`` starts the demo services first. Everything headless is delegated to
``commandcenter.cli``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import replace

from commandcenter import cli, paths
from commandcenter.config import Settings
from commandcenter.domain.cameras import CameraSummary
from commandcenter.persistence.cameras.queries import camera_summaries
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.store import Store

_PROCESS_STARTED = time.perf_counter()


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui_runner=run_gui_command)


def run_gui_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.lang:
        settings = replace(settings, language=args.lang)
    if args.command == "demo":
        return _run_demo(args, settings)
    try:
        store = Store.open(args.url or settings.resolved_database_url())
    except DatabaseUnavailable as error:
        _show_fatal(settings, str(error), interactive=not args.quit_after_ready)
        return cli.EXIT_UNAVAILABLE
    try:
        cameras = camera_summaries(store, limit=4)
        return _open_window(args, settings, store, cameras, title_suffix="")
    finally:
        store.close()


def _run_demo(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.demo.runtime import DemoRuntime

    try:
        runtime = DemoRuntime.start(
            settings,
            args.url or paths.demo_database_url(),
            reset=args.reset,
            simulator=not args.no_simulator,
            streams=not args.no_streams,
        )
    except DatabaseUnavailable as error:
        _show_fatal(settings, str(error), interactive=not args.quit_after_ready)
        return cli.EXIT_UNAVAILABLE
    try:
        return _open_window(args, settings, runtime.store, runtime.wall_cameras(), title_suffix="demo")
    finally:
        runtime.stop()


def _open_window(
    args: argparse.Namespace,
    settings: Settings,
    store: Store,
    cameras: list[CameraSummary],
    *,
    title_suffix: str,
) -> int:
    from commandcenter.domain.cameras import CameraFeed
    from commandcenter.streaming.stream_probe import probe_stream
    from ui.app import run_gui
    from ui.auth.sign_in import SignIn

    feeds = [CameraFeed(c.code, c.name, c.main_url or "", c.sub_url or "") for c in cameras]

    def report_ready() -> None:
        # Read by bench/startup.py: seconds from interpreter start to a usable window.
        print(f"READY {time.perf_counter() - _PROCESS_STARTED:.3f}", flush=True)

    return run_gui(
        settings,
        store,
        wall_feeds=feeds,
        stream_urls=[feed.url for feed in feeds if feed.url],
        probe=lambda url: probe_stream(url, timeout=1.0).ok,
        title_suffix=title_suffix,
        quit_after_ready=args.quit_after_ready,
        on_ready=report_ready,
        # issue 7: `gui` asks for a login; the demo and scripted starts sign in as the duty operator
        sign_in=SignIn(settings, store, interactive=args.command != "demo" and not args.quit_after_ready),
    )


def _show_fatal(settings: Settings, message: str, *, interactive: bool) -> None:
    """A database that cannot be opened: say so in words (stderr, and a dialog when there is a screen
    and a person to close it — scripted starts must not hang on a modal dialog)."""
    print(f"错误 error: {message}", file=sys.stderr)
    if not interactive:
        return
    try:
        from ui.app import show_fatal_error

        show_fatal_error(settings, message)
    except Exception as error:  # no display: the stderr line above is the message
        print(f"(no dialog: {error})", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
