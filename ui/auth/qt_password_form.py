"""The part the login dialog, the lock screen and the re-auth prompt share: a password field, an
error line, and a check that runs on a worker thread (argon2 takes ~200 ms: never on the Qt thread)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from commandcenter.accounts.errors import AccessError
from ui.background import BackgroundRunner


def refusal_text(error: Exception) -> str:
    """A refusal as the core words it (one line); anything else (the database is unreachable, …)
    as what failed."""
    if isinstance(error, AccessError):
        return str(error)
    template = QCoreApplication.translate("PasswordDialog", "Cannot check the password: %1")
    return template.replace("%1", str(error))


class PasswordDialog(QDialog):
    """A dialog that checks credentials in the background; ``succeeded`` carries the job's result."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = BackgroundRunner(self, max_workers=1)
        self.error = QLabel(self)
        self.error.setObjectName("authError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #ff6b6b;")
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        self.busy = False
        self.finished.connect(lambda _result: self.runner.shutdown())

    def run_check(self, job: Callable[[], Any]) -> None:
        if self.busy:
            return
        self.busy = True
        self.error.clear()
        self._set_enabled(False)
        self.runner.submit(job, self._passed, self._refused)

    def _passed(self, result: object) -> None:
        self.busy = False
        self._set_enabled(True)
        self.succeeded.emit(result)

    def _refused(self, error: Exception) -> None:
        self.busy = False
        self._set_enabled(True)
        message = refusal_text(error)
        self.on_refused(error)
        self.error.setText(message)
        self.password.clear()
        self.password.setFocus()
        self.failed.emit(message)

    def on_refused(self, error: Exception) -> None:
        """Subclasses react to particular refusals (e.g. a password change being required)."""

    def _set_enabled(self, enabled: bool) -> None:
        for child in self.findChildren(QLineEdit):
            child.setEnabled(enabled)
