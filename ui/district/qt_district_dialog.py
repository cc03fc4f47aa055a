"""基础数据 District data (System ▸ District data…): the district's base data for those who keep it —
Import and Export for a principal the district-data service lets manage it (administrators), the
Consistency check for one the check service lets check (supervisors too), and Edit (records by
hand, with their history) for either — read-only for a supervisor, who opens there the record a
finding names (a double-click on it). The services decide:
``offered`` asks them whether the window shows the menu entry at all, and each tab is there only
when its service says yes (the service refuses anyway, audited, if asked regardless).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.district.qt_check_tab import QtCheckTab
from ui.district.qt_edit_tab import QtEditTab
from ui.district.qt_export_tab import QtExportTab
from ui.district.qt_import_tab import QtImportTab


def offered(services: Services) -> bool:
    """Whether the signed-in principal gets the dialog at all (an operator does not)."""
    return services.district_data.may_manage() or services.district_check.may_check()


class QtDistrictDialog(QDialog):
    def __init__(self, services: Services, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("districtDialog")
        self.setWindowTitle(self.tr("District data"))
        self.resize(1080, 720)
        self.tabs = QTabWidget(self)
        self.import_tab: QtImportTab | None = None
        self.check_tab: QtCheckTab | None = None
        self.export_tab: QtExportTab | None = None
        self.edit_tab: QtEditTab | None = None
        if services.district_data.may_manage():
            self.import_tab = QtImportTab(services.district_data, runner, self)
            self.tabs.addTab(self.import_tab, self.tr("Import"))
        if services.district_check.may_check():
            self.check_tab = QtCheckTab(services.district_check, runner, self)
            self.tabs.addTab(self.check_tab, self.tr("Consistency"))
        if services.district_data.may_manage():
            self.export_tab = QtExportTab(services.district_data, runner, self)
            self.tabs.addTab(self.export_tab, self.tr("Export"))
        if services.district_edit.may_read():
            self.edit_tab = QtEditTab(services.district_edit, runner, self)
            self.tabs.addTab(self.edit_tab, self.tr("Edit"))
            if self.check_tab is not None:
                self.check_tab.record_opened.connect(self.open_record)
        column = QVBoxLayout(self)
        column.addWidget(self.tabs)

    def open_record(self, kind: str, record_id: int) -> None:
        """A finding of the check, opened in the edit tab."""
        if self.edit_tab is not None:
            self.tabs.setCurrentWidget(self.edit_tab)
            self.edit_tab.open_record(kind, record_id)
