"""A real install without the demo: ``db upgrade``, ``users add`` an administrator, then ``gui`` on a
database with no offices, no cameras and no cases. The login dialog signs the administrator in and
the window opens on the empty district without a failed panel (every background failure is a
logged warning, so the log is the witness)."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from interactive_start import run_interactive
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from commandcenter import cli
from commandcenter.config import Settings
from commandcenter.services.workspace import Workspace
from ui.auth.qt_login_dialog import LoginDialog
from ui.main_window import MainWindow

PASSWORD = "Erqi-admin-2026"


@pytest.fixture
def fresh_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """An empty migrated SQLite database whose only row of substance is one administrator."""
    url = f"sqlite:///{tmp_path / 'commandcenter.sqlite'}"
    assert cli.main(["db", "upgrade", "--url", url]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{PASSWORD}\n"))
    add = ["users", "add", "it.admin", "--role", "admin", "--display-name", "信息科", "--password-stdin"]
    assert cli.main([*add, "--url", url]) == 0
    return url


def _sign_in_when_asked(app: QApplication) -> None:
    """Type the administrator's name and password into the login dialog once it is up."""
    dialog = app.activeModalWidget()
    if not isinstance(dialog, LoginDialog):
        QTimer.singleShot(20, lambda: _sign_in_when_asked(app))
        return
    dialog.username.setText("it.admin")
    dialog.password.setText(PASSWORD)
    dialog.submit()


def test_the_first_admin_signs_in_and_the_window_opens_on_an_empty_district(
    shell_app: QApplication, fresh_install: str, caplog: pytest.LogCaptureFixture
) -> None:
    workspace = Workspace.open(fresh_install)
    settings = Settings(language="zh_CN")
    seen: list[str] = []

    QTimer.singleShot(0, lambda: _sign_in_when_asked(shell_app))
    try:
        with caplog.at_level(logging.WARNING):
            status = run_interactive(settings, workspace, seen)
    finally:
        workspace.close()
    assert status == 0
    assert seen == ["当前用户：信息科（系统管理员）"]
    assert [r.getMessage() for r in caplog.records if r.name.startswith(("ui", "commandcenter"))] == []


def test_every_panel_loads_the_empty_district(
    qtbot: QtBot, shell_app: QApplication, fresh_install: str, caplog: pytest.LogCaptureFixture
) -> None:
    workspace = Workspace.open(fresh_install)
    settings = Settings(language="zh_CN", status_poll_s=0.2)
    principal = workspace.authenticator().login("it.admin", PASSWORD)
    window = MainWindow(settings, workspace.services(principal), wall_feeds=[], stream_urls=[], probe=None)
    qtbot.addWidget(window)
    try:
        with caplog.at_level(logging.WARNING):
            window.show()
            with qtbot.waitSignal(window.camera_tree.loaded, timeout=20_000) as cameras:
                window.start()
            qtbot.waitUntil(lambda: window.desk.advice.ready or _failed(caplog), timeout=20_000)
            qtbot.waitUntil(lambda: window.kpis.last_counts is not None, timeout=20_000)
            qtbot.waitUntil(lambda: window.map.vectors.live is not None or _failed(caplog), timeout=20_000)
    finally:
        window.stop()
        workspace.close()
    assert cameras.args == [0]
    assert window.kpis.last_counts is not None
    assert window.kpis.last_counts.offices == 0
    assert window.cases.model.rowCount() == 0
    assert [r.getMessage() for r in caplog.records if r.name.startswith(("ui", "commandcenter"))] == []


def _failed(caplog: pytest.LogCaptureFixture) -> bool:
    return any(r.levelno >= logging.WARNING for r in caplog.records)
