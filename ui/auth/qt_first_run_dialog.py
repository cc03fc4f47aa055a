"""首次运行 / First run: shown instead of the login while the database has nobody who can sign in
(``Workspace.needs_first_administrator``). It names the database, asks for the first administrator's
username, display name and password (twice), creates the account on a worker thread and signs in as
it — the person who chose the password is at the screen, so a second prompt would add nothing.
Refusals (password policy, a taken name, another workstation having been quicker) are the core's
one-line message under the form."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from commandcenter.accounts.principal import Principal
from commandcenter.services.workspace import Workspace
from ui.auth.qt_password_form import PasswordDialog


class FirstRunDialog(PasswordDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.workspace = workspace
        self.principal: Principal | None = None
        self.setWindowTitle(self.tr("First run — Command Center"))
        self.setObjectName("firstRunDialog")
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Display name"), self.display_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create administrator"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        title = QLabel(self.tr("Nobody can sign in to this database yet"), self)
        title.setObjectName("loginTitle")
        layout.addWidget(title)
        where = QLabel(self.tr("Database: %1").replace("%1", workspace.database), self)
        where.setObjectName("firstRunDatabase")  # IT sees which database gets the administrator
        where.setWordWrap(True)
        layout.addWidget(where)
        hint = QLabel(
            self.tr("Create the first administrator; they then add the other users in the window."), self
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.succeeded.connect(self._created)
        self.username.setFocus()

    def submit(self) -> None:
        username, display_name = self.username.text().strip(), self.display_name.text().strip()
        password = self.password.text()
        if password != self.repeat.text():
            self.error.setText(self.tr("The two passwords differ."))
            self.password.clear()
            self.repeat.clear()
            self.password.setFocus()
            return
        workspace = self.workspace

        def create_and_sign_in() -> Principal:
            workspace.create_first_administrator(username, display_name, password)
            return workspace.authenticator().login(username, password)

        self.run_check(create_and_sign_in)

    def on_refused(self, error: Exception) -> None:
        self.repeat.clear()

    def _created(self, principal: object) -> None:
        assert isinstance(principal, Principal)
        self.principal = principal
        self.accept()
