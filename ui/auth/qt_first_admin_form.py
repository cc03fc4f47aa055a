"""The first administrator's form — username, display name, password twice — shared by the
first-run dialog and the setup wizard's 首位管理员 page, so both refuse the same way: differing
passwords here, the password policy, a taken name and "another workstation was quicker" in the
core (``Workspace.create_first_administrator``), each as one line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from commandcenter.accounts.principal import Principal
from commandcenter.services.workspace import Workspace


class FirstAdminForm(QWidget):
    def __init__(self, parent: QWidget | None = None, *, password: QLineEdit | None = None) -> None:
        super().__init__(parent)
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        if password is None:
            password = QLineEdit(self)
            password.setObjectName("password")
            password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password = password
        self.repeat = QLineEdit(self)
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self._labels = [QLabel(self) for _ in range(4)]
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        for label, field in zip(
            self._labels, (self.username, self.display_name, self.password, self.repeat), strict=True
        ):
            form.addRow(label, field)
        self.retranslate()

    def retranslate(self) -> None:
        texts = (self.tr("Username"), self.tr("Display name"), self.tr("Password"), self.tr("Password again"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def creation(self, workspace: Workspace) -> Callable[[], Principal] | str:
        """The job that creates the administrator and signs in as them (for a worker thread), or —
        when the two passwords differ — the line that says so (the password fields are cleared)."""
        username, display_name = self.username.text().strip(), self.display_name.text().strip()
        password = self.password.text()
        if password != self.repeat.text():
            self.password.clear()
            self.repeat.clear()
            self.password.setFocus()
            return QCoreApplication.translate("FirstAdminForm", "The two passwords differ.")

        def create_and_sign_in() -> Principal:
            workspace.create_first_administrator(username, display_name, password)
            return workspace.authenticator().login(username, password)

        return create_and_sign_in
