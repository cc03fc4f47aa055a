"""The GUI's sign-in hook (called once by ``ui.app.run_gui`` before the window is built) and the
session guard that locks the screen after inactivity.

``commandcenter gui`` asks for a login — or, on a database nobody can sign in to yet, shows the
first-run dialog that creates the first administrator and signs in as them; ``commandcenter demo``
(and scripted ``--quit-after-ready`` starts) sign in as the demo duty operator without a prompt,
and that session never locks. The signed-in session is available to widgets through
``SignIn.current()`` — the principal they hand to ``commandcenter.services`` — and
``confirm_sensitive`` for re-auth.
"""

from __future__ import annotations

import sys
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from commandcenter.accounts.principal import Principal
from commandcenter.accounts.session import Session
from commandcenter.config import Settings
from commandcenter.services.workspace import Workspace
from ui.auth.qt_first_run_dialog import FirstRunDialog
from ui.auth.qt_lock_screen import LockScreen
from ui.auth.qt_login_dialog import LoginDialog
from ui.background import BackgroundRunner

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class SignIn(QObject):
    _current: Session | None = None

    def __init__(
        self,
        settings: Settings,
        workspace: Workspace,
        *,
        interactive: bool,
        signed_in: Principal | None = None,
    ) -> None:
        """``signed_in``: the setup wizard's new administrator, who chose their password a minute
        ago at this screen — no login, but their session locks like any other."""
        super().__init__()
        self.settings, self.workspace, self.interactive = settings, workspace, interactive
        self.signed_in = signed_in
        self.session: Session | None = None
        self.lock_screen: LockScreen | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(5_000)
        self._timer.timeout.connect(self.check_idle)
        self._runner = BackgroundRunner(self, max_workers=1)

    @classmethod
    def current(cls) -> Session | None:
        return cls._current

    def __call__(self, app: QApplication) -> bool:
        """Sign in; False when the person cancelled the login (the app then exits)."""
        app.aboutToQuit.connect(self.stop)
        if not self.interactive:
            principal = self.workspace.demo_principal()  # one indexed read at start-up, before the window
            if principal is None:
                print(
                    "错误 error: 数据库中没有值班员账户 operator1，无法自动登录 "
                    "(no duty operator account to sign in as; start without --quit-after-ready to log in)",
                    file=sys.stderr,
                )
                return False
            self._begin(Session(principal, None, lock_after=None))
            return True
        authenticator = self.workspace.authenticator()
        principal = self.signed_in or self._ask()
        if principal is None:
            return False
        minutes = self.settings.session.lock_after_min
        self._begin(
            Session(
                principal,
                authenticator,
                lock_after=timedelta(minutes=minutes) if minutes > 0 else None,
                reauth_window=timedelta(minutes=self.settings.session.reauth_window_min),
            )
        )
        app.installEventFilter(self)
        self._timer.start()
        return True

    def _ask(self) -> Principal | None:
        """The login — or, on a database nobody can sign in to yet, the first-run dialog."""
        # one indexed read at start-up, before any window, like demo_principal above
        first_run = self.workspace.needs_first_administrator()
        dialog: FirstRunDialog | LoginDialog = (
            FirstRunDialog(self.workspace)
            if first_run
            else LoginDialog(self.workspace.authenticator(), database=self.workspace.database)
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.principal

    def _begin(self, session: Session | None) -> None:
        self.session = session
        SignIn._current = session

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.session is not None and event.type() in _ACTIVITY:
            self.session.touch()
        return False

    def check_idle(self) -> None:
        if self.session is None or self.lock_screen is not None or not self.session.should_lock():
            return
        session = self.session
        parent = QApplication.activeWindow()
        self.lock_screen = LockScreen(session, parent if isinstance(parent, QWidget) else None)
        self.lock_screen.finished.connect(self._unlocked)
        self._runner.submit(session.lock, lambda _none: self._show_lock())  # lock() writes the audit row

    def _show_lock(self) -> None:
        if self.lock_screen is not None:
            self.lock_screen.open()

    def _unlocked(self, _result: int) -> None:
        if self.lock_screen is not None:
            self.lock_screen.deleteLater()
        self.lock_screen = None

    def stop(self) -> None:
        self._timer.stop()
        self._runner.shutdown()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        SignIn._current = None
