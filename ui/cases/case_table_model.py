"""The case queue's table model: the board's open cases in urgency order, with a live countdown.

Kept apart from the view so columns, colours and the countdown text are tested without a window.
New cases are inserted in place; a re-sort (changed cases, the countdown) rebuilds the rows, and the
view re-selects the case the operator had selected by id, not by row.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from commandcenter.cases.board import CaseBoard, SortKey
from commandcenter.domain.calendar import DeadlineState
from commandcenter.domain.cases import BoardCase
from ui.district_time import minute_text

OVERDUE_COLOR = QColor("#f87171")
DUE_SOON_COLOR = QColor("#fbbf24")
NEW_COLOR = QColor("#38bdf8")
URGENT_BACKGROUND = QColor(248, 113, 113, 40)
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def local_time(moment: datetime) -> str:
    """Stored times are UTC; operators read the district's clock (``ui.district_time``)."""
    return minute_text(moment)


def countdown(deadline: datetime | None, now: datetime) -> str:
    """ "剩 35 分" / "超时 2 时 05 分" ("35 min left", "2 h 05 min overdue") — minutes to or past the
    deadline, as a duty sheet writes it."""
    if deadline is None:
        return "—"
    minutes = int((deadline - now).total_seconds() // 60)
    span = abs(minutes)
    if span >= 60:
        text = QCoreApplication.translate("CaseTableModel", "%1 h %2 min").replace("%1", str(span // 60))
        text = text.replace("%2", f"{span % 60:02d}")
    else:
        text = QCoreApplication.translate("CaseTableModel", "%1 min").replace("%1", str(span))
    if minutes < 0:
        return QCoreApplication.translate("CaseTableModel", "%1 overdue").replace("%1", text)
    return QCoreApplication.translate("CaseTableModel", "%1 left").replace("%1", text)


class CaseTableModel(QStandardItemModel):
    """Rows live in Qt's own item model (C++): a repaint asks every visible cell for about eight
    roles, and answering ~1,600 such calls in Python cost ~10 ms per arriving case (measured with
    five desks on one machine); with ``QStandardItem`` the view never calls back into Python."""

    NUMBER, CATEGORY, STATUS, DEADLINE, ADDRESS, OFFICE, ASSIGNEE, REPORTERS, TIME = range(9)

    def __init__(
        self,
        board: CaseBoard,
        parent: QObject | None = None,
        escalation: Callable[[BoardCase], str | None] | None = None,
        deadline_of: Callable[[BoardCase], datetime | None] | None = None,
    ) -> None:
        """``deadline_of``: which deadline the 剩余时限 column counts down (default the case's own; a
        department desk counts its hand-off's)."""
        super().__init__(parent)
        self._board = board
        self._escalation = escalation
        self._deadline_of = deadline_of or (lambda case: case.deadline_at)
        self._rows: list[BoardCase] = []
        self._keys: list[SortKey] = []
        self._now = datetime.now(UTC)
        self._headers = [
            self.tr("Case number"),
            self.tr("Category"),
            self.tr("Status"),
            self.tr("Time left"),
            self.tr("Address"),
            self.tr("Office"),
            self.tr("Assignee"),
            self.tr("Reports"),
            self.tr("Reported"),
        ]
        self.setHorizontalHeaderLabels(self._headers)

    def refresh(self, now: datetime | None = None) -> None:
        """Re-read the board's order (after a change, and every half minute for the countdown)."""
        self._now = now or datetime.now(UTC)
        self._rows = self._board.ordered(self._now)
        self._keys = [self._board.sort_key(row, self._now) for row in self._rows]
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the views, not one signal per row
        try:
            self.setRowCount(0)
            for case in self._rows:
                self.appendRow(self._items(case))
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def insert_arrivals(self, rows: list[BoardCase]) -> None:
        """New cases go straight to their place in the order (no reset: a burst of arrivals costs a
        row insert each, and the operator's selection and scroll position stay put)."""
        known = {case.id for case in self._rows}
        for case in rows:
            if case.id in known:
                continue
            key = self._board.sort_key(case, self._now)
            position = bisect.bisect_left(self._keys, key)
            self._rows.insert(position, case)
            self._keys.insert(position, key)
            self.insertRow(position, self._items(case))

    def case_at(self, row: int) -> BoardCase:
        return self._rows[row]

    def row_of(self, case_id: int) -> int | None:
        return next((row for row, case in enumerate(self._rows) if case.id == case_id), None)

    def _items(self, case: BoardCase) -> list[QStandardItem]:
        state = self._board.state_of(case, self._now)
        items = []
        for column in range(len(self._headers)):
            item = QStandardItem(self._display(case, column))
            item.setEditable(False)
            item.setData(case.id, CASE_ID_ROLE)
            item.setToolTip(self._tooltip(case, column))
            color = self._foreground(case, state, column)
            if color is not None:
                item.setForeground(color)
            if state is DeadlineState.OVERDUE:
                item.setBackground(URGENT_BACKGROUND)
            items.append(item)
        return items

    def _tooltip(self, case: BoardCase, column: int) -> str:
        text = f"{case.category_name} · {case.address}\n{case.description}"
        waited = self._board.unacknowledged_for(case, self._now)
        if column == self.STATUS and waited is not None:
            minutes = int(waited.total_seconds() // 60)
            suggestion = self._escalation(case) if self._escalation else None
            text = self.tr("Dispatched %1 min ago and not signed for").replace("%1", str(minutes))
            if suggestion:
                text += self.tr("; escalate to: %1").replace("%1", suggestion)
        return text

    def _display(self, case: BoardCase, column: int) -> str:
        if column == self.DEADLINE:
            return countdown(self._deadline_of(case), self._now)
        if column == self.TIME:
            return local_time(case.created_at)
        if column == self.REPORTERS:
            return str(case.reporters)
        values = {
            self.NUMBER: case.number,
            self.CATEGORY: case.category_name,
            self.STATUS: f"{case.status} ⚠"
            if self._board.unacknowledged_for(case, self._now)
            else case.status,
            self.ADDRESS: case.address,
            self.OFFICE: " · ".join(part for part in (case.office_name, case.department_name) if part) or "—",
            self.ASSIGNEE: case.assignee_name or "—",
        }
        return values[column]

    def _foreground(self, case: BoardCase, state: DeadlineState, column: int) -> QColor | None:
        if column in (self.DEADLINE, self.NUMBER):
            if state is DeadlineState.OVERDUE:
                return OVERDUE_COLOR
            if state is DeadlineState.DUE_SOON:
                return DUE_SOON_COLOR
        if column == self.STATUS and self._board.unacknowledged_for(case, self._now):
            return DUE_SOON_COLOR
        if column == self.STATUS and case.assignee_id is None:
            return NEW_COLOR
        return None
