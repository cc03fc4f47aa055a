"""Keeps the desk's own windows off the briefing screen: while it is shown, a window the desk opens
on the same display — the new-case pop-up, a notice, a non-modal dialog — goes behind it at once
(the briefing is raised over it and takes the keyboard back for the presenter's clicker). The
window is not closed: the operator finds it when the briefing ends, or on their own display. A
modal dialog is left in front: it blocks every other window until answered, the briefing included.
Menus, tooltips and drop-downs are the briefing's own or short-lived and are not touched."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

WATCHED_TYPES = (Qt.WindowType.Window, Qt.WindowType.Dialog, Qt.WindowType.Tool, Qt.WindowType.SplashScreen)


class FrontGuard(QObject):
    def __init__(self, briefing: QWidget) -> None:
        super().__init__(briefing)
        self.briefing = briefing
        self.sent_behind = 0  # how many windows were put behind (tests, the status line)
        self._pending = False
        self.active = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None and not self.active:
            app.installEventFilter(self)
            self.active = True

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None and self.active:
            app.removeEventFilter(self)
            self.active = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and self._intrudes(watched):
            self.sent_behind += 1
            if not self._pending:
                self._pending = True
                QTimer.singleShot(0, self._to_front)
        return False

    def _intrudes(self, widget: QWidget) -> bool:
        if not widget.isWindow() or widget is self.briefing or widget.windowType() not in WATCHED_TYPES:
            return False
        if widget.isModal() or widget.windowModality() != Qt.WindowModality.NonModal:
            return False
        return widget.screen() is self.briefing.screen()

    def _to_front(self) -> None:
        self._pending = False
        if self.briefing.isVisible():
            self.briefing.raise_()
            self.briefing.activateWindow()
