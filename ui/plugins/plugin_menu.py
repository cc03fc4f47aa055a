"""The Plugins menu: the plugin manager's entry, each panel's dock toggle (added by ``PluginDocks``)
and each plugin's own actions. A chosen action runs on the plugins' workers through the host, within
the hook bound, so an action that hangs neither freezes the window nor outlives its plugin."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from commandcenter.plugin_host.host import PluginHost
from commandcenter.plugin_host.records import PluginRecord
from commandcenter.plugins_api.contributions import MenuAction
from ui.background import BackgroundRunner


class PluginMenu:
    def __init__(self, runner: BackgroundRunner) -> None:
        self._runner = runner
        self.menu: QMenu | None = None
        self.actions: dict[tuple[str, str], QAction] = {}

    def install(self, menu: QMenu, manager_title: str, open_manager: Callable[[], None]) -> None:
        self.menu = menu
        menu.addAction(manager_title).triggered.connect(open_manager)
        menu.addSeparator()

    def place(self, host: PluginHost, plugin_ids: set[str]) -> None:
        for record, action in host.menu_actions():
            if record.id in plugin_ids:
                self._add(host, record, action)

    def _add(self, host: PluginHost, record: PluginRecord, action: MenuAction) -> None:
        if self.menu is None:
            return
        entry = self.menu.addAction(action.title)
        what = f"菜单 {action.id} (menu action)"
        entry.triggered.connect(
            lambda: self._runner.submit(lambda: host.call(record, what, action.trigger), _ignore)
        )
        self.actions[(record.id, action.id)] = entry

    def remove(self, plugin_ids: set[str]) -> None:
        for key in [key for key in self.actions if key[0] in plugin_ids]:
            action = self.actions.pop(key)
            if self.menu is not None:
                self.menu.removeAction(action)


def _ignore(_result: object) -> None:
    """A trigger's answer is not shown (its faults and outages are the host's business)."""
