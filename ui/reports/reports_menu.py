"""考核 ▸ 报表… in the main window (one line there): offered to who may read the indicators (leaders,
supervisors, office users, administrators); one dialog at a time, brought to the front when open."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenuBar, QWidget

from commandcenter.accounts.permissions import Permission
from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.evaluation.shared_menu import assessment_menu
from ui.reports.qt_report_dialog import QtReportDialog


class ReportsMenu(QObject):
    def __init__(self, services: Services, runner: BackgroundRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.services, self.runner, self.host = services, runner, parent
        self.dialog: QtReportDialog | None = None

    def install(self, menu_bar: QMenuBar) -> ReportsMenu:
        if self.services.principal.can(Permission.VIEW_INDICATORS):
            menu = assessment_menu(menu_bar)
            menu.addSeparator()
            menu.addAction(self.tr("Reports…")).triggered.connect(self.open)
        return self

    def open(self) -> QtReportDialog:
        if self.dialog is None:
            self.dialog = QtReportDialog(self.services.reports, self.runner, self.host)
            self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self.dialog.destroyed.connect(self._closed)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _closed(self, _obj: object = None) -> None:
        self.dialog = None
