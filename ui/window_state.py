"""Remember the window between sessions: geometry, dock layout and which views are open.

An INI file in the user config folder (explicit path, so ``COMMANDCENTER_HOME`` redirects it in
tests). ``STATE_VERSION`` guards the layout: when a release changes the docks, bump it and old saved
layouts are ignored instead of being forced onto docks that no longer match.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from commandcenter import paths

STATE_VERSION = 1
FILE_NAME = "window_state.ini"


@dataclass(frozen=True)
class SavedWindow:
    geometry: QByteArray
    dock_state: QByteArray
    open_views: list[str]  # objectNames of the docks that were visible
    full_screen: bool


def default_state_path() -> Path:
    return paths.config_dir() / FILE_NAME


class WindowStateFile:
    def __init__(self, path: Path | None = None, *, version: int = STATE_VERSION) -> None:
        self.path = path or default_state_path()
        self.version = version

    def _settings(self) -> QSettings:
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def save(self, window: QMainWindow, open_views: list[str]) -> None:
        settings = self._settings()
        settings.clear()
        settings.setValue("state_version", self.version)
        settings.setValue("window/geometry", window.saveGeometry())
        settings.setValue("window/dock_state", window.saveState(self.version))
        settings.setValue("window/open_views", ",".join(open_views))
        settings.setValue("window/full_screen", window.isFullScreen())
        settings.sync()

    def load(self) -> SavedWindow | None:
        """The saved state, or None when there is none, it is from another layout version, or the
        file is unreadable (a broken state file must never stop the application from starting)."""
        if not self.path.is_file():
            return None
        settings = self._settings()
        if settings.status() != QSettings.Status.NoError:
            return None
        try:
            if int(str(settings.value("state_version", -1))) != self.version:
                return None
        except (TypeError, ValueError):
            return None
        geometry = settings.value("window/geometry")
        dock_state = settings.value("window/dock_state")
        if not isinstance(geometry, QByteArray) or not isinstance(dock_state, QByteArray):
            return None
        views = str(settings.value("window/open_views", ""))
        full_screen = str(settings.value("window/full_screen", "false")).lower() == "true"
        return SavedWindow(geometry, dock_state, [v for v in views.split(",") if v], full_screen)

    def restore(self, window: QMainWindow) -> SavedWindow | None:
        """Apply geometry and dock layout; returns what was applied so the caller can reopen views."""
        saved = self.load()
        if saved is None:
            return None
        window.restoreGeometry(saved.geometry)
        window.restoreState(saved.dock_state, self.version)
        return saved
