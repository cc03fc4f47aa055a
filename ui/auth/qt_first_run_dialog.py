"""首次运行 / First run: shown instead of the login while the database has nobody who can sign in
(``Workspace.needs_first_administrator``). It names the database, asks for the first administrator's
username, display name and password (twice), creates the account on a worker thread and signs in as
it — the person who chose the password is at the screen, so a second prompt would add nothing.
Refusals (password policy, a taken name, another workstation having been quicker) are the core's
one-line message under the form."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from commandcenter.accounts.principal import Principal
from commandcenter.services.workspace import Workspace
from ui.auth.qt_first_admin_form import FirstAdminForm
from ui.auth.qt_password_form import PasswordDialog


class FirstRunDialog(PasswordDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(480)
        self.workspace = workspace
        self.principal: Principal | None = None
        self.setWindowTitle(self.tr("First run — Command Center"))
        self.setObjectName("firstRunDialog")
        self.form = FirstAdminForm(self, password=self.password)
        self.username, self.display_name = self.form.username, self.form.display_name
        self.repeat = self.form.repeat
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
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.succeeded.connect(self._created)
        self.username.setFocus()

    def submit(self) -> None:
        job = self.form.creation(self.workspace)
        if isinstance(job, str):
            self.error.setText(job)
            return
        self.run_check(job)

    def on_refused(self, error: Exception) -> None:
        self.repeat.clear()

    def _created(self, principal: object) -> None:
        assert isinstance(principal, Principal)
        self.principal = principal
        self.accept()
