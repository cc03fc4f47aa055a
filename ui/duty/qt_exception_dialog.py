"""Add a day's exception to the roster: 请假 Leave (the rostered person is off), 换班 Swap (another person
covers the shift) or 加班 Extra shift (on a segment). The choices are the office's people, segments
and the shift templates; the service decides and words any refusal (one bilingual line), shown here
with the form kept as typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from commandcenter.domain.duty import DutyException, ExceptionKind, NewDutyException
from commandcenter.services.duty_service import DutyChoices, DutyService
from ui.background import BackgroundRunner
from ui.duty.duty_words import kind_name


class QtExceptionDialog(QDialog):
    added = Signal(object)  # the stored DutyException

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
        self.setObjectName("dutyException")
        self.setWindowTitle(self.tr("Add leave, swap or extra shift"))
        self.kind = QComboBox(self)
        for kind in ExceptionKind:
            self.kind.addItem(kind_name(kind), kind)
        self.day = QDateEdit(QDate(day.year, day.month, day.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        people = [m for m in choices.staff if office_id in (None, m.office_id)]
        self.person, self.cover = QComboBox(self), QComboBox(self)
        for member in people:
            self.person.addItem(member.name, member.id)
        for member in choices.staff:  # a cover may come from another office's staff
            self.cover.addItem(member.name, member.id)
        self.shift = QComboBox(self)
        for shift in choices.shifts:
            self.shift.addItem(f"{shift.name} {shift.start:%H:%M}–{shift.end:%H:%M}", shift.id)
        self.segment = QComboBox(self)
        for segment in choices.segments:
            if office_id in (None, segment.office_id):
                self.segment.addItem(f"{segment.number} {segment.name}", segment.id)
        self.note = QLineEdit(self)
        self.message = QLabel("", self)
        self.message.setObjectName("dutyExceptionMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.tr("Shift"), self.shift)
        form.addRow(self.tr("Covered by"), self.cover)
        form.addRow(self.tr("Segment"), self.segment)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.message)
        form.addRow(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = ExceptionKind(self.kind.currentData())  # Qt hands a StrEnum back as its str
        self.cover.setEnabled(kind is ExceptionKind.SWAP)
        self.segment.setEnabled(kind is ExceptionKind.EXTRA)

    def exception(self) -> NewDutyException:
        kind = ExceptionKind(self.kind.currentData())
        chosen = self.day.date()
        return NewDutyException(
            day=date(chosen.year(), chosen.month(), chosen.day()),
            kind=kind,
            staff_id=self.person.currentData(),
            shift_id=self.shift.currentData(),
            segment_id=self.segment.currentData() if kind is ExceptionKind.EXTRA else None,
            other_staff_id=self.cover.currentData() if kind is ExceptionKind.SWAP else None,
            note=self.note.text().strip(),
        )

    def submit(self) -> None:
        if self.person.currentData() is None or self.shift.currentData() is None:
            self.message.setText(self.tr("Choose a person and a shift."))
            return
        wanted = self.exception()
        self.buttons.setEnabled(False)
        self.message.setText(self.tr("Saving …"))
        self._runner.submit(lambda: self._service.add_exception(wanted), self._saved, self._failed)

    def _saved(self, stored: DutyException) -> None:
        self.added.emit(stored)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(str(error))  # the core's bilingual line
