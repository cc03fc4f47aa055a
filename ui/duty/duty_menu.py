"""The window's 勤务 Duty menu with 值班表 Duty roster…, offered to who may see duty (``view_duty``:
supervisors, leaders, office users). One window per main window, raised when asked again. The main
window adds it with one line (``install_duty_menu``)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenuBar, QWidget

from commandcenter.accounts.permissions import Permission
from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.duty.qt_duty_window import QtDutyWindow


class DutyMenu(QObject):
    def __init__(self, services: Services, runner: BackgroundRunner, window: QWidget) -> None:
        super().__init__(window)
        self.services, self.runner, self.window = services, runner, window
        self.roster_window: QtDutyWindow | None = None

    def install(self, menu_bar: QMenuBar) -> None:
        if not self.services.principal.can(Permission.VIEW_DUTY):
            return
        menu = menu_bar.addMenu(self.tr("Duty"))
        menu.setObjectName("dutyMenu")
        action = menu.addAction(self.tr("Duty roster…"))
        action.setObjectName("dutyRosterAction")
        action.triggered.connect(lambda _checked=False: self.open_roster())

    def open_roster(self) -> QtDutyWindow:
        if self.roster_window is None:
            self.roster_window = QtDutyWindow(self.services.duty, self.runner, self.window)
        self.roster_window.show()
        self.roster_window.raise_()
        self.roster_window.activateWindow()
        return self.roster_window


def install_duty_menu(
    services: Services, runner: BackgroundRunner, menu_bar: QMenuBar, window: QWidget
) -> DutyMenu:
    menu = DutyMenu(services, runner, window)
    menu.install(menu_bar)
    return menu
