"""The handler's 延期/挂账 request: working hours (延期 only, starting from the category's dispose
hours) and a reason, sent to the supervisor's inbox through ``ApprovalService.request``.

The deadline does not move here: it moves when a supervisor approves. A refusal of the request itself
(the case moved on, a request already pending, another office's case) is said in the dialog in the
core's words and the dialog stays open with what was typed. Evidence photos are passed as
``photo:<sha256>`` URIs (``evidence``); choosing them is the photo store's picker, still to come.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from commandcenter.domain.case_requests import MAX_EXTENSION_HOURS
from commandcenter.services.approval_service import ApprovalService
from ui.background import BackgroundRunner


class QtCaseRequestDialog(QDialog):
    def __init__(
        self,
        approvals: ApprovalService,
        runner: BackgroundRunner,
        case_id: int,
        case_number: str,
        action: str,
        default_hours: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseRequestDialog")
        self.approvals, self.runner = approvals, runner
        self.case_id, self.action = case_id, action
        self.evidence: list[str] = []  # photo:<sha256> URIs, once the photo picker offers them
        self.request_id: int | None = None
        title = self.tr("Request %1 for case %2").replace("%1", action)
        self.setWindowTitle(title.replace("%2", case_number))
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("requestHours")
        self.hours.setRange(0.5, MAX_EXTENSION_HOURS)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setSuffix(self.tr(" working hours"))
        self.hours.setValue(default_hours or 1.0)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("requestReason")
        self.reason.setPlaceholderText(self.tr("Why (required): what is being waited for, what was done"))
        self.message = QLabel(self)
        self.message.setObjectName("requestMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.submit_button: QPushButton = self.buttons.addButton(
            self.tr("Send for approval"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.submit_button.setObjectName("primaryButton")
        self.submit_button.setEnabled(False)
        self.buttons.rejected.connect(self.reject)
        self.submit_button.clicked.connect(self.submit)
        self.reason.textChanged.connect(self._reason_changed)
        form = QFormLayout()
        if action == "延期":
            form.addRow(self.tr("Extend by"), self.hours)
        else:
            self.hours.hide()
        form.addRow(self.tr("Reason"), self.reason)
        page = QVBoxLayout(self)
        page.addWidget(QLabel(self.tr("A supervisor decides; the deadline moves only when approved."), self))
        page.addLayout(form)
        page.addWidget(self.message)
        page.addWidget(self.buttons)

    def _reason_changed(self) -> None:
        self.submit_button.setEnabled(bool(self.reason.toPlainText().strip()))

    def submit(self) -> None:
        hours = self.hours.value() if self.action == "延期" else None
        reason, evidence = self.reason.toPlainText(), list(self.evidence)

        def job() -> int:
            return self.approvals.request(self.case_id, self.action, hours, reason, evidence)

        self.submit_button.setEnabled(False)
        self.message.setText(self.tr("Sending …"))
        self.runner.submit(job, self._sent, self._refused)

    def _sent(self, request_id: int) -> None:
        self.request_id = request_id
        self.accept()

    def _refused(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" words
        self._reason_changed()
