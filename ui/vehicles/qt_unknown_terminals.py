"""系统 ▸ 未登记终端: the terminals that connected to a gateway with an id no vehicle has — listed for the
administrator, never silently dropped. Read through ``services.terminals`` on a worker; newest first.
登记到车辆… (the button, or a double-click on a row) gives the terminal's id to a vehicle
(``qt_register_terminal``); the list is then read again and the row is gone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.desk_commands import UnknownTerminalRecord
from commandcenter.services.terminal_service import TerminalService
from ui.background import BackgroundRunner
from ui.district_time import stamp_text
from ui.vehicles.qt_register_terminal import QtRegisterTerminal


class QtUnknownTerminals(QDialog):
    def __init__(
        self, service: TerminalService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self._terminals: list[UnknownTerminalRecord] = []
        self._note = ""  # what the last registration did, said beside the count
        self.setObjectName("unknownTerminals")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowTitle(self.tr("Unknown terminals"))
        self.resize(760, 420)
        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Terminal id"),
                self.tr("Plate (as registered)"),
                self.tr("First seen"),
                self.tr("Last seen"),
                self.tr("Frames"),
                self.tr("Address"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message = QLabel(self.tr("Loading …"), self)
        self.register_button = QPushButton(self.tr("Register to vehicle…"), self)
        self.register_button.setEnabled(False)
        self.register_button.setVisible(service.may_register())
        column = QVBoxLayout(self)
        column.addWidget(
            QLabel(self.tr("Select a terminal and register it to its vehicle (or double-click it)."), self)
        )
        column.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.register_button)
        column.addLayout(bottom)
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_register())
        self.register_button.clicked.connect(self.open_register)
        self.reload()

    def reload(self) -> None:
        self._runner.submit(
            self._service.unknown_terminals, self._show, lambda error: self.message.setText(str(error))
        )

    def open_register(self) -> QtRegisterTerminal | None:
        """登记到车辆… for the selected terminal (administrators only)."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self._service.may_register():
            return None
        dialog = QtRegisterTerminal(self._terminals[rows[0].row()], self._service, self._runner, self)
        dialog.registered.connect(self._registered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _registered(self, terminal_id: str, plate: str) -> None:
        self._note = self.tr("Terminal %1 registered to %2.").replace("%1", terminal_id).replace("%2", plate)
        self.reload()

    def _selected(self) -> None:
        self.register_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def _show(self, terminals: list[UnknownTerminalRecord]) -> None:
        self._terminals = terminals
        self.table.setRowCount(len(terminals))
        for row, terminal in enumerate(terminals):
            cells = (
                terminal.terminal_id,
                terminal.plate or "—",
                stamp_text(terminal.first_seen),
                stamp_text(terminal.last_seen),
                str(terminal.frames),
                terminal.last_remote,
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self._selected()
        count = self.tr("%1 unknown terminals").replace("%1", str(len(terminals)))
        self.message.setText(f"{self._note}  {count}" if self._note else count)
