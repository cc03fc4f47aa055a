"""The sign-in dialog: username and password, the core's own message on refusal (wrong password,
locked for N minutes, disabled), and — after an administrator's reset — the new-password step."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.errors import PasswordChangeRequired
from commandcenter.accounts.principal import Principal
from ui.auth.qt_password_form import PasswordDialog


class LoginDialog(PasswordDialog):
    def __init__(
        self, authenticator: Authenticator, parent: QWidget | None = None, *, database: str = ""
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(440)
        self.authenticator = authenticator
        self.principal: Principal | None = None
        self.setWindowTitle(self.tr("Sign in — Command Center"))
        self.setObjectName("loginDialog")
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.new_password = QLineEdit(self)
        self.new_password.setObjectName("newPassword")
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_label = QLabel(self.tr("New password"), self)
        self.hint = QLabel(
            self.tr("Your password was reset: choose a new one (at least 10 characters)."), self
        )
        self.hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.new_label, self.new_password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        title = QLabel(self.tr("Smart city management command center"), self)
        title.setObjectName("loginTitle")
        layout.addWidget(title)
        where = QLabel(self.tr("Database: %1").replace("%1", database), self)
        where.setObjectName("loginDatabase")  # IT and operators see which system they sign in to
        where.setVisible(bool(database))
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._show_change(False)
        self.succeeded.connect(self._signed_in)
        self.username.setFocus()

    def submit(self) -> None:
        username, password = self.username.text(), self.password.text()
        if self.new_label.isHidden():
            self.run_check(lambda: self.authenticator.login(username, password))
        else:
            new = self.new_password.text()
            self.run_check(lambda: self.authenticator.change_password(username, password, new))

    def on_refused(self, error: Exception) -> None:
        if isinstance(error, PasswordChangeRequired):
            self._show_change(True)

    def _show_change(self, visible: bool) -> None:
        for widget in (self.new_label, self.new_password, self.hint):
            widget.setVisible(visible)

    def _signed_in(self, principal: object) -> None:
        assert isinstance(principal, Principal)
        self.principal = principal
        self.accept()
