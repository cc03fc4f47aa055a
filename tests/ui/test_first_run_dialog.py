"""``commandcenter gui`` on a migrated database nobody can sign in to: the first-run dialog names the
database, refuses differing passwords and the password policy's rejects in one line, creates the
administrator off the Qt thread and signs in as them — the window opens with them in the header."""

from __future__ import annotations

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
from ui.auth.qt_first_run_dialog import FirstRunDialog

PASSWORD = "Erqi-admin-2026"


@pytest.fixture
def empty_install(tmp_path: Path) -> str:
    """``commandcenter db upgrade`` on a new SQLite file, and nothing else."""
    url = f"sqlite:///{tmp_path / 'commandcenter.sqlite'}"
    assert cli.main(["db", "upgrade", "--url", url]) == 0
    return url


def _fill(dialog: FirstRunDialog, password: str, repeat: str) -> None:
    dialog.username.setText("it.admin")
    dialog.display_name.setText("信息科")
    dialog.password.setText(password)
    dialog.repeat.setText(repeat)
    dialog.submit()


def test_the_first_run_dialog_makes_the_administrator_and_the_window_opens_signed_in(
    qtbot: QtBot, shell_app: QApplication, empty_install: str, caplog: pytest.LogCaptureFixture
) -> None:
    workspace = Workspace.open(empty_install)
    settings = Settings(language="zh_CN")
    shown: dict[str, str] = {}
    seen: list[str] = []

    def create_when_asked() -> None:
        dialog = shell_app.activeModalWidget()
        if not isinstance(dialog, FirstRunDialog):
            QTimer.singleShot(20, create_when_asked)
            return
        shown["title"] = dialog.windowTitle()
        shown["database"] = dialog.findChild(type(dialog.error), "firstRunDatabase").text()
        _fill(dialog, PASSWORD, PASSWORD + "x")
        shown["differ"] = dialog.error.text()
        _fill(dialog, "short", "short")
        qtbot.waitUntil(lambda: not dialog.busy and dialog.error.text() != "", timeout=10_000)
        shown["policy"] = dialog.error.text()
        _fill(dialog, PASSWORD, PASSWORD)

    QTimer.singleShot(0, create_when_asked)
    try:
        with caplog.at_level(logging.WARNING):
            status = run_interactive(settings, workspace, seen)
        assert not workspace.needs_first_administrator()
    finally:
        workspace.close()
    assert status == 0
    assert seen == ["当前用户：信息科（系统管理员）"]
    assert shown["title"] == "首次运行 — 智慧城管指挥中心"
    assert shown["database"] == f"数据库：{empty_install}"
    assert shown["differ"] == "两次输入的密码不一致。"
    assert shown["policy"].startswith("密码")
    assert "\n" not in shown["policy"]
    assert [r.getMessage() for r in caplog.records if r.name.startswith(("ui", "commandcenter"))] == []


def test_another_workstation_being_quicker_is_said_in_the_dialog(
    qtbot: QtBot, shell_app: QApplication, empty_install: str
) -> None:
    workspace = Workspace.open(empty_install)
    try:
        dialog = FirstRunDialog(workspace)
        qtbot.addWidget(dialog)
        dialog.show()
        workspace.create_first_administrator("quick.admin", "快的", PASSWORD)  # the other workstation
        with qtbot.waitSignal(dialog.failed, timeout=10_000):
            _fill(dialog, PASSWORD, PASSWORD)
        assert "已有可登录的用户" in dialog.error.text()
        assert dialog.principal is None
        assert dialog.isVisible()
    finally:
        workspace.close()
