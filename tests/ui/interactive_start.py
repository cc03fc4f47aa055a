"""Start the window as plain ``commandcenter`` does on an empty district — asking who signs in
(login, or the first-run dialog) — and quit once it is ready: what the first-install tests drive."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from commandcenter.config import Settings
from commandcenter.services.workspace import Workspace
from ui.app import run_gui
from ui.auth.sign_in import SignIn
from ui.main_window import MainWindow


def run_interactive(settings: Settings, workspace: Workspace, seen: list[str]) -> int:
    """Run the GUI with an interactive sign-in; ``seen`` gets the signed-in line of the header."""

    def ready() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
        seen.append(window.header.user.text())

    return run_gui(
        settings,
        workspace,
        wall_feeds=workspace.first_wall_feeds(),
        stream_urls=[],
        probe=None,
        quit_after_ready=True,
        on_ready=ready,
        sign_in=SignIn(settings, workspace, interactive=True),
    )
