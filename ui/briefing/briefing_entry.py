"""视图 ▸ 领导观摩 Leaders' briefing… (one line in the main window): opens the briefing screen on a
display — asked which when there are several (the desk's own question, on the operator's screen),
the other display by default — for who reads the indicators (leaders, supervisors, office users,
administrators). One briefing at a time; Esc on it closes it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from commandcenter.accounts.permissions import Permission
from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.briefing.qt_briefing_window import QtBriefingWindow


class BriefingEntry(QObject):
    def __init__(self, services: Services, runner: BackgroundRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.services, self.runner, self.host = services, runner, parent
        self.window: QtBriefingWindow | None = None

    @property
    def offered(self) -> bool:
        return self.services.principal.can(Permission.VIEW_INDICATORS)

    def install(self, view: QMenu) -> BriefingEntry:
        if self.offered:
            action = view.addAction(self.tr("Leaders' briefing…"))
            action.setShortcut(QKeySequence(Qt.Key.Key_F10))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)  # the pop-up may have the focus
            action.triggered.connect(self.choose_and_open)
        return self

    def choose_and_open(self) -> None:
        screens = QGuiApplication.screens()
        if len(screens) < 2:
            self.open(screens[0] if screens else None)
            return
        names = [
            f"{index + 1}: {screen.name()} {screen.size().width()}×{screen.size().height()}"
            for index, screen in enumerate(screens)
        ]
        own = self.host.screen()
        default = next((i for i, screen in enumerate(screens) if screen is not own), 0)
        chosen, ok = QInputDialog.getItem(
            self.host, self.tr("Leaders' briefing"), self.tr("Show the briefing on"), names, default, False
        )
        if ok:
            self.open(screens[names.index(chosen)])

    def open(self, screen: QScreen | None = None) -> QtBriefingWindow:
        if self.window is None:
            self.window = QtBriefingWindow(self.services, self.runner, owner=self.host)
            self.window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self.window.destroyed.connect(self._closed)
            self.window.show_on(screen)
        self.window.raise_()
        self.window.activateWindow()
        return self.window

    def _closed(self, _obj: object = None) -> None:
        self.window = None
