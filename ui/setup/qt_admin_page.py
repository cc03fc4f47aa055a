"""3 首位管理员 First administrator: the first-run dialog's form (``FirstAdminForm``) on a page. Next
creates the administrator on a worker and signs in as them — the wizard then works as them (the
district import is theirs, audited) and the window opens signed in. Once made, the page only says
who was made: going back does not make a second one."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout

from commandcenter.accounts.principal import Principal
from ui.auth.qt_first_admin_form import FirstAdminForm
from ui.setup.qt_setup_page import Check, SetupPage
from ui.setup.setup_state import SetupState


class AdminPage(SetupPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__(state)
        self.setObjectName("adminPage")
        self.where = QLabel(self)
        self.where.setObjectName("setupDatabase")
        self.where.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.form = FirstAdminForm(self)
        column = QVBoxLayout(self)
        column.addWidget(self.where)
        column.addWidget(self.hint)
        column.addWidget(self.form)
        column.addWidget(self.message)
        column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("First administrator"))
        self.setSubTitle(self.tr("Nobody can sign in to this database yet."))
        self.hint.setText(
            self.tr("Create the first administrator; they then add the other users in the window.")
        )
        self._show_database()

    def _show_database(self) -> None:
        opened = self.state.opened
        database = opened.check.shown_url if opened is not None else ""
        self.where.setText(self.tr("Database: %1").replace("%1", database))

    def initializePage(self) -> None:
        self._show_database()
        made = self.state.principal
        self.form.setEnabled(made is None)
        self.passed = made is not None
        if made is not None:
            self.say(
                self.tr("Administrator %1 created; you are signed in as them.").replace("%1", made.username)
            )
        else:
            self.message.clear()
            self.form.username.setFocus()

    def check(self) -> Check | str | None:
        opened = self.state.opened
        if opened is None or opened.workspace is None:
            return self.tr("Test the database first.")
        job = self.form.creation(opened.workspace)
        if isinstance(job, str):
            return job
        return job, self.tr("Creating the administrator …")

    def checked(self, result: Principal) -> str | None:
        self.state.principal = result
        self.form.repeat.clear()
        self.form.setEnabled(False)
        return None

    def failure_text(self, error: Exception) -> str:
        self.form.password.clear()
        self.form.repeat.clear()
        return super().failure_text(error)
