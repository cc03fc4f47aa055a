"""The week's leave, swaps and extra shifts beside the 值班表 grid: day, kind, person, shift, who covers
(a swap) or where (an extra shift), note; each row carries the exception's id for 删除."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from commandcenter.domain.duty import DutyException
from commandcenter.services.duty_service import DutyChoices
from ui.duty.duty_words import kind_name


class QtExceptionList(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("dutyExceptions")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Day"),
                self.tr("Kind"),
                self.tr("Person"),
                self.tr("Shift"),
                self.tr("Covered by / segment"),
                self.tr("Note"),
            ]
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def show_exceptions(self, exceptions: Sequence[DutyException], choices: DutyChoices) -> None:
        names = {member.id: member.name for member in choices.staff}
        shifts = {shift.id: shift.name for shift in choices.shifts}
        segments = {segment.id: segment.number for segment in choices.segments}
        self.setRowCount(len(exceptions))
        for index, item in enumerate(exceptions):
            other = names.get(item.other_staff_id or -1) or segments.get(item.segment_id or -1, "")
            cells = [
                f"{item.day:%Y-%m-%d}",
                kind_name(item.kind),
                names.get(item.staff_id, str(item.staff_id)),
                shifts.get(item.shift_id, ""),
                other,
                item.note,
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, item.id)
                self.setItem(index, column, cell)
        self.resizeColumnsToContents()

    def selected_id(self) -> int | None:
        row = self.currentRow()
        item = self.item(row, 0) if row >= 0 else None
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))
