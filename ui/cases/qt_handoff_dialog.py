"""转办 (联动): the centre hands a case to a department with its own deadline. A small modal dialog
over the case detail: the departments come from ``CaseService.departments`` on a worker, the hours
default to the category's disposal time (left empty: the service applies it), and the step itself is
the detail's — permission-checked, audited and refused in words like every other step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from commandcenter.domain.departments import DepartmentRecord
from commandcenter.services.case_service import CaseService
from ui.background import BackgroundRunner

MAX_HOURS = 24 * 30


class QtHandoffDialog(QDialog):
    def __init__(self, service: CaseService, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handoffDialog")
        self.setWindowTitle(self.tr("Hand to a department"))
        self.department = QComboBox(self)
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0, MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSpecialValueText(self.tr("Category's disposal time"))
        self.hours.setSuffix(self.tr(" working h"))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("What the department should do (optional)"))
        self.message = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        form = QFormLayout(self)
        form.addRow(self.tr("Department"), self.department)
        form.addRow(self.tr("Time allowed"), self.hours)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.message)
        form.addRow(self.buttons)
        runner.submit(
            service.departments, self._show_departments, lambda error: self.message.setText(str(error))
        )

    def _show_departments(self, departments: list[DepartmentRecord]) -> None:
        for department in departments:
            self.department.addItem(department.name, department.id)
        if not departments:
            self.message.setText(self.tr("The district has no departments yet."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(departments))

    def chosen(self) -> tuple[int, float | None, str]:
        """(department id, working hours or None for the category's, note)."""
        hours = self.hours.value()
        return int(self.department.currentData()), (hours if hours > 0 else None), self.note.text()
