"""在岗情况 On duty: today's shifts of the chosen office, one row per person and shift — on duty now or
not, check-in time, attendance, and the segment's coverage from their unit's track (minutes on the
segment, metres walked, gaps longer than 15 minutes). Filled from ``DutyService.presence`` rows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem, QWidget

from commandcenter.duty.attendance import AttendanceStatus
from commandcenter.duty.views import PresenceRow
from ui.district_time import minute_text
from ui.duty.duty_words import status_name

_COLOURS = {
    AttendanceStatus.PRESENT: "#2e7d32",
    AttendanceStatus.LATE: "#ef6c00",
    AttendanceStatus.ABSENT: "#c62828",
    AttendanceStatus.ON_LEAVE: "#607d8b",
    AttendanceStatus.PENDING: "#9e9e9e",
}


class QtPresenceTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 9, parent)
        self.setObjectName("dutyPresence")
        self.setHorizontalHeaderLabels(
            [
                self.tr("Segment"),
                self.tr("Shift"),
                self.tr("Name"),
                self.tr("On duty now"),
                self.tr("Checked in"),
                self.tr("Attendance"),
                self.tr("Minutes on segment"),
                self.tr("Metres walked"),
                self.tr("Gaps"),
            ]
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rows: list[PresenceRow] = []

    def show_rows(self, rows: Sequence[PresenceRow]) -> None:
        self.rows = list(rows)
        self.setRowCount(len(rows))
        for index, row in enumerate(rows):
            coverage = row.coverage
            gaps = self.tr("%1 (longest %2 min)").replace("%1", str(len(coverage.gaps)))
            gaps = gaps.replace("%2", f"{coverage.longest_gap.total_seconds() / 60:.0f}")
            shift = f"{row.shift.name} {minute_text(row.start)}–{minute_text(row.end)[-5:]}"
            cells = [
                row.segment,
                shift,
                row.name,
                self.tr("yes") if row.on_duty_now else "",
                minute_text(coverage.first_seen) if coverage.first_seen else self.tr("not seen"),
                status_name(row.status),
                f"{coverage.seconds_on_segment / 60:.0f}",
                f"{coverage.metres_walked:.0f}",
                gaps if coverage.gaps else "0",
            ]
            if not row.has_unit:
                cells[4] = self.tr("no GPS unit")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5:
                    item.setForeground(QBrush(QColor(_COLOURS[row.status])))
                self.setItem(index, column, item)
        self.resizeColumnsToContents()
