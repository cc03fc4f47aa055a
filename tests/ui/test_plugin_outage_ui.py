"""The database goes away under the office modules on a real PostgreSQL: their cards say the database
is unavailable, the kiosk layer and panel say so too, no plugin is disabled, and once connections are
allowed again every card, layer and panel shows fresh values by itself — the office modules never
vanish from the leaders' screen (it used to take a restart)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import replace

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenuBar
from pytestqt.qtbot import QtBot

from commandcenter.config import Settings
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.demo_rows import seed_demo_rows
from commandcenter.plugin_host.records import PluginState
from commandcenter.plugin_host.startup import PluginLauncher
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.plugins import context_for
from plugins.jianzhong_kiosks import kiosks
from ui.plugins.plugin_docks import PanelFrame
from ui.plugins.qt_plugins import QtPlugins
from ui.plugins.qt_record_panel import QtRecordPanel

pytestmark = pytest.mark.postgres
READING = (  # the office modules' cards, which read the database (the example counts events)
    "jianzhong_kiosks/kiosks",
    "fuhua_volunteers/volunteers",
    "songshan_assessment/average_score",
    "wulibao_sanhui/open_followups",
)


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    store = Store.open(pg_url)
    replace_all(store, minimal_district())
    seed_demo_rows(store, entry_points=False)  # one kiosk on the district's one segment
    yield store
    store.close()


@pytest.fixture
def plugins(qtbot: QtBot, pg_store: Store) -> Iterator[QtPlugins]:
    gc.collect()
    window = QMainWindow()
    window.setMenuBar(QMenuBar(window))
    plot = pg.PlotWidget(window)
    window.setCentralWidget(plot)
    launcher = PluginLauncher(pg_store, entry_points=False)
    # no periodic refresh during the test: what refreshes after the outage is the retry
    plugins = QtPlugins(replace(Settings()), launcher, window, plot, refresh_s=3600, retry_s=0.5)
    window.show()
    with qtbot.waitSignal(plugins.loaded, timeout=20_000):
        plugins.start()
    yield plugins
    plugins.stop()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_an_outage_is_shown_and_retried_and_every_plugin_comes_back_with_fresh_values(
    qtbot: QtBot, plugins: QtPlugins, pg_store: Store, pg_gate: Callable[[bool], None]
) -> None:
    cards = plugins.cards.cards
    kiosk_card = cards["jianzhong_kiosks/kiosks"]
    layer = plugins.displays.layers[("jianzhong_kiosks", "kiosks")]
    frame = plugins.panel_docks[("jianzhong_kiosks", "kiosks")].widget()
    assert isinstance(frame, PanelFrame)
    panel = frame.body
    assert isinstance(panel, QtRecordPanel)
    qtbot.waitUntil(lambda: kiosk_card.value.text() == "1" and layer.shown_points == 1, timeout=15_000)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=15_000)
    context = context_for(pg_store, "jianzhong_kiosks")  # a second kiosk, not yet shown anywhere
    kiosks.add_kiosk(context, "大学路第二工作亭", context.segments("建中街街道")[0].id, duty_name="李娜")

    pg_gate(False)
    try:
        plugins.refresh()
        panel.reload()
        qtbot.waitUntil(lambda: all(cards[key].unavailable for key in READING), timeout=30_000)
        assert all(cards[key].detail.text() == plugins.unavailable_text for key in READING)
        qtbot.waitUntil(lambda: plugins.displays.layer_notice.isVisibleTo(plot_of(plugins)), timeout=15_000)
        # Each layer's failure lands on its own: the notice names the kiosks once theirs has.
        qtbot.waitUntil(lambda: "路长制工作亭" in plugins.displays.layer_notice.text(), timeout=15_000)
        qtbot.waitUntil(lambda: frame.notice.isVisibleTo(frame), timeout=15_000)
        assert frame.notice.text() == plugins.unavailable_text
        assert plugins.host is not None
        assert all(record.state is PluginState.ACTIVE for record in plugins.host.records())
    finally:
        pg_gate(True)

    qtbot.waitUntil(lambda: kiosk_card.value.text() == "2", timeout=30_000)  # fresh, by the retry alone
    qtbot.waitUntil(lambda: not any(card.unavailable for card in cards.values()), timeout=30_000)
    qtbot.waitUntil(lambda: layer.shown_points == 2 and panel.table.rowCount() == 2, timeout=30_000)
    assert not plugins.displays.layer_notice.isVisibleTo(plot_of(plugins))
    assert not frame.notice.isVisibleTo(frame)
    assert all(record.state is PluginState.ACTIVE for record in plugins.host.records())
    assert set(READING) < set(cards)  # every office module still on screen


def plot_of(plugins: QtPlugins) -> pg.PlotWidget:
    parent = plugins.displays.layer_notice.parentWidget()
    assert isinstance(parent, pg.PlotWidget)
    return parent
