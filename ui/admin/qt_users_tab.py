"""用户 Users: every account (username, display name, role, office, department, active, locked) and what
an administrator does to one — new, disable/enable, reset the password (the one-time password shown
once), change the role, office and department, unlock. Every call goes through ``services.users`` in
the background; a refusal or a bad input (weak password, name taken) is one line under the buttons.
These are sensitive actions: when the session's last password entry is older than its re-auth window
the service refuses (``ReauthRequired``), the password is asked again, and the action is retried."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from commandcenter.accounts.errors import ReauthRequired
from commandcenter.domain.accounts import UserAccount
from commandcenter.services.user_service import UserService
from ui.admin.qt_user_form import QtUserForm
from ui.auth.qt_reauth_prompt import ReauthPrompt
from ui.auth.role_words import role_name
from ui.background import BackgroundRunner
from ui.district.failures import failure_text
from ui.district.result_table import fill_table, result_table


class QtUsersTab(QWidget):
    def __init__(self, service: UserService, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.users: list[UserAccount] = []
        self.offices: dict[int, str] = {}
        self.loaded = False
        self.form: QtUserForm | None = None
        self.message: QMessageBox | None = None
        self.reauth: ReauthPrompt | None = None
        buttons = QHBoxLayout()
        self.new_button = self._button(buttons, self.tr("New…"), self.open_new_form)
        self.active_button = self._button(buttons, self.tr("Disable / enable"), self.toggle_active)
        self.reset_button = self._button(buttons, self.tr("Reset password"), self.reset_password)
        self.role_button = self._button(buttons, self.tr("Change role…"), self.open_role_form)
        self.unlock_button = self._button(buttons, self.tr("Unlock"), self.unlock)
        buttons.addStretch(1)
        headers = [self.tr("Username"), self.tr("Display name"), self.tr("Role"), self.tr("Office")]
        headers += [self.tr("Department")]
        headers += [self.tr("Active"), self.tr("Locked")]
        self.table = result_table(self, headers)
        self.status = QLabel(self)
        self.status.setObjectName("detailMessage")
        column = QVBoxLayout(self)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addWidget(self.table, 1)
        self.refresh()

    def _button(self, row: QHBoxLayout, text: str, slot: Callable[[], Any]) -> QPushButton:
        button = QPushButton(text, self)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def refresh(self) -> None:
        self.runner.submit(
            lambda: (self.service.list_users(), self.service.office_names()), self._show, self._failed
        )

    def _show(self, answer: tuple[list[UserAccount], dict[int, str]]) -> None:
        self.users, self.offices = answer
        now = datetime.now(UTC)
        yes, no = self.tr("yes"), self.tr("no")
        rows = [
            [
                u.username,
                u.display_name,
                role_name(u.role),
                self.offices.get(u.office_id, "") if u.office_id is not None else "",
                u.department or "",
                yes if u.active else no,
                yes if u.locked_until is not None and u.locked_until > now else no,
            ]
            for u in self.users
        ]
        fill_table(self.table, rows)
        self.loaded = True

    def selected(self) -> UserAccount | None:
        row = self.table.currentRow()
        return self.users[row] if 0 <= row < len(self.users) else None

    def select(self, username: str) -> None:
        names = [u.username for u in self.users]
        if username in names:
            self.table.selectRow(names.index(username))

    def _act(self, job: Callable[[], Any], done: str, then: Callable[[Any], None] | None = None) -> None:
        def finished(result: Any) -> None:
            self.status.setText(done)
            if then is not None:
                then(result)
            self.refresh()

        def failed(error: Exception) -> None:
            if isinstance(error, ReauthRequired) and self.service.session is not None:
                self._confirm_then(retry)
            else:
                self._failed(error)

        def retry() -> None:
            self.runner.submit(job, finished, self._failed)

        self.runner.submit(job, finished, failed)

    def _confirm_then(self, retry: Callable[[], None]) -> None:
        """Ask for the password again (not blocking the window); on success the action is retried."""
        assert self.service.session is not None
        self.reauth = ReauthPrompt(self.service.session, self.tr("User management"), self)
        self.reauth.accepted.connect(retry)
        self.reauth.rejected.connect(lambda: self.status.setText(self.tr("Not confirmed: nothing changed.")))
        self.reauth.open()

    def _failed(self, error: Exception) -> None:
        self.status.setText(failure_text(error))

    def _with_selected(self) -> UserAccount | None:
        user = self.selected()
        if user is None:
            self.status.setText(self.tr("Select a user first."))
        return user

    def open_new_form(self) -> QtUserForm:
        self.form = QtUserForm(self.offices, new=True, departments=self._departments(), parent=self)
        self.form.accepted.connect(self._create)
        self.form.open()
        return self.form

    def _create(self) -> None:
        if self.form is None:
            return
        f = self.form
        name, display, password = f.username.text(), f.display_name.text(), f.password.text()
        role, office, department = f.chosen_role(), f.chosen_office(), f.chosen_department()
        created = self.tr("User %1 created; they choose their own password at first sign-in.").replace(
            "%1", name
        )
        self._act(
            lambda: self.service.create_user(name, display, role, office, password, department=department),
            created,
        )

    def toggle_active(self) -> None:
        if (user := self._with_selected()) is None:
            return
        done = self.tr("%1 enabled.") if not user.active else self.tr("%1 disabled.")
        self._act(
            lambda: self.service.set_active(user.username, not user.active), done.replace("%1", user.username)
        )

    def reset_password(self) -> None:
        if (user := self._with_selected()) is None:
            return
        done = self.tr("Password of %1 reset.").replace("%1", user.username)
        self._act(
            lambda: self.service.reset_password(user.username), done, lambda p: self._show_once(user, p)
        )

    def _show_once(self, user: UserAccount, password: str) -> None:
        text = self.tr("One-time password for %1: %2").replace("%1", user.username).replace("%2", password)
        self.message = QMessageBox(QMessageBox.Icon.Information, self.tr("Password reset"), text, parent=self)
        self.message.setInformativeText(self.tr("Hand it over in person; it is shown only once."))
        self.message.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.message.open()

    def open_role_form(self) -> QtUserForm | None:
        if (user := self._with_selected()) is None:
            return None
        self.form = QtUserForm(
            self.offices,
            new=False,
            role=user.role,
            department=user.department,
            departments=self._departments(),
            parent=self,
        )
        self.form.accepted.connect(lambda: self._change_role(user))
        self.form.open()
        return self.form

    def _change_role(self, user: UserAccount) -> None:
        if self.form is None:
            return
        role, office, department = (
            self.form.chosen_role(),
            self.form.chosen_office(),
            self.form.chosen_department(),
        )
        done = self.tr("Role of %1 changed.").replace("%1", user.username)

        def change() -> None:
            self.service.set_role(user.username, role, office)
            if department != (user.department or ""):
                self.service.set_department(user.username, department)

        self._act(change, done)

    def _departments(self) -> tuple[str, ...]:
        return tuple(sorted({u.department for u in self.users if u.department}))

    def unlock(self) -> None:
        if (user := self._with_selected()) is None:
            return
        self._act(
            lambda: self.service.unlock(user.username), self.tr("%1 unlocked.").replace("%1", user.username)
        )
