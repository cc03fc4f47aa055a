"""``run_gui`` shows the window, reports readiness once the counts are on screen, exits with 0 when
asked to, and leaves a process that also exits cleanly (no abort at interpreter exit)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from commandcenter.config import Settings
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.workspace import Workspace
from commandcenter.testing.accounts import principal_of_role
from ui.app import run_gui
from ui.auth.sign_in import SignIn
from ui.briefing.qt_briefing_window import QtBriefingWindow
from ui.main_window import MainWindow


def test_run_gui_quits_after_ready_with_status_zero(shell_app: QApplication, district_store: Store) -> None:
    ready: list[bool] = []
    workspace = Workspace(district_store)
    status = run_gui(
        Settings(),
        workspace,
        wall_feeds=[],
        stream_urls=[],
        probe=None,
        quit_after_ready=True,
        on_ready=lambda: ready.append(True),
        sign_in=SignIn(Settings(), workspace, interactive=False),
    )
    assert status == 0
    assert ready == [True]
    assert not [w for w in shell_app.topLevelWidgets() if isinstance(w, MainWindow)]


def _briefings(app: QApplication) -> list[QtBriefingWindow]:
    """The briefings a desk window owns (other tests' own briefing windows may still be around)."""
    return [
        w
        for w in app.topLevelWidgets()
        if isinstance(w, QtBriefingWindow) and isinstance(w.parent(), MainWindow)
    ]


def test_briefing_opens_for_a_leader(shell_app: QApplication, district_store: Store) -> None:
    """``gui --briefing``: the briefing full screen once the window is up; it goes with the window."""
    shown: list[bool] = []
    workspace = Workspace(district_store)

    def ready() -> None:
        shown.extend(w.isVisible() for w in _briefings(shell_app))

    status = run_gui(
        Settings(),
        workspace,
        wall_feeds=[],
        stream_urls=[],
        probe=None,
        quit_after_ready=True,
        on_ready=ready,
        sign_in=SignIn(Settings(), workspace, interactive=True, signed_in=principal_of_role(UserRole.LEADER)),
        briefing=True,
    )
    assert status == 0
    assert shown == [True]
    assert not _briefings(shell_app)


SCRIPT = """
import sys
from commandcenter.config import Settings
from commandcenter.domain.cameras import CameraFeed
from commandcenter.services.workspace import Workspace
from ui.app import run_gui
from ui.auth.sign_in import SignIn

workspace = Workspace.open(sys.argv[1])
feeds = [CameraFeed("CAM-1", "大学路", "http://127.0.0.1:1/none.ts")]
status = run_gui(Settings(), workspace, wall_feeds=feeds, stream_urls=[], probe=None, quit_after_ready=True,
                 on_ready=lambda: print("READY", flush=True),
                 sign_in=SignIn(Settings(), workspace, interactive=False))
workspace.close()
sys.exit(status)
"""


def test_process_exits_cleanly_after_run_gui(district_file: Path, tmp_path: Path) -> None:
    env = dict(os.environ, COMMANDCENTER_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="xcb")
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, f"sqlite:///{district_file}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines().count("READY") == 1
