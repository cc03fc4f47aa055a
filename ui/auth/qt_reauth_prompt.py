"""Asks for the password again before a sensitive action (user management, settings) when the
session's last authentication is older than its re-auth window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from commandcenter.accounts.errors import ReauthRequired
from commandcenter.accounts.session import Session
from ui.auth.qt_password_form import PasswordDialog


class ReauthPrompt(PasswordDialog):
    def __init__(self, session: Session, action: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("reauthPrompt")
        self.setWindowTitle(self.tr("Confirm your password"))
        text = QLabel(self.tr("“%1” is a sensitive action: enter your password again.").replace("%1", action))
        text.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.password)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.succeeded.connect(lambda _result: self.accept())

    def submit(self) -> None:
        password = self.password.text()
        self.run_check(lambda: self.session.reauthenticate(password))


def confirm_sensitive(session: Session, action: str, parent: QWidget | None = None) -> bool:
    """True when the action may go ahead: recent enough already, or the password was re-entered."""
    try:
        session.require_recent_auth()
        return True
    except ReauthRequired:
        return ReauthPrompt(session, action, parent).exec() == ReauthPrompt.DialogCode.Accepted
