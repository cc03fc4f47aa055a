"""The window side of the plugins under Xvfb: panels become docks, layers reach the map, cards show
values, the manager lists every plugin with its error and traceback and changes enablement only for
an administrator, and a plugin that fails — raising, exiting or hanging in a panel, card, layer or
menu action — loses its pieces while the window and the other plugins go on."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenuBar
from pytestqt.qtbot import QtBot

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.config import PluginSettings, Settings
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.accounts.audit_log import read as read_audit
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.plugins.enablement import load_rules
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.demo_rows import seed_demo_rows
from commandcenter.plugin_host.guard import HookBounds
from commandcenter.plugin_host.records import PluginState
from commandcenter.plugin_host.startup import PluginLauncher
from commandcenter.services.plugin_service import PluginService
from commandcenter.testing.accounts import FAST_HASHING, PASSWORD, make_user, services_for
from commandcenter.testing.minimal_district import minimal_district
from plugins.wulibao_sanhui import records
from ui.app import create_application
from ui.main_window import MainWindow
from ui.plugins.plugin_docks import PanelFrame
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
    """The one-office district (建中街街道) with the plugins' demo rows: one kiosk on its segment."""
    store = Store.open(f"sqlite:///{tmp_path / 'small.sqlite'}")
    replace_all(store, minimal_district())
    seed_demo_rows(store, entry_points=False)
    yield store
    store.close()


OpenPlugins = Callable[..., QtPlugins]


@pytest.fixture
def open_plugins(qtbot: QtBot, small_store: Store) -> Iterator[OpenPlugins]:
    """``QtPlugins`` in a bare main window, loaded; stopped and deleted after the test."""
    opened: list[tuple[QtPlugins, QMainWindow]] = []

    def open_(folder: Path = BROKEN, *, service: PluginService | None = None, **kwargs: Any) -> QtPlugins:
        window = QMainWindow()  # destroyed by _destroy_on_this_thread, not qtbot
        window.setMenuBar(QMenuBar(window))
        plot = pg.PlotWidget(window)
        window.setCentralWidget(plot)
        settings = replace(Settings(), plugins=PluginSettings(folders=(str(folder),)))
        plugins = QtPlugins(
            settings, PluginLauncher(small_store, entry_points=False), window, plot, service=service, **kwargs
        )
        plugins.install_menu(window.menuBar().addMenu("Plugins"))
        window.show()
        with qtbot.waitSignal(plugins.loaded, timeout=20_000):
            plugins.start()
        opened.append((plugins, window))
        return plugins

    yield open_
    for plugins, window in opened:
        plugins.stop()
        _destroy_on_this_thread(window)


@pytest.fixture
def plugins_ui(open_plugins: OpenPlugins) -> QtPlugins:
    return open_plugins()


def test_panels_layers_and_cards_of_the_shipped_plugins_are_placed(
    qtbot: QtBot, plugins_ui: QtPlugins
) -> None:
    panels = {key[0] for key in plugins_ui.panel_docks}
    assert {"wulibao_sanhui", "fuhua_volunteers", "jianzhong_kiosks", "songshan_assessment"} <= panels
    kiosk_layer = plugins_ui.displays.layers[("jianzhong_kiosks", "kiosks")]
    qtbot.waitUntil(lambda: kiosk_layer.shown_points == 1, timeout=10_000)
    card = plugins_ui.cards.cards["jianzhong_kiosks/kiosks"]
    qtbot.waitUntil(lambda: card.value.text() == "1", timeout=10_000)
    kiosk_panel = _panel(plugins_ui, "jianzhong_kiosks", "kiosks")
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
        lambda: not any(key[0] == "cc_test_raising_hook" for key in plugins_ui.displays.layers), timeout=5_000
    )
    assert not any(key.startswith("cc_test_raising_hook/") for key in plugins_ui.cards.cards)
    assert not any(key[0] == "cc_test_raising_hook" for key in plugins_ui.actions)
    assert plugins_ui.host.record("jianzhong_kiosks").state is PluginState.ACTIVE


def test_a_menu_action_runs_on_a_worker_through_the_host(
    qtbot: QtBot, plugins_ui: QtPlugins, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="commandcenter.plugin.example_hello")
    plugins_ui.actions[("example_hello", "hello")].trigger()  # the example's action logs a greeting
    qtbot.waitUntil(lambda: any("你好" in record.getMessage() for record in caplog.records), timeout=5_000)
    greeting = next(record for record in caplog.records if "你好" in record.getMessage())
    assert greeting.threadName != "MainThread"  # not on the Qt thread
    assert plugins_ui.host is not None
    assert plugins_ui.host.record("example_hello").state is PluginState.ACTIVE


def test_hooks_that_exit_are_isolated_and_take_only_their_plugins_pieces(
    qtbot: QtBot, plugins_ui: QtPlugins
) -> None:
    """cc_test_exiting_hook's card calls sys.exit: the window stays, the plugin goes."""
    assert plugins_ui.host is not None
    exiting = plugins_ui.host.record("cc_test_exiting_hook")
    qtbot.waitUntil(lambda: exiting.state is PluginState.FAILED, timeout=10_000)
    assert "SystemExit" in exiting.message or "KeyboardInterrupt" in exiting.message
    qtbot.waitUntil(
        lambda: not any(key[0] == "cc_test_exiting_hook" for key in plugins_ui.actions), timeout=5_000
    )
    assert not any(key.startswith("cc_test_exiting_hook/") for key in plugins_ui.cards.cards)
    assert plugins_ui.host.record("jianzhong_kiosks").state is PluginState.ACTIVE


@pytest.fixture
def release_hanging() -> Iterator[None]:
    yield
    for name in ("cc_test_hanging_hook.plugin", "cc_test_hanging_activate.plugin"):
        module = sys.modules.get(name)
        if module is not None:
            module.RELEASE.set()
            module.RELEASE.clear()


@pytest.mark.usefixtures("release_hanging")
def test_hooks_that_never_return_freeze_neither_the_window_nor_the_other_plugins(
    qtbot: QtBot, open_plugins: OpenPlugins
) -> None:
    """The hanging plugin's activate, card, layer, menu action and panel job never return: loading
    finishes, the Qt thread keeps serving events (or waitUntil could not poll), the plugin is given up
    after the bound, and the office plugins' cards show their values."""
    plugins = open_plugins(BROKEN / "hanging", bounds=HookBounds(hook_s=0.5))
    assert plugins.host is not None
    plugins.actions[("cc_test_hanging_hook", "hang")].trigger()
    hanging = plugins.host.record("cc_test_hanging_hook")
    qtbot.waitUntil(lambda: hanging.state is PluginState.FAILED, timeout=10_000)
    assert "did not return within 0.5 s" in hanging.message
    assert plugins.host.record("cc_test_hanging_activate").state is PluginState.FAILED
    qtbot.waitUntil(
        lambda: not any(key[0] == "cc_test_hanging_hook" for key in plugins.panel_docks), timeout=5_000
    )
    kiosk_card = plugins.cards.cards["jianzhong_kiosks/kiosks"]
    qtbot.waitUntil(lambda: kiosk_card.value.text() == "1", timeout=10_000)


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


def _signed_in(store: Store, username: str, role: UserRole) -> PluginService:
    make_user(store, username, role)
    principal = Authenticator(store, hashing=FAST_HASHING).login(username, PASSWORD)
    return PluginService(store, principal)


def test_an_operator_cannot_change_where_plugins_load_and_is_audited(
    qtbot: QtBot, open_plugins: OpenPlugins, small_store: Store
) -> None:
    """Signed in as operator1 (值班员): the controls are greyed out, and an attempt all the same is
    refused by the service, shown in the manager and audited under operator1."""
    plugins = open_plugins(service=_signed_in(small_store, "operator1", UserRole.OPERATOR))
    plugins.show_manager()
    manager = plugins.manager
    assert manager is not None
    qtbot.waitUntil(lambda: manager.office.count() == 1, timeout=5_000)
    assert not manager.disable_button.isEnabled()
    manager.table.selectRow(next(i for i, r in enumerate(manager.records) if r.id == "jianzhong_kiosks"))
    done: list[bool] = []
    manager.set_for_office(False, on_done=lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True], timeout=5_000)
    assert "operator1" in manager.status.text()
    assert "permission denied" in manager.status.text()
    assert load_rules(small_store) == []
    denied = read_audit(small_store, action="access_denied")
    assert [(r.actor, r.target) for r in denied] == [("operator1", "plugin:jianzhong_kiosks")]
    assert read_audit(small_store, action="plugin_change") == []


def test_an_admin_enables_a_plugin_for_an_office_audited_under_the_admin(
    qtbot: QtBot, open_plugins: OpenPlugins, small_store: Store
) -> None:
    plugins = open_plugins(service=_signed_in(small_store, "admin", UserRole.ADMIN))
    plugins.show_manager()
    manager = plugins.manager
    assert manager is not None
    qtbot.waitUntil(lambda: manager.office.count() == 1, timeout=5_000)
    assert manager.enable_button.isEnabled()
    manager.table.selectRow(next(i for i, r in enumerate(manager.records) if r.id == "wulibao_sanhui"))
    done: list[bool] = []
    manager.set_for_office(True, on_done=lambda: done.append(True))
    qtbot.waitUntil(lambda: done == [True], timeout=5_000)
    assert [(r.plugin_id, r.target, r.enabled) for r in load_rules(small_store)] == [
        ("wulibao_sanhui", "建中街街道", True)
    ]
    changes = read_audit(small_store, action="plugin_change")
    assert [(r.actor, r.target, r.details["enabled"]) for r in changes] == [
        ("admin", "plugin:wulibao_sanhui", True)
    ]
    assert read_audit(small_store, action="access_denied") == []


def test_a_meeting_and_its_follow_up_are_added_through_the_sanhui_panel(
    qtbot: QtBot, plugins_ui: QtPlugins
) -> None:
    tabs = _panel(plugins_ui, "wulibao_sanhui", "sanhui")
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
    panel = _panel(plugins_ui, "jianzhong_kiosks", "kiosks")
    assert isinstance(panel, QtRecordPanel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5_000)
    panel.table.selectRow(0)
    panel.inputs["duty_name"].setText("接班人")
    panel.inputs["duty_phone"].setText("13800000000")
    panel.action_buttons[0].click()
    qtbot.waitUntil(lambda: panel.table.item(0, 2).text() == "接班人", timeout=5_000)
    assert panel.table.item(0, 3).text() == "13800000000"


def test_an_entry_the_user_must_correct_is_shown_on_the_panel_and_the_plugin_stays(
    qtbot: QtBot, plugins_ui: QtPlugins
) -> None:
    frame = plugins_ui.panel_docks[("jianzhong_kiosks", "kiosks")].widget()
    assert isinstance(frame, PanelFrame)
    panel = frame.body
    assert isinstance(panel, QtRecordPanel)
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=5_000)
    panel.submit_form()  # no name, no segment
    qtbot.waitUntil(lambda: frame.notice.isVisibleTo(frame), timeout=5_000)
    assert "不能为空" in frame.notice.text()
    assert plugins_ui.host is not None
    assert plugins_ui.host.record("jianzhong_kiosks").state is PluginState.ACTIVE
    panel.inputs["name"].setText("大学路工作亭")
    panel.submit_form()  # the segment drop-down holds the office's one segment
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=5_000)
    assert not frame.notice.isVisibleTo(frame)


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
        assert window.plugins.plugin_menu.menu is not None
        assert window.plugins.actions  # the example's menu action sits under the Plugins menu
        qtbot.waitUntil(lambda: window.map.segments_shown == 291, timeout=15_000)
        assert window.isVisible()
    finally:
        window.stop()
        _destroy_on_this_thread(window)


def _panel(plugins: QtPlugins, plugin_id: str, panel_id: str) -> Any:
    """The plugin's own widget in its dock (under the dock's notice line)."""
    frame = plugins.panel_docks[(plugin_id, panel_id)].widget()
    assert isinstance(frame, PanelFrame)
    return frame.body


def _destroy_on_this_thread(window: QMainWindow) -> None:
    """Delete the window now, on the Qt thread: its widgets sit in reference cycles (callbacks
    holding their owners), and a garbage collection on a worker thread of a later test would
    otherwise destroy them there ("Timers cannot be started from another thread")."""
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_the_widget_side_of_the_api_is_versioned_with_the_core_side() -> None:
    import commandcenter.plugins_api
    import ui.plugins

    assert ui.plugins.API_VERSION == commandcenter.plugins_api.API_VERSION
    assert {"PanelHost", "QtRecordPanel", "QtTabbedPanel"} <= set(ui.plugins.__all__)
    assert all(hasattr(ui.plugins, name) for name in ui.plugins.__all__)
