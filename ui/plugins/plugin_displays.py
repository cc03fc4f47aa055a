"""Plugins' cards and map layers: placed, refreshed through the host on the plugins' workers, removed.

Each refresh asks every card for its value and every layer for its data. A hook that fails is the
plugin's fault and the host disables it (its pieces go with the next sync); a hook stopped by a
database outage leaves the card saying "unavailable" (a layer keeps what it drew and is named in the
map's notice) and ``outage_seen`` tells the owner to refresh again soon.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QFrame, QMainWindow, QScrollArea

from commandcenter.plugin_host.guard import CallResult
from commandcenter.plugin_host.host import PluginHost
from commandcenter.plugin_host.records import PluginRecord
from commandcenter.plugins_api.contributions import CardValue, DashboardCard, LayerData, MapLayer
from ui.background import BackgroundRunner
from ui.plugins.qt_map_layers import LayerNotice, QtPluginLayer
from ui.plugins.qt_plugin_cards import QtPluginCard, QtPluginCards


class PluginDisplays:
    def __init__(
        self,
        runner: BackgroundRunner,
        map_plot: pg.PlotWidget,
        *,
        unavailable_text: str,
        outage_seen: Callable[[], None],
    ) -> None:
        self._runner = runner
        self._plot = map_plot
        self._unavailable = unavailable_text
        self._outage_seen = outage_seen
        self.cards = QtPluginCards()
        self.layers: dict[tuple[str, str], QtPluginLayer] = {}
        self._card_hooks: dict[str, tuple[PluginRecord, DashboardCard]] = {}
        self._layer_hooks: dict[tuple[str, str], tuple[PluginRecord, MapLayer]] = {}
        self.layer_notice = LayerNotice(map_plot)

    def cards_dock(self, window: QMainWindow, title: str) -> QDockWidget:
        """The cards' dock (hidden until there are cards); a scroll area keeps the cards' labels
        from setting the window's minimum size."""
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(self.cards)
        dock = QDockWidget(title, window)
        dock.setObjectName("pluginCardsDock")
        dock.setWidget(scroller)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.hide()
        return dock

    # ------------------------------------------------------------------ placing
    def place(self, host: PluginHost, plugin_ids: set[str]) -> None:
        """The cards and layers of these plugins, then one refresh of all."""
        for record, card in host.cards():
            if record.id in plugin_ids:
                self.add_card(record, card)
        for record, layer in host.layers():
            if record.id in plugin_ids:
                self.add_layer(record, layer)
        self.refresh(host)

    def add_card(self, record: PluginRecord, card: DashboardCard) -> None:
        key = f"{record.id}/{card.id}"
        self.cards.add_card(key, card.title)
        self._card_hooks[key] = (record, card)

    def add_layer(self, record: PluginRecord, layer: MapLayer) -> None:
        self.layers[(record.id, layer.id)] = QtPluginLayer(self._plot, layer.title)
        self._layer_hooks[(record.id, layer.id)] = (record, layer)

    def remove(self, plugin_ids: set[str]) -> None:
        for card_key in [key for key in self._card_hooks if key.split("/")[0] in plugin_ids]:
            del self._card_hooks[card_key]
            self.cards.remove_card(card_key)
        for layer_key in [key for key in self._layer_hooks if key[0] in plugin_ids]:
            del self._layer_hooks[layer_key]
            self.layers.pop(layer_key).remove()
        self.layer_notice.show_for(self.layers.values(), self._unavailable)

    # ------------------------------------------------------------------ refreshing
    def refresh(self, host: PluginHost) -> None:
        for key, (record, card) in list(self._card_hooks.items()):
            ask = partial(host.call, record, f"看板卡片 {card.id} (card)", card.value, returns=CardValue)
            self._runner.submit(ask, partial(self._card_answered, key))
        for layer_key, (record, layer) in list(self._layer_hooks.items()):
            what = f"地图图层 {layer.id} (map layer)"
            ask = partial(host.call, record, what, layer.provide, returns=LayerData)
            self._runner.submit(ask, partial(self._layer_answered, layer_key))

    def _card_answered(self, key: str, result: CallResult) -> None:
        widget: QtPluginCard | None = self.cards.cards.get(key)
        if widget is None or key not in self._card_hooks:
            return  # removed meanwhile
        if result.outage is not None:
            widget.show_unavailable(self._unavailable)
            self._outage_seen()
        elif result.ok:
            widget.show_value(result.value)

    def _layer_answered(self, key: tuple[str, str], result: CallResult) -> None:
        layer = self.layers.get(key)
        if layer is None:
            return
        if result.outage is not None:
            layer.unavailable = True
            self._outage_seen()
        elif result.ok:
            layer.show(result.value)
        self.layer_notice.show_for(self.layers.values(), self._unavailable)
