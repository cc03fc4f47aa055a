"""The plugin manager view: every discovered plugin with version, offices, source, state and
message; the traceback of a failed plugin on demand; and, for an admin, switching a plugin on or
off for an office (stored centrally, applies at each seat's next start)."""

from __future__ import annotations

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
from commandcenter.persistence.district.queries import offices
from commandcenter.persistence.plugins.enablement import set_rule
from commandcenter.plugins_api.host import PluginHost
from commandcenter.plugins_api.records import PluginRecord, PluginState
from ui.background import BackgroundRunner
from ui.thread_bridge import ThreadBridge


class QtPluginManager(QWidget):
    def __init__(
        self,
        host: PluginHost,
        runner: BackgroundRunner,
        *,
        is_admin: bool,
        actor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pluginManager")
        self._host = host
        self._runner = runner
        self._actor = actor
        self._states = {
            PluginState.ACTIVE: self.tr("Active"),
            PluginState.FAILED: self.tr("Disabled after an error"),
            PluginState.NOT_ENABLED: self.tr("Not enabled here"),
            PluginState.INCOMPATIBLE: self.tr("Incompatible API"),
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
        if is_admin:
            self._add_admin_controls(buttons)
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

    def _add_admin_controls(self, buttons: QHBoxLayout) -> None:
        buttons.addWidget(QLabel(self.tr("For office:"), self))
        buttons.addWidget(self.office)
        self.enable_button = QPushButton(self.tr("Enable"), self)
        self.disable_button = QPushButton(self.tr("Disable"), self)
        self.enable_button.clicked.connect(lambda: self.set_for_office(True))
        self.disable_button.clicked.connect(lambda: self.set_for_office(False))
        buttons.addWidget(self.enable_button)
        buttons.addWidget(self.disable_button)
        self._runner.submit(lambda: [office.name for office in offices(self._host.store)], self._fill_offices)

    def _fill_offices(self, names: list[str]) -> None:
        self.office.clear()
        self.office.addItems(names)

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
        record, office = self.selected(), self.office.currentText()
        if record is None or not office:
            return
        rule = EnablementRule(record.id, Scope.OFFICE, office, enabled)
        store, actor = self._host.store, self._actor

        def saved(_result: object) -> None:
            self.status.setText(self.tr("Saved; applies at the next start of that office's workstations."))
            if on_done is not None:
                on_done()

        self._runner.submit(lambda: set_rule(store, rule, actor=actor, is_admin=True), saved)
