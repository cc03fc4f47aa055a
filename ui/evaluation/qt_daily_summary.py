"""考核 ▸ 每日汇总: each office's day — 受理, 派遣, 结案 today and 超期未处置 now — with the totals,
refreshed on demand; patrol figures (checked in on their segment, segments walked, metres walked) from
the duty roster and the tracks ("—" for an office with no roster). An office user sees their office's
row (the service scopes)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.evaluation.daily import DailyRow, totals
from commandcenter.evaluation.text import NOTHING
from commandcenter.services.assessment_service import AssessmentService
from ui.background import BackgroundRunner


class QtDailySummary(QDialog):
    def __init__(
        self, assessments: AssessmentService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dailySummary")
        self.setWindowTitle(self.tr("Daily summary"))
        self.resize(820, 520)
        self.assessments, self.runner = assessments, runner
        self.rows: list[DailyRow] = []
        headers = [
            self.tr("Office"),
            self.tr("Received today"),
            self.tr("Dispatched today"),
            self.tr("Closed today"),
            self.tr("Overdue now"),
            self.tr("On duty"),
            self.tr("Segments patrolled"),
            self.tr("Metres walked"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        refresh = QPushButton(self.tr("Refresh"), self)
        refresh.clicked.connect(self.reload)
        self.message = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(self.message, 1)
        bar.addWidget(refresh)
        page = QVBoxLayout(self)
        page.addWidget(self.table, 1)
        page.addLayout(bar)
        self.reload()

    def reload(self) -> None:
        self.message.setText(self.tr("Loading …"))
        self.runner.submit(self.assessments.daily, self._show, self._said)

    def _show(self, rows: list[DailyRow]) -> None:
        self.rows = rows
        shown = [*rows, totals(rows)] if len(rows) > 1 else rows
        self.table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            patrol = row.patrol
            cells = [
                row.office,
                str(row.received),
                str(row.dispatched),
                str(row.closed),
                str(row.overdue_open),
                NOTHING if patrol is None else str(patrol.on_duty),
                NOTHING if patrol is None else str(patrol.segments_covered),
                NOTHING if patrol is None else f"{patrol.metres_walked:,.0f}",
            ]
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.message.clear()

    def _said(self, error: Exception) -> None:
        self.message.setText(str(error))
