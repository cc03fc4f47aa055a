"""The window's side of the plugins: loads them in the background, then places what they contribute —
a dock per panel, their menu actions under the Plugins menu, their layers on the map, their cards —
and keeps that in step with the host: a plugin the host disables loses its pieces, a plugin that
becomes active (after waiting for the database) gets them. The main window only calls
``QtPlugins``; plugins never see the window.

Every hook runs on the plugins' own workers (never the app's runner: a slow plugin must not delay
the map or the case queue), except a panel's factory, which builds widgets on the Qt thread. Cards
and layers refresh every ``refresh_s``; after a database outage they, and plugins waiting to be
activated, are tried again every ``retry_s`` until the database answers.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import replace
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from commandcenter.config import Settings
from commandcenter.domain_events import DomainEvents
from commandcenter.plugin_host.enablement import Seat
from commandcenter.plugin_host.guard import HookBounds
from commandcenter.plugin_host.host import PluginHost
from commandcenter.plugin_host.records import PluginState
from commandcenter.plugin_host.startup import PluginLauncher
from commandcenter.services.plugin_service import PluginService
from ui.background import BackgroundRunner
from ui.plugins.plugin_displays import PluginDisplays
from ui.plugins.plugin_docks import PluginDocks
from ui.plugins.plugin_menu import PluginMenu
from ui.plugins.qt_plugin_manager import QtPluginManager
from ui.thread_bridge import ThreadBridge

REFRESH_S = 30.0
RETRY_S = 5.0


def seat_from_settings(settings: Settings) -> Seat:
    return Seat(settings.plugins.office or None, settings.plugins.workstation or socket.gethostname())


class QtPlugins(QObject):
    loaded = Signal()  # plugins are loaded and their pieces placed

    def __init__(
        self,
        settings: Settings,
        launcher: PluginLauncher,
        window: QMainWindow,
        map_plot: pg.PlotWidget,
        *,
        service: PluginService | None = None,
        bounds: HookBounds | None = None,
        refresh_s: float = REFRESH_S,
        retry_s: float = RETRY_S,
    ) -> None:
        super().__init__(window)
        self.seat = seat_from_settings(settings)
        self._folders = [Path(folder) for folder in settings.plugins.folders]
        self._launcher = launcher
        self._service = service
        self._bounds = bounds
        self._runner = BackgroundRunner(self, max_workers=2)  # plugin hooks only
        self.events = DomainEvents()
        self.host: PluginHost | None = None
        self._running: PluginHost | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self.plugin_menu = PluginMenu(self._runner)
        self.unavailable_text = self.tr("Database unavailable; retrying shortly")
        self.displays = PluginDisplays(
            self._runner, map_plot, unavailable_text=self.unavailable_text, outage_seen=self._retry_soon
        )
        self.docks = PluginDocks(
            window, self._runner, unavailable_text=self.unavailable_text, retry_s=retry_s
        )
        self.cards = self.displays.cards
        self.cards_dock = self.displays.cards_dock(window, self.tr("Office modules"))
        self._placed: set[str] = set()
        self.manager: QtPluginManager | None = None
        self._refresh_timer = self._timer(refresh_s, self.refresh)
        self._retry_timer = self._timer(retry_s, self.retry)
        self._retry_timer.setSingleShot(True)

    def _timer(self, interval_s: float, slot: object) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(round(interval_s * 1000))
        timer.timeout.connect(slot)
        return timer

    @property
    def panel_docks(self) -> dict[tuple[str, str], QDockWidget]:
        return self.docks.docks

    @property
    def actions(self) -> dict[tuple[str, str], QAction]:
        return self.plugin_menu.actions

    def install_menu(self, menu: QMenu) -> None:
        self.plugin_menu.install(menu, self.tr("Plugin manager…"), self.show_manager)

    def start(self) -> None:
        self._runner.submit(self._load, self._placed_all)

    def stop(self) -> None:
        self._refresh_timer.stop()
        self._retry_timer.stop()
        if self.manager is not None:
            self.manager.close()
            self.manager.deleteLater()
            self.manager = None
        with self._lock:  # a load still running must not start a feed after this
            self._stopped = True
            host, self._running = self._running, None
        if host is not None:
            host.unload()
        self.events.unfollow()
        self._runner.shutdown()

    # ------------------------------------------------------------------ loading (worker thread)
    def _load(self) -> PluginHost:
        office = self._service.seat_office() if self._service is not None else None
        if office is not None:  # an office user's desk loads their office's modules
            self.seat = replace(self.seat, office=office)
        host = self._launcher.start(self.seat, self._folders, self.events, self._bounds)
        with self._lock:
            if self._stopped:
                host.unload()
                return host
            self._running = host
            host.follow_live_changes()
        return host

    def _placed_all(self, host: PluginHost) -> None:
        self.host = host
        self._bridge = ThreadBridge(self)
        host.changed.connect(lambda _r: self._bridge.post(self.sync))  # from any thread
        self.sync()
        self._refresh_timer.start()
        if host.waiting():
            self._retry_soon()
        self.loaded.emit()

    # ------------------------------------------------------------------ keeping the pieces in step
    @Slot()
    def sync(self) -> None:
        """Take away the pieces of every plugin no longer active; place those of newly active ones."""
        if self.host is None:
            return
        host = self.host
        active = {record.id for record in host.records() if record.state is PluginState.ACTIVE}
        gone, new = self._placed - active, active - self._placed
        menu = self.plugin_menu.menu
        if gone:
            self.docks.remove(gone, menu)
            self.displays.remove(gone)
            self.plugin_menu.remove(gone)
        if new:  # an office seat opens its modules; the centre lists them
            self.docks.place(host, new, shown=self.seat.office is not None, menu=menu)
            self.plugin_menu.place(host, new)
            self.displays.place(host, new)
        self._placed = active
        self.cards_dock.setVisible(bool(self.cards.cards))

    @Slot()
    def refresh(self) -> None:
        """Ask every card and layer again (every ``refresh_s``, and after an outage)."""
        if self.host is not None:
            self.displays.refresh(self.host)

    def _retry_soon(self) -> None:
        if not self._retry_timer.isActive() and not self._stopped:
            self._retry_timer.start()

    @Slot()
    def retry(self) -> None:
        """After an outage: cards and layers again, and plugins still waiting to be activated."""
        host = self.host
        if host is None:
            return
        self.refresh()
        if host.waiting():
            self._runner.submit(host.retry_waiting, lambda _woken: self._retry_if_waiting(host))

    def _retry_if_waiting(self, host: PluginHost) -> None:
        if host.waiting():
            self._retry_soon()

    def show_manager(self) -> None:
        if self.host is None:
            return
        if self.manager is None:
            self.manager = QtPluginManager(self.host, self._runner, self._service)
            self.manager.setWindowTitle(self.tr("Plugin manager"))
            self.manager.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.manager.resize(900, 420)
        self.manager.show()
        self.manager.raise_()
