"""登记到车辆…: the administrator gives an unknown terminal's id to a vehicle, picked by plate (vehicles
without a terminal first). The id is written by ``services.terminals.register_terminal`` — the
district editor's vehicle edit, with its permission and history — on a worker; a refusal (the id on
another vehicle, the vehicle gone) is shown as the core's one line and nothing changes."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.desk_commands import UnknownTerminalRecord, VehicleChoice
from commandcenter.services.errors import EditRefused
from commandcenter.services.terminal_service import TerminalService
from ui.background import BackgroundRunner
from ui.district.edit_words import refusal_text
from ui.district.failures import failure_text

SEARCH_DELAY_MS = 250  # typing a plate asks once it pauses


class QtRegisterTerminal(QDialog):
    registered = Signal(str, str)  # terminal id, plate

    def __init__(
        self,
        terminal: UnknownTerminalRecord,
        service: TerminalService,
        runner: BackgroundRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("registerTerminal")
        self.setWindowTitle(self.tr("Register terminal to a vehicle"))
        self.resize(640, 420)
        self._terminal, self._service, self._runner = terminal, service, runner
        self._choices: list[VehicleChoice] = []
        self._asked = 0  # the newest search; older answers are dropped
        heading = self.tr("Terminal %1").replace("%1", terminal.terminal_id)
        if terminal.plate:
            heading += "  " + self.tr("(reported plate %1)").replace("%1", terminal.plate)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by plate"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Plate"), self.tr("Kind"), self.tr("Company"), self.tr("Office"), self.tr("Terminal")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.message = QLabel(self.tr("Loading …"), self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.register_button = QPushButton(self.tr("Register"), self)
        self.register_button.setEnabled(False)
        buttons.addButton(self.register_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(heading, self))
        column.addWidget(self.search)
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        column.addWidget(buttons)
        self._typing = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._typing.timeout.connect(self._ask)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.table.itemSelectionChanged.connect(self._selected)
        self.table.itemDoubleClicked.connect(lambda _item: self.register())
        self.register_button.clicked.connect(self.register)
        self._ask()

    def chosen(self) -> VehicleChoice | None:
        rows = self.table.selectionModel().selectedRows()
        return self._choices[rows[0].row()] if rows else None

    def register(self) -> None:
        vehicle = self.chosen()
        if vehicle is None or not self.register_button.isEnabled():
            return
        self.register_button.setEnabled(False)
        self.message.setText(self.tr("Registering …"))
        terminal_id = self._terminal.terminal_id
        self._runner.submit(
            lambda: self._service.register_terminal(terminal_id, vehicle.id),
            lambda _outcome: self._registered(vehicle),
            self._failed,
        )

    def _ask(self) -> None:
        self._asked += 1
        asked, text = self._asked, self.search.text().strip()
        self._runner.submit(
            lambda: self._service.vehicle_choices(text),
            lambda choices: self._show(asked, choices),
            self._failed,
        )

    def _show(self, asked: int, choices: list[VehicleChoice]) -> None:
        if asked != self._asked:
            return
        self._choices = choices
        self.table.setRowCount(len(choices))
        for row, vehicle in enumerate(choices):
            cells = (vehicle.plate, vehicle.kind, vehicle.company, vehicle.office, vehicle.terminal_id or "—")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.message.setText(
            self.tr("Vehicles found: %1 (those without a terminal first)").replace("%1", str(len(choices)))
        )
        self._selected()

    def _selected(self) -> None:
        vehicle = self.chosen()
        self.register_button.setEnabled(vehicle is not None)
        if vehicle is not None and vehicle.terminal_id:
            self.message.setText(
                self.tr("%1 has terminal %2 now; registering replaces it.")
                .replace("%1", vehicle.plate)
                .replace("%2", vehicle.terminal_id)
            )

    def _registered(self, vehicle: VehicleChoice) -> None:
        self.registered.emit(self._terminal.terminal_id, vehicle.plate)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.message.setText(refusal_text(error) if isinstance(error, EditRefused) else failure_text(error))
        self.register_button.setEnabled(self.chosen() is not None)
