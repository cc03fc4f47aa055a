"""The window side of the plugins under Xvfb: panels become docks, layers reach the map, cards show
values, the manager lists every plugin with its error and traceback, and a plugin that fails in a
panel, card or menu action loses its pieces while the window and the other plugins go on."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenuBar
from pytestqt.qtbot import QtBot

from commandcenter.config import PluginSettings, Settings
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.plugins_api.records import PluginState
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district
from plugins.wulibao_sanhui import records
from ui.app import create_application
from ui.background import BackgroundRunner
from ui.main_window import MainWindow
from ui.plugins.qt_plugins import QtPlugins
from ui.plugins.qt_record_panel import QtRecordPanel

BROKEN = Path(__file__).parents[1] / "data" / "plugins"


@pytest.fixture(autouse=True)
def _collect_on_the_qt_thread() -> None:
    """The previous test's widgets sit in reference cycles (callbacks holding their owners); collect
    them here, on the Qt thread, before a worker thread's garbage collection destroys them there
    ("QBasicTimer::start: Timers cannot be started from another thread")."""
    gc.collect()


@pytest.fixture
def small_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'small.sqlite'}")
    replace_all(store, minimal_district())
    yield store
    store.close()


@pytest.fixture
def plugins_ui(qtbot: QtBot, small_store: Store) -> Iterator[QtPlugins]:
    window = QMainWindow()  # destroyed by _destroy_on_this_thread, not qtbot
    window.setMenuBar(QMenuBar(window))
    plot = pg.PlotWidget(window)
    window.setCentralWidget(plot)
    runner = BackgroundRunner(window)
    settings = replace(Settings(), plugins=PluginSettings(folders=(str(BROKEN),)))
    plugins = QtPlugins(settings, services_for(small_store), runner, window, plot)
    plugins.install_menu(window.menuBar().addMenu("Plugins"))
    window.show()
    with qtbot.waitSignal(plugins.loaded, timeout=20_000):
        plugins.start()
    yield plugins
    plugins.stop()
    runner.shutdown()
    _destroy_on_this_thread(window)


def test_panels_layers_and_cards_of_the_shipped_plugins_are_placed(
    qtbot: QtBot, plugins_ui: QtPlugins
) -> None:
    panels = {key[0] for key in plugins_ui.panel_docks}
    assert {"wulibao_sanhui", "fuhua_volunteers", "jianzhong_kiosks", "songshan_assessment"} <= panels
    kiosk_layer = plugins_ui.layers[("jianzhong_kiosks", "kiosks")]
    qtbot.waitUntil(lambda: kiosk_layer.shown_points == 1, timeout=10_000)
    card = plugins_ui.cards.cards["jianzhong_kiosks/kiosks"]
    qtbot.waitUntil(lambda: card.value.text() == "1", timeout=10_000)
    kiosk_panel = plugins_ui.panel_docks[("jianzhong_kiosks", "kiosks")].widget()
    assert isinstance(kiosk_panel, QtRecordPanel)
    qtbot.waitUntil(lambda: kiosk_panel.table.rowCount() == 1, timeout=10_000)


def test_a_panel_that_raises_is_not_placed_and_its_plugin_loses_every_piece(
    qtbot: QtBot, plugins_ui: QtPlugins
) -> None:
    assert plugins_ui.host is not None
    boom = plugins_ui.host.record("cc_test_raising_hook")
    assert boom.state is PluginState.FAILED
    assert "panel" in boom.message
    qtbot.waitUntil(
        lambda: not any(key[0] == "cc_test_raising_hook" for key in plugins_ui.layers), timeout=5_000
    )
    assert not any(key.startswith("cc_test_raising_hook/") for key in plugins_ui.cards.cards)
    assert not any(key[0] == "cc_test_raising_hook" for key in plugins_ui.actions)
    assert plugins_ui.host.record("jianzhong_kiosks").state is PluginState.ACTIVE


def test_a_menu_action_runs_through_the_host(qtbot: QtBot, plugins_ui: QtPlugins) -> None:
    assert plugins_ui.host is not None
    hello = plugins_ui.actions[("example_hello", "hello")]
    hello.trigger()  # the example's action works
    assert plugins_ui.host.record("example_hello").state is PluginState.ACTIVE


def test_the_manager_lists_states_errors_and_the_traceback_on_demand(
    qtbot: QtBot, plugins_ui: QtPlugins
) -> None:
    plugins_ui.show_manager()
    manager = plugins_ui.manager
    assert manager is not None
    qtbot.waitUntil(lambda: manager.table.rowCount() == len(manager.records), timeout=5_000)
    row = next(i for i, record in enumerate(manager.records) if record.id == "cc_test_import_error")
    assert "cc_test_no_such_dependency" in manager.table.item(row, 5).text()
    manager.table.selectRow(row)
    manager.show_traceback()
    assert "Traceback" in manager.traceback.toPlainText()
    assert manager.traceback.isVisible()


def test_an_admin_enables_a_plugin_for_an_office_from_the_manager(
    qtbot: QtBot, plugins_ui: QtPlugins, small_store: Store
) -> None:
    from commandcenter.persistence.plugins.enablement import load_rules

    assert plugins_ui.seat.is_admin  # the district centre seat, until accounts exist
    plugins_ui.show_manager()
    manager = plugins_ui.manager
    assert manager is not None
    qtbot.waitUntil(lambda: manager.office.count() == 1, timeout=5_000)
    manager.table.selectRow(next(i for i, r in enumerate(manager.records) if r.id == "wulibao_sanhui"))
    done: list[bool] = []
    manager.set_for_office(True, on_done=lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True], timeout=5_000)
    assert [(r.plugin_id, r.target, r.enabled) for r in load_rules(small_store)] == [
        ("wulibao_sanhui", "建中街街道", True)
    ]


def test_a_meeting_and_its_follow_up_are_added_through_the_sanhui_panel(
    qtbot: QtBot, plugins_ui: QtPlugins
) -> None:
    tabs = plugins_ui.panel_docks[("wulibao_sanhui", "sanhui")].widget()
    meetings, followups = tabs.widget(0), tabs.widget(1)
    assert isinstance(meetings, QtRecordPanel)
    assert isinstance(followups, QtRecordPanel)
    qtbot.waitUntil(lambda: meetings.inputs["kind"].count() == 3, timeout=5_000)
    meetings.inputs["held_on"].setText("2026-11-20")
    meetings.inputs["topic"].setText("大学路占道经营整治")
    meetings.submit_form()
    qtbot.waitUntil(lambda: meetings.table.rowCount() == 1, timeout=5_000)
    assert meetings.table.item(0, 2).text() == "大学路占道经营整治"
    box = followups.inputs["meeting_id"]
    assert box.count() == 0
    followups.reload()  # the 跟进落实 tab's 刷新: the new meeting becomes a choice
    qtbot.waitUntil(lambda: box.count() == 1, timeout=5_000)
    followups.inputs["item"].setText("大学路早市清理")
    followups.inputs["owner"].setText("李明")
    yesterday = records.local_today() - timedelta(days=1)  # overdue on any date, at any hour
    followups.inputs["due_on"].setText(yesterday.isoformat())
    followups.submit_form()
    qtbot.waitUntil(lambda: followups.table.rowCount() == 1, timeout=5_000)
    assert followups.table.item(0, 4).text() == "逾期"
    followups.table.selectRow(0)
    followups.action_buttons[0].click()
    qtbot.waitUntil(lambda: followups.table.item(0, 3).text() == "已落实", timeout=5_000)


def test_a_kiosk_duty_hand_over_from_the_panel(qtbot: QtBot, plugins_ui: QtPlugins) -> None:
    panel = plugins_ui.panel_docks[("jianzhong_kiosks", "kiosks")].widget()
    assert isinstance(panel, QtRecordPanel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5_000)
    panel.table.selectRow(0)
    panel.inputs["name"].setText("接班人")
    panel.inputs["phone"].setText("13800000000")
    panel.action_buttons[0].click()
    qtbot.waitUntil(lambda: panel.table.item(0, 2).text() == "接班人", timeout=5_000)
    assert panel.table.item(0, 3).text() == "13800000000"


def test_the_main_window_keeps_working_beside_broken_plugins(
    qtbot: QtBot, shell_app: QApplication, district_store: Store
) -> None:
    """The real window with the shipped plugins and every broken one: it becomes ready, the office
    modules are placed, the broken ones are listed as failed, and the map and case queue go on."""
    settings = replace(Settings(status_poll_s=0.2), plugins=PluginSettings(folders=(str(BROKEN),)))
    create_application(settings)
    window = MainWindow(settings, services_for(district_store), wall_feeds=[], stream_urls=[], probe=None)
    try:
        window.show()
        with qtbot.waitSignals([window.ready, window.plugins.loaded], timeout=30_000):
            window.start()
        host = window.plugins.host
        assert host is not None
        failed = {record.id for record in host.records() if record.state is PluginState.FAILED}
        assert {"cc_test_import_error", "cc_test_raising_activate", "cc_test_raising_hook"} <= failed
        assert ("jianzhong_kiosks", "kiosks") in window.plugins.panel_docks
        assert window.plugins.menu is not None
        assert window.plugins.actions  # the example's menu action sits under the Plugins menu
        qtbot.waitUntil(lambda: window.map.segments_shown == 291, timeout=15_000)
        assert window.isVisible()
    finally:
        window.stop()
        _destroy_on_this_thread(window)


def _destroy_on_this_thread(window: QMainWindow) -> None:
    """Delete the window now, on the Qt thread: its widgets sit in reference cycles (callbacks
    holding their owners), and a garbage collection on a worker thread of a later test would
    otherwise destroy them there ("Timers cannot be started from another thread")."""
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
