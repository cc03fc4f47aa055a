"""考核 Assessment ▸ 督查 Inspections…: the menu entry that opens the inspection window, offered to who
may view inspections (supervisors, leaders). The 考核 menu is made on first use, so another
assessment entry joins the same one."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar, QWidget

from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.evaluation.shared_menu import assessment_menu
from ui.inspections.qt_inspections_window import QtInspectionsWindow


class InspectionsEntry(QObject):
    """One inspection window per main window, shown again when asked."""

    def __init__(self, services: Services, runner: BackgroundRunner, window: QWidget) -> None:
        super().__init__(window)
        self.services, self.runner, self.window = services, runner, window
        self.dialog: QtInspectionsWindow | None = None
        self.action = QAction(self.tr("Inspections…"), window)
        self.action.setObjectName("inspectionsAction")
        self.action.triggered.connect(lambda _checked=False: self.open())

    def install(self, menu_bar: QMenuBar) -> None:
        if self.services.inspections.may_view():
            assessment_menu(menu_bar).addAction(self.action)

    def open(self) -> QtInspectionsWindow:
        if self.dialog is None:
            self.dialog = QtInspectionsWindow(self.services, self.runner, self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog


def install_inspections(
    services: Services, runner: BackgroundRunner, menu_bar: QMenuBar, window: QWidget
) -> InspectionsEntry:
    entry = InspectionsEntry(services, runner, window)
    entry.install(menu_bar)
    return entry
