"""The supervisor's inbox of 延期/挂账 requests (an office user's: their office's requests and the
decisions); ``approval_button`` counts them in the menu bar's corner ("待审批 2") and opens it.

A supervisor (值班长) sees every office's pending requests — case number, office, action, hours,
reason, requester, age — and approves (with an optional note) or refuses (with a required reason);
a double-click opens the case's detail. All reads and decisions go through the principal's
``ApprovalService``; who may decide is the service's business (the buttons only follow ``may_decide``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.case_requests import CaseRequestRecord
from commandcenter.services.approval_service import ApprovalService
from ui.background import BackgroundRunner


class QtApprovalInbox(QDialog):
    case_requested = Signal(int)  # a request's case, to open in the detail
    decided = Signal()  # a request was approved, refused or withdrawn

    def __init__(
        self, approvals: ApprovalService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalInbox")
        self.setWindowTitle(self.tr("Extension and suspension requests"))
        self.resize(900, 420)
        self.approvals, self.runner = approvals, runner
        self.rows: list[CaseRequestRecord] = []
        self.table = QTableWidget(0, 8, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Case"),
                self.tr("Office"),
                self.tr("Action"),
                self.tr("Hours"),
                self.tr("Reason"),
                self.tr("Requested by"),
                self.tr("Waiting"),
                self.tr("Status"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.cellDoubleClicked.connect(lambda row, _column: self._open(row))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note to the approval, or the reason for refusing"))
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setObjectName("primaryButton")
        self.refuse_button = QPushButton(self.tr("Refuse"), self)
        self.withdraw_button = QPushButton(self.tr("Withdraw request"), self)
        refresh = QPushButton(self.tr("Refresh"), self)
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button.clicked.connect(self.refuse)
        self.withdraw_button.clicked.connect(self.withdraw)
        refresh.clicked.connect(self.reload)
        for button in (self.approve_button, self.refuse_button, self.note):
            button.setVisible(approvals.may_decide)
        self.withdraw_button.setVisible(approvals.may_request)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        for widget in (self.note, self.approve_button, self.refuse_button, self.withdraw_button, refresh):
            row.addWidget(widget)
        page = QVBoxLayout(self)
        page.addWidget(self.table, 1)
        page.addLayout(row)
        page.addWidget(self.message)
        self.reload()

    def reload(self) -> None:
        self.runner.submit(self.approvals.pending, self._show, self._said)

    def _show(self, rows: list[CaseRequestRecord]) -> None:
        self.rows = rows
        now = datetime.now(UTC)
        self.table.setRowCount(len(rows))
        for index, request in enumerate(rows):
            hours = f"{request.hours:g}" if request.hours is not None else "—"
            cells = (
                request.case_number,
                request.office_name or "—",
                request.action,
                hours,
                request.reason,
                request.requested_by,
                self._waited(request.requested_at, now),
                request.status
                if request.case_status in ("签收", "处置")
                else f"{request.status}（{request.case_status}）",
            )
            for column, text in enumerate(cells):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        if rows and not self.table.selectedItems():
            self.table.selectRow(0)

    def _waited(self, since: datetime, now: datetime) -> str:
        """How long the request has waited: "2 时 05 分" / "35 分"."""
        minutes = max(0, int((now - since).total_seconds() // 60))
        if minutes < 60:
            return self.tr("%1 min").replace("%1", str(minutes))
        return self.tr("%1 h %2 min").replace("%1", str(minutes // 60)).replace("%2", f"{minutes % 60:02d}")

    def selected(self) -> CaseRequestRecord | None:
        row = self.table.currentRow()
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.case_requested.emit(self.rows[row].case_id)

    def approve(self) -> None:
        if (request := self.selected()) is not None:
            note = self.note.text()
            self._run(lambda: self.approvals.approve(request.id, note))

    def refuse(self) -> None:
        if (request := self.selected()) is None:
            return
        if not self.note.text().strip():
            self.message.setText(self.tr("Write the reason for refusing first."))
            return
        reason = self.note.text()
        self._run(lambda: self.approvals.refuse(request.id, reason))

    def withdraw(self) -> None:
        if (request := self.selected()) is not None:
            self._run(lambda: self.approvals.withdraw(request.id))

    def _run(self, job: Callable[[], object]) -> None:
        self.message.setText(self.tr("Working …"))
        self.runner.submit(job, self._done, self._refused)

    def _done(self, _result: object) -> None:
        self.message.setText(self.tr("Done."))
        self.note.clear()
        self.decided.emit()
        self.reload()

    def _refused(self, error: Exception) -> None:
        self._said(error)
        self.reload()  # someone may have decided first, or the case moved on

    def _said(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" words
