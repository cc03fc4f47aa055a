"""首次运行 First run: the wizard a new seat opens with (issue 13) — language, database, first
administrator, district, media server, base map, summary. Pages share a ``SetupState``; the
database page skips the administrator, district and media-server pages for a database whose users
can already sign in (a second workstation on a shared server). ``outcome`` is what the window opens
with: the written settings, the opened database and — when the wizard made one — the
administrator, signed in."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget, QWizard

from commandcenter.accounts.principal import Principal
from commandcenter.config import Settings
from commandcenter.services.workspace import Workspace
from ui.setup.qt_admin_page import AdminPage
from ui.setup.qt_base_map_page import BaseMapPage
from ui.setup.qt_database_page import DatabasePage
from ui.setup.qt_district_page import DistrictPage
from ui.setup.qt_language_page import LanguagePage
from ui.setup.qt_media_page import MediaPage
from ui.setup.qt_summary_page import SummaryPage
from ui.setup.setup_state import SetupState


class Page(IntEnum):
    LANGUAGE = 0
    DATABASE = 1
    ADMIN = 2
    DISTRICT = 3
    MEDIA = 4
    BASE_MAP = 5
    SUMMARY = 6


@dataclass(frozen=True)
class SetupOutcome:
    settings: Settings
    workspace: Workspace
    principal: Principal | None  # None: the database's users sign in with the login dialog


class SetupWizard(QWizard):
    def __init__(self, settings: Settings, config_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setMinimumSize(760, 560)
        self.resize(980, 760)  # the district page holds the import tab: files, problems, counts
        self.state = SetupState(settings, config_path, language=settings.language, map=settings.map)
        self.language = LanguagePage(self.state)
        self.database = DatabasePage(self.state, Page.ADMIN, Page.BASE_MAP)
        self.admin = AdminPage(self.state)
        self.district = DistrictPage(self.state)
        self.media = MediaPage(self.state)
        self.base_map = BaseMapPage(self.state)
        self.summary = SummaryPage(self.state)
        pages = (
            self.language,
            self.database,
            self.admin,
            self.district,
            self.media,
            self.base_map,
            self.summary,
        )
        for page_id, page in zip(Page, pages, strict=True):
            self.setPage(page_id, page)
        self.setStartId(Page.LANGUAGE)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("First run — Command Center"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def outcome(self) -> SetupOutcome | None:
        """What the window opens with, once Finish wrote the configuration; None before."""
        state = self.state
        if state.written is None or state.opened is None or state.opened.workspace is None:
            return None
        return SetupOutcome(state.written.settings, state.opened.workspace, state.principal)

    def close_database(self) -> None:
        """After a cancel: the database the wizard opened is nobody's to use."""
        opened = self.state.opened
        if opened is not None and opened.workspace is not None:
            opened.workspace.close()
        self.state.opened = None
