"""The ``commandcenter`` console command: the core CLI plus the two GUI subcommands.

``commandcenter`` (or ``commandcenter gui``) opens the command center on the configured database;
``commandcenter demo`` starts the demo services first. Everything headless is delegated to
``commandcenter.cli``, which also turns a configuration or database error into one stderr line, an
exit code and — this being the desktop entry, where nobody may read stderr — a dialog.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from commandcenter import cli
from commandcenter.accounts.principal import Principal
from commandcenter.commands.database import announce, command_database_url, may_replace, open_store
from commandcenter.config import Settings, config_path
from commandcenter.exit_codes import EXIT_NOT_CONFIRMED
from commandcenter.self_command import run_hidden_module
from commandcenter.services.errors import DatabaseUnavailable
from commandcenter.services.workspace import Workspace

_PROCESS_STARTED = time.perf_counter()


def main(argv: Sequence[str] | None = None) -> int:
    if run_hidden_module(sys.argv[1:] if argv is None else argv):  # a frozen build's child process
        return 0
    return cli.main(argv, gui_runner=run_gui_command, fatal_dialog=show_fatal_dialog)


def run_gui_command(args: argparse.Namespace, settings: Settings) -> int:
    """Open the window; a database that cannot be opened raises to ``cli.main`` (line + dialog)."""
    if args.lang:
        settings = replace(settings, language=args.lang)
    if args.command == "demo":
        return _run_demo(args, settings)
    from ui.setup.first_run import fresh_seat, wizard_offered

    url = command_database_url("gui", args.url, settings)
    offered = wizard_offered(args.url, args.quit_after_ready or args.quit_after_playing)
    if offered and fresh_seat(settings):
        return _set_up(args, settings)
    try:
        workspace = Workspace(open_store(url))
    except DatabaseUnavailable as error:
        if not offered:  # (a URL it cannot use was refused before, in command_database_url)
            raise  # one line and the fatal dialog (cli.main)
        return _unavailable(args, settings, error)
    if offered and workspace.needs_first_administrator():
        workspace.close()
        return _set_up(args, settings)
    try:
        return _open_window(args, settings, workspace, title_suffix="")
    finally:
        workspace.close()


def _unavailable(args: argparse.Namespace, settings: Settings, error: DatabaseUnavailable) -> int:
    """The configured database cannot be opened: say why, and offer to set the seat up again
    (another server, the moved file) instead of only stopping."""
    from ui.setup.first_run import ask_set_up_again

    print(f"错误 error: {error}", file=sys.stderr)
    if ask_set_up_again(settings, str(error)):
        return _set_up(args, settings)
    return cli.exit_code_for(error)


def _set_up(args: argparse.Namespace, settings: Settings) -> int:
    """The first-run wizard, then the window on the database it set up, signed in as its new
    administrator (or through the login, when the database had users already)."""
    from ui.setup.first_run import run_setup_wizard

    config_file = Path(args.config) if args.config else config_path()
    outcome = run_setup_wizard(settings, config_file)
    if outcome is None:
        return 0  # cancelled: nothing written
    settings = outcome.settings
    try:
        return _open_window(args, settings, outcome.workspace, title_suffix="", signed_in=outcome.principal)
    finally:
        outcome.workspace.close()


def _run_demo(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.demo.runtime import DemoRuntime

    url = command_database_url("demo", args.url, settings)
    if args.reset and args.url and not may_replace(url, args.yes):  # the demo's own file: no question
        return EXIT_NOT_CONFIRMED
    runtime = DemoRuntime.start(
        settings, url, reset=args.reset, simulator=not args.no_simulator, streams=not args.no_streams
    )
    announce(runtime.store.url)
    try:
        return _open_window(args, settings, runtime.workspace(), title_suffix="demo")
    finally:
        runtime.stop()


def _open_window(
    args: argparse.Namespace,
    settings: Settings,
    workspace: Workspace,
    *,
    title_suffix: str,
    signed_in: Principal | None = None,
) -> int:
    from commandcenter.streaming.stream_probe import probe_stream
    from ui.app import run_gui
    from ui.auth.sign_in import SignIn

    feeds = workspace.first_wall_feeds()

    def report_ready() -> None:
        # Read by bench/startup.py: seconds from interpreter start to a usable window.
        print(f"READY {time.perf_counter() - _PROCESS_STARTED:.3f}", flush=True)

    return run_gui(
        settings,
        workspace,
        wall_feeds=feeds,
        stream_urls=[feed.url for feed in feeds if feed.url],
        probe=lambda url: probe_stream(url, timeout=1.0).ok,
        title_suffix=title_suffix,
        quit_after_ready=args.quit_after_ready,
        quit_after_playing=args.quit_after_playing,
        on_ready=report_ready,
        safe_mode=getattr(args, "safe_mode", False),
        briefing=bool(getattr(args, "briefing", False)),
        # issue 7: `gui` asks for a login; the demo and scripted starts sign in as the duty operator
        sign_in=SignIn(
            settings,
            workspace,
            interactive=args.command != "demo" and not (args.quit_after_ready or args.quit_after_playing),
            signed_in=signed_in,
        ),
    )


def show_fatal_dialog(message: str, settings: Settings | None) -> None:
    """What stopped the start, as a dialog (``cli.main`` has printed the stderr line already and
    skips this for scripted ``--quit-after-ready`` starts, which must not hang on a modal dialog).
    ``settings`` is None when the configuration itself is broken: the dialog uses the defaults."""
    if not _has_display():
        return  # Qt would abort ("could not connect to display"): the stderr line is the message
    try:
        from ui.app import show_fatal_error

        show_fatal_error(settings or Settings(), message)
    except Exception as error:  # no display: the stderr line is the message
        print(f"(no dialog: {error})", file=sys.stderr)


def _has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


if __name__ == "__main__":
    raise SystemExit(main())
