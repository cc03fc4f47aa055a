"""The 值班表 grid of one week: a row per segment and shift, a column per day with who is on duty that
day after the exceptions — a swap's cover "(covering for …)", an extra shift, "On leave: …" — the days
the exceptions changed marked, a busy segment's names wrapped within the day's column."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from commandcenter.duty.assignments import DutySource
from commandcenter.duty.views import DutyWeek
from ui.duty.duty_words import cell_text, leave_text, weekday_name

DAY_WIDTH = 150  # pixels of a day's column at most
_CHANGED, _CHANGED_TEXT = QColor("#fff3c4"), QColor("#3e2723")


class QtWeekGrid(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 9, parent)
        self.setObjectName("dutyGrid")
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

    def show_week(self, week: DutyWeek) -> None:
        days = [week.monday + timedelta(days=offset) for offset in range(7)]
        headers = [self.tr("Segment"), self.tr("Shift")]
        headers += [f"{weekday_name(i)} {day:%m-%d}" for i, day in enumerate(days)]
        self.setHorizontalHeaderLabels(headers)
        self.setRowCount(len(week.rows))
        for index, row in enumerate(week.rows):
            shift = f"{row.shift.name} {row.shift.start:%H:%M}–{row.shift.end:%H:%M}"
            self.setItem(index, 0, QTableWidgetItem(row.segment))
            self.setItem(index, 1, QTableWidgetItem(shift))
            for offset, (cells, leave) in enumerate(zip(row.days, row.on_leave, strict=True)):
                lines = ["、".join(cell_text(c.name, c.source, c.replaces) for c in cells)]
                lines += [leave_text(leave)] if leave else []
                item = QTableWidgetItem("\n".join(line for line in lines if line))
                if leave or any(c.source is not DutySource.ROSTER for c in cells):
                    item.setBackground(_CHANGED)  # a day the exceptions changed
                    item.setForeground(_CHANGED_TEXT)
                self.setItem(index, 2 + offset, item)
        self.resizeColumnsToContents()
        for column in range(2, 9):  # a busy segment's names wrap instead of widening the day
            self.setColumnWidth(column, min(self.columnWidth(column), DAY_WIDTH))
        self.resizeRowsToContents()
