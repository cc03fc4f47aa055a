"""The case queue's table model: ``CaseRow``s from the store as rows, newest first.

Kept apart from the view so the columns, colours and time formatting are tested without a window.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.store import CaseRow

AnyIndex = QModelIndex | QPersistentModelIndex

URGENT_COLOR = QColor("#f87171")
NEW_COLOR = QColor("#38bdf8")
CLOSED_COLOR = QColor("#6b7a90")
CLOSED_STATUSES = {CaseStatus.CLOSED.value, CaseStatus.REJECTED.value, CaseStatus.VOIDED.value}


def local_time(moment: datetime) -> str:
    """Stored times are UTC (SQLite hands them back naive); operators read local time."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone().strftime("%m-%d %H:%M")


class CaseTableModel(QAbstractTableModel):
    NUMBER, CATEGORY, STATUS, ADDRESS, OFFICE, TIME = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []
        self._headers = [
            self.tr("Case number"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Address"),
            self.tr("Office"),
            self.tr("Reported"),
        ]

    def set_rows(self, rows: list[CaseRow]) -> None:
        """Replace all rows, newest first (by id: ids grow with time and never repeat)."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda row: row.id, reverse=True)
        self.endResetModel()

    def case_at(self, row: int) -> CaseRow:
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        case = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(case, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.ADDRESS:
            return case.address
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(case, column)
        return None

    def _display(self, case: CaseRow, column: int) -> str:
        values = (case.number, case.category, case.status, case.address, case.office or "—")
        return local_time(case.created_at) if column == self.TIME else values[column]

    def _foreground(self, case: CaseRow, column: int) -> QColor | None:
        if case.status in CLOSED_STATUSES:
            return CLOSED_COLOR
        if column == self.NUMBER and case.urgency <= 1:
            return URGENT_COLOR
        if column == self.STATUS and case.status == CaseStatus.RECEIVED.value:
            return NEW_COLOR
        return None
