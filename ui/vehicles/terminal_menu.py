"""The 系统 menu's two terminal windows — 终端状态 (every terminal's session and counters) and 未登记终端
(ids no vehicle has) — for whoever may see them: the main window only calls ``install``."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QWidget

from commandcenter.services.terminal_service import TerminalService
from ui.background import BackgroundRunner
from ui.vehicles.qt_terminal_statuses import QtTerminalStatuses
from ui.vehicles.qt_unknown_terminals import QtUnknownTerminals


class TerminalWindows(QObject):
    def __init__(self, service: TerminalService, runner: BackgroundRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._service, self._runner, self._parent = service, runner, parent

    def install(self, menu: QMenu) -> None:
        """Adds the two actions to ``menu`` when the signed-in user may list terminals."""
        if not self._service.may_list_unknown():
            return
        menu.addAction(self.tr("Terminal status…")).triggered.connect(self.open_statuses)
        menu.addAction(self.tr("Unknown terminals…")).triggered.connect(self.open_unknown)

    def open_statuses(self) -> QtTerminalStatuses:
        dialog = QtTerminalStatuses(self._service, self._runner, self._parent)
        dialog.show()
        return dialog

    def open_unknown(self) -> QtUnknownTerminals:
        dialog = QtUnknownTerminals(self._service, self._runner, self._parent)
        dialog.show()
        return dialog
