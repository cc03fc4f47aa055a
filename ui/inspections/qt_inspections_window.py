"""督查 Inspections (考核 ▸ Inspections…): the inspector pool, drawing a round for a period (preview,
then confirm), the drawn groups with their findings and a period's results (deductions per office).
Everything is read and written through
``services.inspections`` / ``services.inspection_findings`` on the background runner; the tabs for
changing anything are shown only to who may manage inspections (leaders read)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout, QWidget

from commandcenter.services.hub import Services
from commandcenter.services.inspection_service import InspectionOverview
from ui.background import BackgroundRunner
from ui.inspections.qt_draw_tab import QtDrawTab
from ui.inspections.qt_pool_tab import QtPoolTab
from ui.inspections.qt_results_tab import QtResultsTab
from ui.inspections.qt_rounds_tab import QtRoundsTab


class QtInspectionsWindow(QDialog):
    def __init__(self, services: Services, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspectionsWindow")
        self.setWindowTitle(self.tr("Inspections"))
        self.resize(980, 620)
        self.services, self.runner = services, runner
        self.overview: InspectionOverview | None = None
        manager = services.inspections.may_manage()
        self.pool_tab = QtPoolTab(services.inspections, runner, manager, self)
        self.draw_tab = QtDrawTab(services.inspections, runner, self) if manager else None
        self.rounds_tab = QtRoundsTab(services, runner, manager, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.rounds_tab, self.tr("Groups"))
        if self.draw_tab is not None:
            self.tabs.addTab(self.draw_tab, self.tr("Draw a round"))
            self.draw_tab.stored.connect(self.refresh)
        self.tabs.addTab(self.pool_tab, self.tr("Inspector pool"))
        self.results_tab = QtResultsTab(services.inspections, runner, self)
        self.tabs.addTab(self.results_tab, self.tr("Results"))
        self.pool_tab.changed.connect(self.refresh)
        self.status = QLabel(self)
        self.status.setObjectName("inspectionsStatus")
        self.status.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs)
        column.addWidget(self.status)
        self.loaded = False
        self.refresh()

    def refresh(self) -> None:
        self.loaded = False
        self.runner.submit(self.services.inspections.overview, self._shown, self._failed)

    def _shown(self, overview: InspectionOverview) -> None:
        self.overview = overview
        self.pool_tab.show_overview(overview)
        self.rounds_tab.show_overview(overview)
        self.results_tab.set_offices(overview.offices)
        if self.draw_tab is not None:
            self.draw_tab.show_overview(overview)
        self.status.clear()
        self.loaded = True

    def _failed(self, error: Exception) -> None:
        self.status.setText(str(error))  # the core's "中文 / English" line
        self.loaded = True
