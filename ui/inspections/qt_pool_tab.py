"""The inspector pool tab: who may be drawn (name, own office, where they come from, active) and, for
who may manage inspections, adding a staff member or a department's member and (de)activating one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.departments import DepartmentRecord
from commandcenter.domain.district import StaffSummary
from commandcenter.services.inspection_service import InspectionOverview, InspectionService
from ui.background import BackgroundRunner


class QtPoolTab(QWidget):
    changed = Signal()  # the pool was changed: the window reads it again

    def __init__(
        self,
        service: InspectionService,
        runner: BackgroundRunner,
        manager: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.inspector_ids: list[int] = []
        self.active_flags: list[bool] = []
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("poolTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Own office"), self.tr("From"), self.tr("Active")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName("poolMessage")
        self.message.setWordWrap(True)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        self.staff = QComboBox(self)
        self.staff.setObjectName("poolStaff")
        self.department = QComboBox(self)
        self.department.setObjectName("poolDepartment")
        self.member_name = QLineEdit(self)
        self.member_name.setObjectName("poolMemberName")
        self.member_name.setPlaceholderText(self.tr("Name of the department's member"))
        self.toggle_button = QPushButton(self.tr("Deactivate / activate"), self)
        if manager:
            column.addLayout(self._row(self.staff, self.tr("Add staff member"), self.add_staff))
            column.addLayout(
                self._row(
                    self.department, self.tr("Add department member"), self.add_member, self.member_name
                )
            )
            self.toggle_button.clicked.connect(self.toggle_active)
            buttons = QHBoxLayout()
            every = QPushButton(self.tr("Add every inspector on the staff"), self)
            every.setObjectName("poolAddEvery")
            every.clicked.connect(lambda: self._change(self.service.add_all_staff))
            buttons.addWidget(every)
            buttons.addWidget(self.toggle_button)
            buttons.addStretch(1)
            column.addLayout(buttons)
            self.runner.submit(self.service.candidates, self._candidates, self._refused)
        else:  # a reader: the controls are not laid out, and not shown
            for control in (self.staff, self.department, self.member_name, self.toggle_button):
                control.hide()
        column.addWidget(self.message)

    def _row(
        self, choice: QComboBox, label: str, act: Callable[[], None], extra: QWidget | None = None
    ) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(choice, 2)
        if extra is not None:
            row.addWidget(extra, 1)
        button = QPushButton(label, self)
        button.clicked.connect(act)
        row.addWidget(button)
        return row

    def _candidates(self, found: tuple[list[StaffSummary], list[DepartmentRecord]]) -> None:
        staff, departments = found
        self.staff.clear()
        for member in staff:
            self.staff.addItem(f"{member.name}（{member.role}）", member.id)
        self.department.clear()
        for department in departments:
            self.department.addItem(department.name, department.id)

    def show_overview(self, overview: InspectionOverview) -> None:
        self.inspector_ids = [inspector.id for inspector in overview.pool]
        self.active_flags = [inspector.active for inspector in overview.pool]
        self.table.setRowCount(len(overview.pool))
        for row, inspector in enumerate(overview.pool):
            home = "" if inspector.office_id is None else overview.offices.get(inspector.office_id, "")
            origin = self.tr("Staff") if inspector.staff_id is not None else self.tr("Department")
            active = self.tr("yes") if inspector.active else self.tr("no")
            for column, text in enumerate((inspector.name, home, origin, active)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def add_staff(self) -> None:
        staff_id = self.staff.currentData()
        if staff_id is not None:
            self._change(lambda: self.service.add_staff(int(staff_id)))

    def add_member(self) -> None:
        department_id, name = self.department.currentData(), self.member_name.text()
        if department_id is not None:
            self._change(lambda: self.service.add_department_member(name, int(department_id)))

    def toggle_active(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.inspector_ids):
            self.message.setText(self.tr("Choose an inspector first."))
            return
        inspector_id = self.inspector_ids[row]
        active = not self.active_flags[row]
        self._change(lambda: self.service.set_active(inspector_id, active))

    def _change(self, job: Callable[[], object]) -> None:
        self.message.setText(self.tr("Saving …"))
        self.runner.submit(job, self._changed, self._refused)

    def _changed(self, _result: object) -> None:
        self.message.setText(self.tr("Saved."))
        self.member_name.clear()
        self.changed.emit()

    def _refused(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" line
