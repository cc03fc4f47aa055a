"""督查 results of a period: each office's deduction from what the groups found (the points the
assessment subtracts, and why: one line per counted finding) — ``services.inspections.deductions``,
under the documented rules of ``evaluation.inspection_results``. Reading only."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.evaluation.inspection_results import OfficeDeduction
from commandcenter.services.inspection_service import InspectionService
from ui.background import BackgroundRunner


class QtResultsTab(QWidget):
    def __init__(
        self, service: InspectionService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service, self.runner = service, runner
        self.offices: dict[int, str] = {}
        today = date.today()
        self.period = QLineEdit(f"{today.year:04d}-{today.month:02d}", self)
        self.period.setObjectName("resultsPeriod")
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.clicked.connect(self.load)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("resultsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Office"), self.tr("Points deducted"), self.tr("Findings")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel(self)
        self.message.setObjectName("resultsMessage")
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Period"), self))
        row.addWidget(self.period)
        row.addWidget(self.show_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addWidget(self.table)
        column.addWidget(self.message)
        self.loaded = False

    def set_offices(self, offices: dict[int, str]) -> None:
        self.offices = offices

    def load(self) -> None:
        period = self.period.text()
        self.loaded = False
        self.runner.submit(lambda: self.service.deductions(period), self._shown, self._refused)

    def _shown(self, deductions: dict[int, OfficeDeduction]) -> None:
        ordered = sorted(deductions.items(), key=lambda item: (-item[1].points, item[0]))
        self.table.setRowCount(len(ordered))
        for row, (office, deduction) in enumerate(ordered):
            cells = (
                self.offices.get(office, str(office)),
                f"{deduction.points:g}",
                "；".join(deduction.reasons),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.message.setText(
            "" if ordered else self.tr("No finding counts against any office in this period.")
        )
        self.loaded = True

    def _refused(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" line
        self.loaded = True
