"""新建班次 New shift: a shift template for the whole district — a name (早班, 中班 …) and its hours on
the district's wall clock; an end not after the start is a shift crossing midnight. Offered to who
may edit the district's templates (supervisors; an office user edits rosters only); the service
refuses a duplicate name or equal hours in one bilingual line, shown here with the form kept."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QTimeEdit, QWidget

from commandcenter.domain.duty import ShiftTemplate
from commandcenter.services.duty_service import DutyService
from ui.background import BackgroundRunner


class QtShiftDialog(QDialog):
    added = Signal(object)  # the stored ShiftTemplate

    def __init__(self, service: DutyService, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.setObjectName("dutyShift")
        self.setWindowTitle(self.tr("New shift"))
        self.name = QLineEdit(self)
        self.start, self.end = QTimeEdit(QTime(6, 0), self), QTimeEdit(QTime(14, 0), self)
        for editor in (self.start, self.end):
            editor.setDisplayFormat("HH:mm")
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Starts"), self.start)
        form.addRow(self.tr("Ends"), self.end)
        form.addRow(self.message)
        form.addRow(self.buttons)

    def submit(self) -> None:
        name = self.name.text()
        start = time(self.start.time().hour(), self.start.time().minute())
        end = time(self.end.time().hour(), self.end.time().minute())
        self.buttons.setEnabled(False)
        self._runner.submit(lambda: self._service.add_shift(name, start, end), self._saved, self._failed)

    def _saved(self, shift: ShiftTemplate) -> None:
        self.added.emit(shift)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(str(error))  # the core's bilingual line
