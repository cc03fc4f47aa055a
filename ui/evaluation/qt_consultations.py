"""考核 ▸ 协商议题: the hard cases flagged for the consultation meeting — case, office, reason,
meeting date, 责任单位, status, outcome — and, for a supervisor, flagging a case by its id, setting
the meeting and the department, recording the outcome or withdrawing a flag (each needs its text;
the service checks and audits). An office user sees their office's flags."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.consultations import Consultation
from commandcenter.services.consultation_service import ConsultationService
from ui.background import BackgroundRunner


class QtConsultations(QDialog):
    def __init__(
        self, consultations: ConsultationService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consultations")
        self.setWindowTitle(self.tr("Consultation agenda"))
        self.resize(980, 560)
        self.consultations, self.runner = consultations, runner
        self.rows: list[Consultation] = []
        headers = [
            self.tr("Case"),
            self.tr("Reason"),
            self.tr("Meeting"),
            self.tr("Responsible department"),
            self.tr("Status"),
            self.tr("Outcome"),
            self.tr("Flagged by"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.case_id = QSpinBox(self)
        self.case_id.setRange(1, 2_000_000_000)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("Reason, outcome or why it is withdrawn"))
        self.department = QLineEdit(self)
        self.department.setPlaceholderText(self.tr("Responsible department"))
        self.meeting = QDateEdit(QDate.currentDate(), self)
        self.meeting.setCalendarPopup(True)
        self.flag_button = QPushButton(self.tr("Flag case"), self)
        self.schedule_button = QPushButton(self.tr("Set meeting"), self)
        self.decide_button = QPushButton(self.tr("Record outcome"), self)
        self.withdraw_button = QPushButton(self.tr("Withdraw"), self)
        self.flag_button.clicked.connect(self.flag)
        self.schedule_button.clicked.connect(self.schedule)
        self.decide_button.clicked.connect(self.decide)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QGridLayout()
        form.addWidget(QLabel(self.tr("Case id"), self), 0, 0)
        form.addWidget(self.case_id, 0, 1)
        form.addWidget(QLabel(self.tr("Meeting date"), self), 0, 2)
        form.addWidget(self.meeting, 0, 3)
        form.addWidget(self.department, 0, 4)
        form.addWidget(self.text, 1, 0, 1, 5)
        buttons = QHBoxLayout()
        for button in (self.flag_button, self.schedule_button, self.decide_button, self.withdraw_button):
            buttons.addWidget(button)
        editor = QWidget(self)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(form)
        column.addLayout(buttons)
        editor.setVisible(consultations.may_manage)
        page = QVBoxLayout(self)
        page.addWidget(self.table, 1)
        page.addWidget(editor)
        page.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.runner.submit(self.consultations.listed, self._show, self._said)

    def _show(self, rows: list[Consultation]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, item in enumerate(rows):
            cells = [
                f"#{item.case_id}",
                item.reason,
                item.meeting_date.isoformat() if item.meeting_date else "—",
                item.department or "—",
                item.status.value,
                item.outcome or "—",
                item.flagged_by,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected(self) -> Consultation | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _meeting(self) -> date:
        chosen = self.meeting.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def flag(self) -> None:
        case_id, reason, meeting, department = (
            self.case_id.value(),
            self.text.text(),
            self._meeting(),
            self.department.text(),
        )
        self._run(
            lambda: self.consultations.flag(case_id, reason, meeting_date=meeting, department=department)
        )

    def schedule(self) -> None:
        if (item := self.selected()) is not None:
            meeting, department = self._meeting(), self.department.text()
            self._run(lambda: self.consultations.schedule(item.id, meeting, department))

    def decide(self) -> None:
        if (item := self.selected()) is not None:
            outcome, department = self.text.text(), self.department.text()
            self._run(lambda: self.consultations.decide(item.id, outcome, department))

    def withdraw(self) -> None:
        if (item := self.selected()) is not None:
            reason = self.text.text()
            self._run(lambda: self.consultations.withdraw(item.id, reason))

    def _run(self, job: Callable[[], object]) -> None:
        self.message.setText(self.tr("Working …"))
        self.runner.submit(job, self._done, self._said)

    def _done(self, _result: object) -> None:
        self.message.setText(self.tr("Done."))
        self.text.clear()
        self.reload()

    def _said(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" line
