"""Wall windows on other monitors: "full screen" and "send to monitor" from the wall's toolbar.

A libVLC tile cannot move to another top-level window (re-parenting re-creates its native window
under the player), so a detached view is a new window with its own wall showing the same cameras in
the same layout — the media server fans the streams out, as it does for every other workstation.
Open windows are remembered per monitor (``commandcenter.wall.window_memory``) and reopened on start.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QVBoxLayout, QWidget

from commandcenter.domain.cameras import CameraFeed
from commandcenter.wall.layouts import layout_by_name
from commandcenter.wall.window_memory import WallWindowState, load_windows, save_windows
from ui.videowall.qt_wall import QtVideoWall


class WallWindow(QWidget):
    """A top-level window holding one wall; Esc leaves full screen, closing stops its players."""

    def __init__(self, manager: WallWindows, screen: QScreen) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("wallWindow")
        self.setWindowTitle(self.tr("Video wall") + f" — {screen.name()}")
        self._manager = manager
        self.screen_name = screen.name()
        self.wall = QtVideoWall(self)
        self.wall.toolbar.full_screen_requested.connect(self.toggle_full_screen)
        self.wall.toolbar.screens.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.wall)
        self.setGeometry(screen.availableGeometry())

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wall.stop_all()
        self._manager.forget(self)
        super().closeEvent(event)

    def state(self) -> WallWindowState:
        feeds = tuple(feed for feed in self.wall.feeds if feed is not None)
        return WallWindowState(self.screen_name, self.wall.layout_name, feeds, self.isFullScreen())


class WallWindows(QObject):
    """Opens, remembers and closes the detached wall windows of one main wall."""

    window_opened = Signal(object)  # a WallWindow, shown (platform PTZ attaches to its wall)

    def __init__(self, wall: QtVideoWall, memory_path: Path | None = None) -> None:
        super().__init__(wall)
        self._wall = wall
        self._path = memory_path
        self.windows: list[WallWindow] = []
        wall.toolbar.full_screen_requested.connect(self._full_screen_here)
        wall.toolbar.send_to_screen.connect(self._send_to)

    def open_on(self, screen: QScreen, layout: str, feeds: list[CameraFeed], full_screen: bool) -> WallWindow:
        window = WallWindow(self, screen)
        window.wall.show_feeds(feeds, layout_by_name(layout))
        window.showFullScreen() if full_screen else window.show()
        self.windows.append(window)
        self.window_opened.emit(window)
        return window

    def restore(self) -> None:
        screens = {screen.name(): screen for screen in QGuiApplication.screens()}
        for saved in load_windows(self._path):
            if saved.screen in screens:
                self.open_on(screens[saved.screen], saved.layout, list(saved.feeds), saved.full_screen)

    def close_all(self, *, remember: bool = True) -> None:
        """On exit: remember what is open (not in safe mode, which restored nothing), then close it."""
        if remember:
            save_windows([window.state() for window in self.windows], self._path)
        for window in list(self.windows):
            window.wall.stop_all()
            window.hide()
            window.deleteLater()
        self.windows.clear()

    def forget(self, window: WallWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _current_view(self) -> list[CameraFeed]:
        return [feed for feed in self._wall.feeds if feed is not None]

    def _full_screen_here(self) -> None:
        screen = self._wall.screen() or QGuiApplication.primaryScreen()
        self.open_on(screen, self._wall.layout_name, self._current_view(), full_screen=True)

    def _send_to(self, screen_name: str) -> None:
        for screen in QGuiApplication.screens():
            if screen.name() == screen_name:
                self.open_on(screen, self._wall.layout_name, self._current_view(), full_screen=True)
