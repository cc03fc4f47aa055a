"""The plugin manager view: every discovered plugin with version, offices, source, state and
message; the traceback of a failed plugin on demand; and switching a plugin on or off for an office
(stored centrally, applies at each seat's next start) through ``PluginService`` — as the signed-in
user, who needs the plugin-management permission: anyone else sees the controls greyed out, and an
attempt all the same is refused by the service, audited under their name and shown here."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.plugins import EnablementRule, Scope
from commandcenter.plugin_host.host import PluginHost
from commandcenter.plugin_host.records import PluginRecord, PluginState
from commandcenter.services.errors import AccessError, DatabaseUnavailable
from commandcenter.services.plugin_service import PluginService
from ui.background import BackgroundRunner
from ui.thread_bridge import ThreadBridge

log = logging.getLogger(__name__)


class QtPluginManager(QWidget):
    def __init__(
        self,
        host: PluginHost,
        runner: BackgroundRunner,
        service: PluginService | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pluginManager")
        self._host = host
        self._runner = runner
        self._service = service
        self._states = {
            PluginState.ACTIVE: self.tr("Active"),
            PluginState.FAILED: self.tr("Disabled after an error"),
            PluginState.NOT_ENABLED: self.tr("Not enabled here"),
            PluginState.INCOMPATIBLE: self.tr("Incompatible API"),
            PluginState.WAITING: self.tr("Waiting for the database"),
        }
        self._sources = {
            "shipped": self.tr("Built-in"),
            "folder": self.tr("Plugin folder"),
            "entry point": self.tr("Installed package"),
        }
        headers = [
            self.tr("Name"),
            self.tr("Version"),
            self.tr("Offices"),
            self.tr("Source"),
            self.tr("State"),
            self.tr("Message"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.traceback_button = QPushButton(self.tr("Show traceback"), self)
        self.traceback_button.clicked.connect(self.show_traceback)
        self.traceback = QPlainTextEdit(self)
        self.traceback.setReadOnly(True)
        self.traceback.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.traceback_button)
        self.office = QComboBox(self)
        self.status = QLabel("", self)
        if service is not None:  # somebody is signed in: the service decides what they may do
            self._add_admin_controls(buttons, service)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.table, 1)
        column.addLayout(buttons)
        column.addWidget(self.status)
        column.addWidget(self.traceback, 1)
        self.records: list[PluginRecord] = []
        self._bridge = ThreadBridge(self)
        host.changed.connect(lambda _record: self._bridge.post(self.refresh))  # from any thread
        self.refresh()

    def _add_admin_controls(self, buttons: QHBoxLayout, service: PluginService) -> None:
        buttons.addWidget(QLabel(self.tr("For office:"), self))
        buttons.addWidget(self.office)
        self.enable_button = QPushButton(self.tr("Enable"), self)
        self.disable_button = QPushButton(self.tr("Disable"), self)
        self.enable_button.clicked.connect(lambda: self.set_for_office(True))
        self.disable_button.clicked.connect(lambda: self.set_for_office(False))
        for button in (self.enable_button, self.disable_button):
            button.setEnabled(service.may_manage())
            buttons.addWidget(button)
        if not service.may_manage():
            self.status.setText(self.tr("Only an administrator may change where plugins load."))
        self._runner.submit(service.office_names, self._fill_offices, self._refused)

    def _fill_offices(self, names: list[str]) -> None:
        self.office.clear()
        self.office.addItems(names)

    def _refused(self, error: Exception) -> None:
        """The service said no, or the database is away: say so here (never a traceback)."""
        if isinstance(error, DatabaseUnavailable):
            self.status.setText(self.tr("Database unavailable; try again shortly."))
        elif isinstance(error, AccessError):
            self.status.setText(str(error))  # the core's bilingual refusal, as the login dialog shows it
        else:
            log.error("plugin manager: %s", error, exc_info=error)
            self.status.setText(self.tr("Not saved: an unexpected error was logged."))

    @Slot()
    def refresh(self) -> None:
        self.records = sorted(self._host.records(), key=lambda record: record.id)
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            cells = [
                record.name,
                record.version,
                "、".join(record.offices) or self.tr("All"),
                self._sources.get(record.source, record.source),
                self._states[record.state],
                record.message,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected(self) -> PluginRecord | None:
        row = self.table.currentRow()
        return self.records[row] if 0 <= row < len(self.records) else None

    def show_traceback(self) -> None:
        record = self.selected()
        if record is None:
            return
        self.traceback.setPlainText(record.traceback or record.message or self.tr("No error."))
        self.traceback.show()

    def set_for_office(self, enabled: bool, on_done: Callable[[], None] | None = None) -> None:
        record, office, service = self.selected(), self.office.currentText(), self._service
        if record is None or not office or service is None:
            return
        rule = EnablementRule(record.id, Scope.OFFICE, office, enabled)

        def saved(_result: object) -> None:
            self.status.setText(self.tr("Saved; applies at the next start of that office's workstations."))
            if on_done is not None:
                on_done()

        def refused(error: Exception) -> None:
            self._refused(error)
            if on_done is not None:
                on_done()

        self._runner.submit(lambda: service.set_rule(rule), saved, refused)
