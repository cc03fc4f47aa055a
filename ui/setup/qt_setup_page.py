"""The wizard's page base: it words itself in ``retranslate`` (again when the language changes on
the first page) and may check its input on a worker thread before the wizard moves on — QWizard
asks ``validatePage`` synchronously, so the page answers "not yet", runs the check, and on success
moves the wizard on itself. While a check runs, Next/Finish are disabled (``isComplete``); a
failure stays on the page, said in ``message``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QWizard, QWizardPage

from commandcenter.services.errors import AccessError, DatabaseUnavailable
from ui.background import BackgroundRunner
from ui.setup.setup_state import SetupState

Check = tuple[Callable[[], Any], str]  # the job, and what the page says while it runs


class SetupPage(QWizardPage):
    def __init__(self, state: SetupState) -> None:
        super().__init__()
        self.state = state
        self.runner = BackgroundRunner(self, max_workers=1)
        self.busy = False
        self.passed = False
        self.stay = False  # set by ``checked``: passed, but the person should read the page first
        self.message = QLabel(self)
        self.message.setObjectName("setupMessage")
        self.message.setWordWrap(True)

    def retranslate(self) -> None:
        """Set every text of the page (called at construction and on a language change)."""

    def browse_into(self, field: QLineEdit, title: str, file_filter: str, *, new_file: bool = False) -> None:
        """A file chooser starting at ``field``'s path; the chosen path goes into ``field``.
        ``new_file``: the file may not exist yet (a database to create)."""
        ask = QFileDialog.getSaveFileName if new_file else QFileDialog.getOpenFileName
        chosen, _filter = ask(self, title, field.text(), file_filter)
        if chosen:
            field.setText(chosen)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def isComplete(self) -> bool:
        return not self.busy

    def invalidate(self) -> None:
        """The input changed: what was checked before no longer counts."""
        self.passed = False

    def check(self) -> Check | str | None:
        """The check to run before moving on; a string is a refusal said at once; None: nothing to check."""
        return None

    def checked(self, result: Any) -> str | None:
        """The check's answer arrived: None to move on, else what is wrong."""
        return None

    def validatePage(self) -> bool:
        if self.passed or self.busy:
            return self.passed
        check = self.check()
        if check is None:
            return True
        if isinstance(check, str):
            self.say(check, error=True)
            return False
        self.run(*check)
        return False

    def run(self, job: Callable[[], Any], busy_text: str, *, advance: bool = True) -> None:
        """Run ``job`` on the worker; its answer goes to ``checked`` and, accepted, moves the wizard on."""
        self._set_busy(True)
        self.say(busy_text)
        self.runner.submit(job, lambda result: self._answered(result, advance), self._failed)

    def _answered(self, result: Any, advance: bool) -> None:
        self._set_busy(False)
        self.stay = False
        problem = self.checked(result)
        if problem is not None:
            self.say(problem, error=True)
            return
        self.passed = True
        wizard = self.wizard()
        if advance and not self.stay and wizard is not None and wizard.currentPage() is self:
            if wizard.nextId() == -1:
                wizard.button(QWizard.WizardButton.FinishButton).click()
            else:
                wizard.next()

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.say(self.failure_text(error), error=True)

    def failure_text(self, error: Exception) -> str:
        """A refusal as the core words it; an outage or a file error as what failed, one line."""
        if isinstance(error, AccessError):
            return str(error)
        if isinstance(error, DatabaseUnavailable):
            return self.tr("The database cannot be used: %1").replace("%1", error.reason)
        return self.tr("This did not work: %1").replace("%1", str(error) or type(error).__name__)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.completeChanged.emit()

    def say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #ff6b6b;" if error else "")
        self.message.setText(text)
