"""系统 ▸ 未登记终端: the terminals that connected to a gateway with an id no vehicle has — listed for the
administrator (who then registers the vehicle's terminal id in 基础数据), never silently dropped. Read
through ``services.terminals`` on a worker; newest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from commandcenter.domain.desk_commands import UnknownTerminalRecord
from commandcenter.services.terminal_service import TerminalService
from ui.background import BackgroundRunner
from ui.district_time import stamp_text


class QtUnknownTerminals(QDialog):
    def __init__(
        self, service: TerminalService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
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
        self.message = QLabel(self.tr("Loading …"), self)
        column = QVBoxLayout(self)
        column.addWidget(
            QLabel(self.tr("Register these ids as vehicles' terminals under District data."), self)
        )
        column.addWidget(self.table, 1)
        column.addWidget(self.message)
        runner.submit(service.unknown_terminals, self._show, lambda error: self.message.setText(str(error)))

    def _show(self, terminals: list[UnknownTerminalRecord]) -> None:
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
        self.message.setText(self.tr("%1 unknown terminals").replace("%1", str(len(terminals))))
