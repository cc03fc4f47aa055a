"""排班 Roster entries: the office's weekly entries valid in the shown week (person, segment, shift,
weekdays, from–to), 添加排班… to put someone on a segment's shift on some weekdays, 移出排班 to remove
the selected entry. The edits go through ``services.duty`` on the runner; a refusal is said in the
window's status line (``failed``), the table is read again after a change (``changed``)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.duty import NewRosterEntry, RosterEntry
from commandcenter.services.duty_service import DutyChoices, DutyService
from ui.background import BackgroundRunner
from ui.duty.duty_words import weekday_name
from ui.duty.qt_shift_dialog import QtShiftDialog


def _python_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class QtRosterEntryDialog(QDialog):
    added = Signal(object)  # the stored RosterEntry

    def __init__(
        self,
        service: DutyService,
        runner: BackgroundRunner,
        choices: DutyChoices,
        office_id: int | None,
        day: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.setObjectName("rosterEntry")
        self.setWindowTitle(self.tr("Add to roster"))
        self.person, self.segment, self.shift = QComboBox(self), QComboBox(self), QComboBox(self)
        for member in choices.staff:
            if office_id in (None, member.office_id):
                self.person.addItem(member.name, member.id)
        for segment in choices.segments:
            if office_id in (None, segment.office_id):
                self.segment.addItem(f"{segment.number} {segment.name}", segment.id)
        for shift in choices.shifts:
            self.shift.addItem(f"{shift.name} {shift.start:%H:%M}–{shift.end:%H:%M}", shift.id)
        self.weekdays = [QCheckBox(weekday_name(index), self) for index in range(7)]
        for box in self.weekdays:
            box.setChecked(True)
        self.valid_from = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.valid_from.setCalendarPopup(True)
        self.valid_from.setDisplayFormat("yyyy-MM-dd")
        self.open_ended = QCheckBox(self.tr("Until further notice"), self)
        self.open_ended.setChecked(True)
        self.valid_to = QDateEdit(QDate(day.year, day.month, day.day).addDays(27), self)
        self.valid_to.setDisplayFormat("yyyy-MM-dd")
        self.valid_to.setEnabled(False)
        self.open_ended.toggled.connect(lambda on: self.valid_to.setEnabled(not on))
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        days = QHBoxLayout()
        for box in self.weekdays:
            days.addWidget(box)
        form = QFormLayout(self)
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.tr("Segment"), self.segment)
        form.addRow(self.tr("Shift"), self.shift)
        form.addRow(self.tr("Weekdays"), days)
        form.addRow(self.tr("From"), self.valid_from)
        form.addRow(self.open_ended, self.valid_to)
        form.addRow(self.message)
        form.addRow(self.buttons)

    def entry(self) -> NewRosterEntry:
        return NewRosterEntry(
            staff_id=self.person.currentData(),
            segment_id=self.segment.currentData(),
            shift_id=self.shift.currentData(),
            weekdays=frozenset(index for index, box in enumerate(self.weekdays) if box.isChecked()),
            valid_from=_python_date(self.valid_from.date()),
            valid_to=None if self.open_ended.isChecked() else _python_date(self.valid_to.date()),
        )

    def submit(self) -> None:
        if None in (self.person.currentData(), self.segment.currentData(), self.shift.currentData()):
            self.message.setText(self.tr("Choose a person, a segment and a shift."))
            return
        wanted = self.entry()
        self.buttons.setEnabled(False)
        self._runner.submit(lambda: self._service.add_roster(wanted), self._saved, self._failed)

    def _saved(self, stored: RosterEntry) -> None:
        self.added.emit(stored)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(str(error))  # the core's bilingual line


class QtRosterEntries(QWidget):
    changed = Signal()
    shift_added = Signal()
    failed = Signal(object)  # the exception

    def __init__(self, service: DutyService, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service, self._runner = service, runner
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("rosterEntries")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Person"),
                self.tr("Segment"),
                self.tr("Shift"),
                self.tr("Weekdays"),
                self.tr("From"),
                self.tr("To"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.add_button = QPushButton(self.tr("Add to roster…"), self)
        self.remove_button = QPushButton(self.tr("Remove from roster"), self)
        self.shift_button = QPushButton(self.tr("New shift…"), self)
        self.shift_button.setVisible(False)  # shown to who may add the district's shift templates
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.shift_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(self.table)
        column.addLayout(buttons)
        self.remove_button.clicked.connect(self.remove_selected)
        self.shift_button.clicked.connect(self.add_shift)

    def add_shift(self) -> QtShiftDialog:
        dialog = QtShiftDialog(self._service, self._runner, self)
        dialog.added.connect(lambda _shift: self.shift_added.emit())
        dialog.show()
        return dialog

    def show_entries(self, entries: Sequence[RosterEntry], choices: DutyChoices) -> None:
        self.shift_button.setVisible(choices.may_add_shifts)
        names = {member.id: member.name for member in choices.staff}
        segments = {segment.id: f"{segment.number} {segment.name}" for segment in choices.segments}
        shifts = {shift.id: shift.name for shift in choices.shifts}
        self.table.setRowCount(len(entries))
        for index, entry in enumerate(entries):
            cells = [
                names.get(entry.staff_id, str(entry.staff_id)),
                segments.get(entry.segment_id, str(entry.segment_id)),
                shifts.get(entry.shift_id, ""),
                " ".join(weekday_name(day) for day in sorted(entry.weekdays)),
                f"{entry.valid_from:%Y-%m-%d}",
                f"{entry.valid_to:%Y-%m-%d}" if entry.valid_to else "—",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return
        key = int(item.data(Qt.ItemDataRole.UserRole))
        self._runner.submit(
            lambda: self._service.remove_roster(key), lambda _none: self.changed.emit(), self.failed.emit
        )
