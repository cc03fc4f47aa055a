"""Plugins' panels as docks of the main window, each under a notice line of its own.

A panel's factory runs here, on the Qt thread (it builds widgets), guarded and timed by the host;
its jobs run through a ``PanelHost`` on the plugins' workers. The notice line says what is not the
plugin's fault — the database is unavailable, or the user's entry was refused — so the panel itself
stays as the plugin drew it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QVBoxLayout, QWidget

from commandcenter.plugin_host.host import PluginHost
from commandcenter.plugin_host.records import PluginRecord
from commandcenter.plugins_api.contributions import Panel
from ui.background import BackgroundRunner
from ui.plugins.panel_host import PanelHost


class PanelFrame(QWidget):
    """The plugin's widget under a notice line (hidden while there is nothing to say)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.notice = QLabel(self)
        self.notice.setObjectName("pluginPanelNotice")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.body: QWidget | None = None
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.addWidget(self.notice)

    def set_body(self, widget: QWidget) -> None:
        self.body = widget
        self._column.addWidget(widget, 1)

    def show_notice(self, text: str | None) -> None:
        self.notice.setText(text or "")
        self.notice.setVisible(bool(text))


class PluginDocks:
    def __init__(
        self, window: QMainWindow, runner: BackgroundRunner, *, unavailable_text: str, retry_s: float
    ) -> None:
        self._window = window
        self._runner = runner
        self._unavailable = unavailable_text
        self._retry_s = retry_s
        self.docks: dict[tuple[str, str], QDockWidget] = {}

    def place(self, host: PluginHost, plugin_ids: set[str], *, shown: bool, menu: QMenu | None) -> None:
        """A dock for each panel of these plugins."""
        for record, panel in host.panels():
            if record.id in plugin_ids:
                self._add(host, record, panel, shown, menu)

    def _add(
        self, host: PluginHost, record: PluginRecord, panel: Panel, shown: bool, menu: QMenu | None
    ) -> None:
        frame = PanelFrame(self._window)
        panel_host = PanelHost(
            frame,
            self._runner,
            host,
            record,
            frame.show_notice,
            unavailable_text=self._unavailable,
            retry_s=self._retry_s,
        )
        made = host.call_here(record, f"面板 {panel.id} (panel)", panel.create, panel_host, returns=QWidget)
        if not made.ok:
            frame.deleteLater()
            return
        frame.set_body(made.value)
        dock = QDockWidget(panel.title, self._window)
        dock.setObjectName(f"plugin_{record.id}_{panel.id}")
        dock.setWidget(frame)
        self._window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.setVisible(shown)
        if self.docks:
            self._window.tabifyDockWidget(next(iter(self.docks.values())), dock)
        self.docks[(record.id, panel.id)] = dock
        if menu is not None:
            menu.addAction(dock.toggleViewAction())

    def remove(self, plugin_ids: set[str], menu: QMenu | None) -> None:
        for key in [key for key in self.docks if key[0] in plugin_ids]:
            dock = self.docks.pop(key)
            if menu is not None:
                menu.removeAction(dock.toggleViewAction())
            self._window.removeDockWidget(dock)
            dock.deleteLater()
