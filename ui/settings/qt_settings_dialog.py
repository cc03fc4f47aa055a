"""参数设置 Settings (System ▸ Settings…): the district's central settings, page by page — 派遣与升级,
甄别, 班次, 通知, 工作日历, 视频 — for a principal with ``manage_settings``.

The dialog loads the stored document and its revision on a worker, lists every problem in words
before saving (the pages' own reading problems and the core's checks, one line each), and saves on
a worker through ``services.settings``: a save over a revision someone else has replaced meanwhile
is refused (``SettingsConflict``); the dialog says so and reloads their version, so nobody's edit is
lost without being seen. Every workstation then follows the new revision within seconds.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from commandcenter.domain.settings import DEFAULT_SETTINGS, DistrictSettings, StoredSettings
from commandcenter.domain.settings_problems import SettingsProblem
from commandcenter.domain.settings_rules import validate
from commandcenter.services.errors import (
    AccessError,
    DatabaseUnavailable,
    HolidayImportError,
    InvalidSettings,
    SettingsConflict,
    TextEncodingError,
)
from commandcenter.services.hub import Services
from commandcenter.services.settings_service import SettingsService
from ui.background import BackgroundRunner
from ui.credit.qt_credit_settings_page import CreditSettingsPage as CreditPage
from ui.settings.qt_calendar_page import CalendarPage
from ui.settings.qt_settings_pages import DispatchPage, NotificationPage, ScreeningPage, ShiftPage, VideoPage
from ui.settings.settings_words import problem_text, row_problem_text

log = logging.getLogger(__name__)


def offered(services: Services) -> bool:
    """Only administrators (``manage_settings``) get the entry under System."""
    return services.settings.may_edit


class QtSettingsDialog(QDialog):
    def __init__(
        self, service: SettingsService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.resize(760, 560)
        self.service, self.runner = service, runner
        self.stored: StoredSettings | None = None
        self.saving = False
        self.dispatch = DispatchPage(self)
        self.screening = ScreeningPage(self)
        self.shifts = ShiftPage(self)
        self.notifications = NotificationPage(self)
        self.calendar = CalendarPage(self)
        self.calendar.import_requested.connect(self.import_holidays)
        self.video = VideoPage(self)
        self.credit = CreditPage(self)  # 失信惩戒 (issue 16)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.dispatch, self.tr("Dispatch and escalation"))
        self.tabs.addTab(self.screening, self.tr("Screening"))
        self.tabs.addTab(self.shifts, self.tr("Shifts"))
        self.tabs.addTab(self.notifications, self.tr("Notifications"))
        self.tabs.addTab(self.calendar, self.tr("Working calendar"))
        self.tabs.addTab(self.video, self.tr("Video"))
        self.tabs.addTab(self.credit, self.tr("Credit record"))
        self.problems = QLabel(self)
        self.problems.setObjectName("detailMessage")
        self.problems.setWordWrap(True)
        self.status = QLabel(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.reload_button = QPushButton(self.tr("Reload"), self)
        self.reload_button.clicked.connect(self.reload)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.reload_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.problems)
        column.addLayout(buttons)
        self._show(StoredSettings(DEFAULT_SETTINGS, -1))
        self.save_button.setEnabled(False)  # until the stored revision is known
        self.reload()

    def _pages(
        self,
    ) -> list[
        DispatchPage | ScreeningPage | ShiftPage | NotificationPage | CalendarPage | VideoPage | CreditPage
    ]:
        return [
            *(self.dispatch, self.screening, self.shifts, self.notifications, self.calendar, self.video),
            self.credit,
        ]

    # ------------------------------------------------------------------ loading
    def reload(self, message: str = "") -> None:
        self.status.setText(message or self.tr("Loading…"))
        self.runner.submit(self.service.current, lambda stored: self._loaded(stored, message), self._failed)

    def _loaded(self, stored: StoredSettings, message: str) -> None:
        self._show(stored)
        self.problems.clear()
        self.save_button.setEnabled(True)
        self.status.setText(message or self.tr("Revision %1").replace("%1", str(stored.revision)))

    def _show(self, stored: StoredSettings) -> None:
        self.stored = stored
        for page in self._pages():
            page.show_settings(stored.settings)

    def show_calendar(self) -> None:
        """Open on the 工作日历 page (the status bar's warning asks for it)."""
        self.tabs.setCurrentWidget(self.calendar)
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ importing
    def import_holidays(self, year: int, path: str) -> None:
        """Replace ``year``'s holidays with the file's rows, stored at once through the service
        (checked, audited); the pages then show the saved revision."""
        if self.saving:
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Importing…"))
        file = Path(path)
        service = self.service
        self.runner.submit(
            lambda: service.import_holidays(year, file.read_bytes(), file.name),
            lambda stored: self._imported(stored, year),
            self._import_failed,
        )

    def _imported(self, stored: StoredSettings, year: int) -> None:
        self.saving = False
        self._loaded(
            stored,
            self.tr("Holidays of %1 imported and saved as revision %2")
            .replace("%1", str(year))
            .replace("%2", str(stored.revision)),
        )
        self.calendar.year.setCurrentIndex(self.calendar.year.findData(year))

    def _import_failed(self, error: Exception) -> None:
        if isinstance(error, HolidayImportError):
            self.saving = False
            self.save_button.setEnabled(True)
            self.problems.setText("\n".join(row_problem_text(problem) for problem in error.problems))
            self.status.setText(self.tr("Not imported: %1 problems").replace("%1", str(len(error.problems))))
        elif isinstance(error, (TextEncodingError, OSError)):
            self.saving = False
            self.save_button.setEnabled(True)
            self.problems.setText(str(error))
            self.status.setText(self.tr("Not imported: the file cannot be read"))
        else:
            self._save_failed(error)

    # ------------------------------------------------------------------ saving
    def edited(self) -> tuple[DistrictSettings, list[SettingsProblem]]:
        """The settings as the pages show them, and every problem (the pages' and the core's)."""
        settings = self.stored.settings if self.stored is not None else DEFAULT_SETTINGS
        problems: list[SettingsProblem] = []
        for page in self._pages():
            settings = page.read(settings, problems)
        return settings, problems + validate(settings)

    def save(self) -> None:
        if self.stored is None or self.saving:
            return
        settings, problems = self.edited()
        if problems:
            self._show_problems(problems)
            return
        self.problems.clear()
        self.saving = True
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        revision = self.stored.revision
        self.runner.submit(lambda: self.service.save(settings, revision), self._saved, self._save_failed)

    def _saved(self, stored: StoredSettings) -> None:
        self.saving = False
        self._show(stored)
        self.save_button.setEnabled(True)
        self.status.setText(
            self.tr("Saved as revision %1: every workstation uses it within seconds").replace(
                "%1", str(stored.revision)
            )
        )

    def _save_failed(self, error: Exception) -> None:
        self.saving = False
        if isinstance(error, SettingsConflict):
            self.reload(
                self.tr(
                    "Another administrator saved revision %1 meanwhile: their settings are shown, edit again"
                ).replace("%1", str(error.actual))
            )
            return
        self.save_button.setEnabled(True)
        if isinstance(error, InvalidSettings):
            self._show_problems(list(error.problems))
        else:
            self._failed(error)

    def _show_problems(self, problems: list[SettingsProblem]) -> None:
        self.problems.setText("\n".join(problem_text(problem) for problem in problems))
        self.status.setText(self.tr("Not saved: %1 problems").replace("%1", str(len(problems))))

    def _failed(self, error: Exception) -> None:
        if isinstance(error, DatabaseUnavailable):
            self.status.setText(self.tr("Database unavailable; try again shortly."))
        elif isinstance(error, AccessError):
            self.status.setText(str(error))
        else:
            log.error("settings dialog: %s", error, exc_info=error)
            self.status.setText(self.tr("The settings could not be read or saved (see the log)."))
