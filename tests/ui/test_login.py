"""The sign-in dialog, the lock screen and the re-auth prompt as real widgets on a real SQLite
store: errors are the core's clear messages, checks run off the Qt thread, success closes them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from commandcenter.accounts.authenticator import Authenticator, LockoutPolicy
from commandcenter.accounts.session import Session
from commandcenter.config import Settings
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.workspace import Workspace
from commandcenter.testing.accounts import FAST_HASHING, PASSWORD, make_user
from ui.auth.qt_lock_screen import LockScreen
from ui.auth.qt_login_dialog import LoginDialog
from ui.auth.qt_reauth_prompt import ReauthPrompt
from ui.auth.sign_in import SignIn


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'login.sqlite'}")
    make_user(opened, "operator1")
    make_user(opened, "fresh.user", must_change=True)
    yield opened
    opened.close()


@pytest.fixture
def auth(store: Store) -> Authenticator:
    return Authenticator(store, hashing=FAST_HASHING, lockout=LockoutPolicy(2, 15))


def _login(qtbot: QtBot, auth: Authenticator) -> LoginDialog:
    dialog = LoginDialog(auth)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_wrong_password_shows_the_message_and_the_right_one_signs_in(
    qtbot: QtBot, auth: Authenticator
) -> None:
    dialog = _login(qtbot, auth)
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.username.setText("operator1")
        dialog.password.setText("wrong-password-1")
        dialog.submit()
    assert "用户名或密码错误" in dialog.error.text()
    assert dialog.password.text() == ""
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.password.setText(PASSWORD)
        dialog.submit()
    assert dialog.principal is not None
    assert dialog.principal.role is UserRole.OPERATOR


def test_the_lockout_message_says_how_long(qtbot: QtBot, auth: Authenticator) -> None:
    dialog = _login(qtbot, auth)
    dialog.username.setText("operator1")
    for _ in range(2):
        with qtbot.waitSignal(dialog.failed, timeout=5000):
            dialog.password.setText("wrong-password-1")
            dialog.submit()
    assert "15 分钟" in dialog.error.text()


def test_a_reset_user_chooses_a_new_password_before_signing_in(qtbot: QtBot, auth: Authenticator) -> None:
    dialog = _login(qtbot, auth)
    assert dialog.new_password.isHidden()
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.username.setText("fresh.user")
        dialog.password.setText(PASSWORD)
        dialog.submit()
    assert not dialog.new_password.isHidden()
    assert "须先修改密码" in dialog.error.text()
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        dialog.password.setText(PASSWORD)
        dialog.new_password.setText("short")
        dialog.submit()
    assert "至少 10 位" in dialog.error.text()
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.password.setText(PASSWORD)
        dialog.new_password.setText("a-much-better-pass-9")
        dialog.submit()
    assert dialog.principal is not None
    assert dialog.principal.username == "fresh.user"


def test_the_lock_screen_opens_only_with_the_password(qtbot: QtBot, auth: Authenticator) -> None:
    session = Session(auth.login("operator1", PASSWORD), auth)
    session.lock()
    screen = LockScreen(session)
    qtbot.addWidget(screen)
    screen.show()
    screen.close()
    assert screen.isVisible()  # closing is refused while locked
    with qtbot.waitSignal(screen.failed, timeout=5000):
        screen.password.setText("wrong-password-1")
        screen.submit()
    assert session.locked
    assert "用户名或密码错误" in screen.error.text()
    with qtbot.waitSignal(screen.accepted, timeout=5000):
        screen.password.setText(PASSWORD)
        screen.submit()
    assert not session.locked


def test_the_session_guard_locks_an_idle_session(qtbot: QtBot, auth: Authenticator, store: Store) -> None:
    now = [datetime(2026, 11, 27, 1, 0, tzinfo=UTC)]
    guard = SignIn(Settings(), Workspace(store), interactive=False)
    guard.session = Session(
        auth.login("operator1", PASSWORD), auth, lock_after=timedelta(minutes=1), clock=lambda: now[0]
    )
    guard.check_idle()
    assert guard.lock_screen is None
    now[0] += timedelta(minutes=2)
    guard.check_idle()
    assert guard.lock_screen is not None
    qtbot.addWidget(guard.lock_screen)
    qtbot.waitUntil(lambda: guard.lock_screen is not None and guard.lock_screen.isVisible(), timeout=5000)
    assert guard.session.locked
    guard.stop()


def test_the_reauth_prompt_confirms_the_password(qtbot: QtBot, auth: Authenticator) -> None:
    session = Session(auth.login("operator1", PASSWORD), auth, reauth_window=timedelta(0))
    prompt = ReauthPrompt(session, "重置密码")
    qtbot.addWidget(prompt)
    prompt.show()
    with qtbot.waitSignal(prompt.accepted, timeout=5000):
        prompt.password.setText(PASSWORD)
        prompt.submit()
    assert prompt.result() == QDialog.DialogCode.Accepted


def test_the_demo_signs_in_without_a_prompt(qapp: QApplication, store: Store) -> None:
    guard = SignIn(Settings(), Workspace(store), interactive=False)
    assert guard(qapp)
    assert SignIn.current() is not None
    assert SignIn.current().principal.username == "operator1"
    guard.stop()
    assert SignIn.current() is None
