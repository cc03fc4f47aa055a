"""The window's side of the plugins: loads them in the background, then places what they contribute —
a dock per panel, their menu actions under the Plugins menu, their layers on the map, their cards —
and takes a plugin's pieces away again when the host disables it. The main window only calls
``QtPlugins``; plugins never see the window.
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QMenu, QScrollArea

from commandcenter.config import Settings
from commandcenter.domain_events import DomainEvents
from commandcenter.persistence.change_feed import ChangeFeed, open_change_feed
from commandcenter.persistence.store import Store
from commandcenter.plugins_api.contributions import CardValue
from commandcenter.plugins_api.enablement import Seat
from commandcenter.plugins_api.host import PluginHost
from commandcenter.plugins_api.records import PluginRecord, PluginState
from commandcenter.plugins_api.startup import start_plugins
from ui.background import BackgroundRunner
from ui.plugins.panel_host import PanelHost
from ui.plugins.qt_map_layers import QtPluginLayer
from ui.plugins.qt_plugin_cards import QtPluginCard, QtPluginCards
from ui.plugins.qt_plugin_manager import QtPluginManager
from ui.thread_bridge import ThreadBridge

log = logging.getLogger(__name__)
CARD_REFRESH_S = 30.0


def seat_from_settings(settings: Settings) -> Seat:
    """Until accounts exist (issue 7) the district centre seat (no office configured) is the admin."""
    office = settings.plugins.office or None
    return Seat(office, settings.plugins.workstation or socket.gethostname(), is_admin=office is None)


class QtPlugins(QObject):
    loaded = Signal()  # plugins are loaded and their pieces placed

    def __init__(
        self,
        settings: Settings,
        store: Store,
        runner: BackgroundRunner,
        window: QMainWindow,
        map_plot: pg.PlotWidget,
    ) -> None:
        super().__init__(window)
        self.seat = seat_from_settings(settings)
        self._folders = [Path(folder) for folder in settings.plugins.folders]
        self._store = store
        self._runner = runner
        self._window = window
        self._map_plot = map_plot
        self.events = DomainEvents()
        self.host: PluginHost | None = None
        self._feed: ChangeFeed | None = None
        self._feed_lock = threading.Lock()
        self._stopped = False
        self.menu: QMenu | None = None
        self.cards = QtPluginCards()
        scroller = QScrollArea()  # the cards' labels must not set the window's minimum size
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.cards)
        self.cards_dock = self._dock("pluginCardsDock", self.tr("Office modules"), scroller)
        self.cards_dock.hide()  # until there are cards to show
        self.panel_docks: dict[tuple[str, str], QDockWidget] = {}
        self.actions: dict[tuple[str, str], QAction] = {}
        self.layers: dict[tuple[str, str], QtPluginLayer] = {}
        self.manager: QtPluginManager | None = None
        self._card_timer = QTimer(self)
        self._card_timer.setInterval(round(CARD_REFRESH_S * 1000))
        self._card_timer.timeout.connect(self.refresh_cards)

    def install_menu(self, menu: QMenu) -> None:
        self.menu = menu
        manager = menu.addAction(self.tr("Plugin manager…"))
        manager.triggered.connect(self.show_manager)
        menu.addSeparator()

    def start(self) -> None:
        self._runner.submit(self._load, self._placed)

    def stop(self) -> None:
        self._card_timer.stop()
        if self.manager is not None:
            self.manager.close()
            self.manager.deleteLater()
            self.manager = None
        if self.host is not None:
            self.host.unload()
        with self._feed_lock:  # a load still running must not start a feed after this
            self._stopped = True
            feed, self._feed = self._feed, None
        self.events.unfollow()
        if feed is not None:
            feed.stop()

    # ------------------------------------------------------------------ loading (worker thread)
    def _load(self) -> PluginHost:
        host = start_plugins(self._store, self.seat, self._folders, events=self.events)
        try:
            feed = open_change_feed(self._store)
        except ValueError as error:  # an in-memory database has no feed; plugins get no events
            log.info("plugins get no domain events: %s", error)
        else:
            with self._feed_lock:
                if not self._stopped:
                    feed.start()
                    self.events.follow(feed)
                    self._feed = feed
        return host

    def _placed(self, host: PluginHost) -> None:
        self.host = host
        self._bridge = ThreadBridge(self)
        host.changed.connect(lambda _r: self._bridge.post(self.sync))  # from any thread
        for record, panel in host.panels():
            self._add_panel(record, panel.id, panel.title, panel.create)
        for record, action in host.menu_actions():
            self._add_action(record, action.id, action.title, action.trigger)
        for record, layer in host.layers():
            self._add_layer(record, layer.id, layer.title, layer.provide)
        for record, card in host.cards():
            self.cards.add_card(f"{record.id}/{card.id}", card.title)
        self.cards_dock.setVisible(bool(self.cards.cards))
        self.refresh_cards()
        self._card_timer.start()
        self.loaded.emit()

    # ------------------------------------------------------------------ placing contributions
    def _dock(self, name: str, title: str, body: object) -> QDockWidget:
        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(body)  # type: ignore[arg-type]
        self._window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        return dock

    def _add_panel(self, record: PluginRecord, panel_id: str, title: str, create: object) -> None:
        assert self.host is not None
        host = self.host
        panel_host = PanelHost(self._window, self._runner, lambda fault: host.disable(record, fault))
        widget = host.call(record, f"面板 {panel_id} (panel)", create, panel_host)  # type: ignore[arg-type]
        if widget is None:
            return
        dock = self._dock(f"plugin_{record.id}_{panel_id}", title, widget)
        dock.setVisible(
            self.seat.office is not None
        )  # an office seat opens its modules; the centre lists them
        if self.panel_docks:
            self._window.tabifyDockWidget(next(iter(self.panel_docks.values())), dock)
        self.panel_docks[(record.id, panel_id)] = dock
        if self.menu is not None:
            self.menu.addAction(dock.toggleViewAction())

    def _add_action(self, record: PluginRecord, action_id: str, title: str, trigger: object) -> None:
        if self.menu is None:
            return
        assert self.host is not None
        host = self.host
        action = self.menu.addAction(title)
        action.triggered.connect(lambda: host.call(record, f"菜单 {action_id} (menu action)", trigger))  # type: ignore[arg-type]
        self.actions[(record.id, action_id)] = action

    def _add_layer(self, record: PluginRecord, layer_id: str, title: str, provide: object) -> None:
        assert self.host is not None
        host = self.host
        layer = QtPluginLayer(self._map_plot, title)
        self.layers[(record.id, layer_id)] = layer
        self._runner.submit(
            lambda: host.call(record, f"地图图层 {layer_id} (map layer)", provide),  # type: ignore[arg-type]
            lambda data: _unless_none(layer.show, data),
        )

    @Slot()
    def refresh_cards(self) -> None:
        if self.host is None:
            return
        host = self.host
        for record, card in host.cards():
            widget = self.cards.cards.get(f"{record.id}/{card.id}")
            if widget is not None:
                self._card(host, record, card.id, card.value, widget)

    def _card(
        self,
        host: PluginHost,
        record: PluginRecord,
        card_id: str,
        value: Callable[[], CardValue],
        widget: QtPluginCard,
    ) -> None:
        self._runner.submit(
            lambda: host.call(record, f"看板卡片 {card_id} (card)", value),
            lambda answer: _unless_none(widget.show_value, answer),
        )

    @Slot()
    def sync(self) -> None:
        """Take away the pieces of every plugin the host has disabled."""
        if self.host is None:
            return
        gone = {record.id for record in self.host.records() if record.state is not PluginState.ACTIVE}
        for key in [key for key in self.panel_docks if key[0] in gone]:
            dock = self.panel_docks.pop(key)
            self._window.removeDockWidget(dock)
            dock.deleteLater()
        for key in [key for key in self.actions if key[0] in gone]:
            action = self.actions.pop(key)
            if self.menu is not None:
                self.menu.removeAction(action)
        for key in [key for key in self.layers if key[0] in gone]:
            self.layers.pop(key).remove()
        for card_key in [card_key for card_key in self.cards.cards if card_key.split("/")[0] in gone]:
            self.cards.remove_card(card_key)

    def show_manager(self) -> None:
        if self.host is None:
            return
        if self.manager is None:
            self.manager = QtPluginManager(
                self.host, self._runner, is_admin=self.seat.is_admin, actor=self.seat.workstation
            )
            self.manager.setWindowTitle(self.tr("Plugin manager"))
            self.manager.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
            self.manager.resize(900, 420)
        self.manager.show()
        self.manager.raise_()


def _unless_none(show: Callable[[Any], None], value: Any) -> None:
    """A disabled plugin's hook returns None: nothing to show."""
    if value is not None:
        show(value)
