"""The case detail's 延期/挂账 part: a pending request in words ("延期申请待审批 …"), with Approve /
Refuse for a supervisor and Withdraw for the requester, the last decision otherwise; and the request
dialog behind the detail's 延期/挂账 buttons for a handler who may ask.

Everything goes through the principal's ``ApprovalService`` on the background runner; a refusal (a
decision someone made first, a case that moved on) is said here in the core's words and the case is
reloaded (``changed``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from commandcenter.domain.case_requests import CaseRequestRecord, CaseRequests
from commandcenter.services.approval_service import ApprovalService
from ui.background import BackgroundRunner
from ui.cases.case_table_model import local_time
from ui.cases.qt_case_request_dialog import QtCaseRequestDialog


class QtCaseRequestPanel(QWidget):
    changed = Signal()  # a request was filed, decided or withdrawn: the case is to be reloaded

    def __init__(
        self,
        approvals: ApprovalService,
        runner: BackgroundRunner,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseRequestPanel")
        self.approvals, self.runner, self.case_id = approvals, runner, case_id
        self.requests = CaseRequests()
        self.dialog: QtCaseRequestDialog | None = None
        self._asking: dict[str, QPushButton] = {}  # the detail's 延期/挂账 buttons, by action
        self.summary = QLabel(self)
        self.summary.setObjectName("requestSummary")
        self.summary.setWordWrap(True)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Note to the approval, or the reason for refusing"))
        self.approve_button = QPushButton(self.tr("Approve"), self)
        self.approve_button.setObjectName("primaryButton")
        self.refuse_button = QPushButton(self.tr("Refuse"), self)
        self.withdraw_button = QPushButton(self.tr("Withdraw request"), self)
        self.approve_button.clicked.connect(self.approve)
        self.refuse_button.clicked.connect(self.refuse)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 4)  # the buttons keep their size; the note takes the width
        for widget in (self.approve_button, self.refuse_button, self.withdraw_button):
            row.addWidget(widget)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addLayout(row)
        column.addWidget(self.message)
        self._show(CaseRequests())

    @property
    def may_request(self) -> bool:
        return self.approvals.may_request

    def reload(self) -> None:
        self.runner.submit(lambda: self.approvals.for_case(self.case_id), self._show, self._load_failed)

    def _load_failed(self, error: Exception) -> None:
        self.message.setText(str(error))
        self.setVisible(True)

    def _show(self, requests: CaseRequests) -> None:
        self.requests = requests
        pending = self.pending
        me = self.approvals.principal.username
        if pending is not None:
            self.summary.setText(self._pending_words(pending))
        elif requests.requests:
            last = requests.requests[0]
            words = self.tr("Last %1 request: %2").replace("%1", last.action).replace("%2", last.status)
            by = f"（{last.decided_by}）" if last.decided_by else ""
            self.summary.setText(words + by + (f"：{last.decision_reason}" if last.decision_reason else ""))
        self.summary.setVisible(bool(requests.requests))
        deciding = pending is not None and self.approvals.may_decide and pending.requested_by != me
        for widget in (self.note, self.approve_button, self.refuse_button):
            widget.setVisible(deciding)
        self.withdraw_button.setVisible(pending is not None and pending.requested_by == me)
        self._update_asking()
        self.setVisible(bool(requests.requests) or bool(self.message.text()))

    def _pending_words(self, request: CaseRequestRecord) -> str:
        lines = [self.tr("%1 request awaiting approval").replace("%1", request.action)]
        if request.hours is not None:
            lines.append(self.tr("Working hours asked: %1").replace("%1", f"{request.hours:g}"))
        if request.evidence:
            lines.append(self.tr("Evidence photos: %1").replace("%1", str(len(request.evidence))))
        asked = self.tr("Asked by %1 at %2").replace("%1", request.requested_by)
        lines.append(asked.replace("%2", local_time(request.requested_at)) + f"：{request.reason}")
        return "\n".join(lines)

    @property
    def pending(self) -> CaseRequestRecord | None:
        """The newest pending request of the case (one per action at most)."""
        return self.requests.pending[0] if self.requests.pending else None

    # ------------------------------------------------------------------ the handler
    def adopt(self, buttons: dict[str, QPushButton], case_number: str) -> None:
        """The detail's 延期/挂账 buttons (new on every reload): each opens the request dialog, and
        waits (disabled) while a request for its action does."""
        self._asking = buttons
        for action, button in buttons.items():
            button.clicked.connect(lambda _c=False, action=action: self.open_request(action, case_number))
        self._update_asking()

    def _update_asking(self) -> None:
        waiting = {request.action for request in self.requests.pending}
        for action, button in self._asking.items():
            button.setEnabled(action not in waiting)
            if action in waiting:
                button.setToolTip(self.tr("%1 request awaiting approval").replace("%1", action))

    def open_request(self, action: str, case_number: str) -> QtCaseRequestDialog:
        hours = self.requests.dispose_hours
        self.dialog = QtCaseRequestDialog(
            self.approvals, self.runner, self.case_id, case_number, action, hours, self
        )
        self.dialog.finished.connect(self._request_closed)
        self.dialog.open()
        return self.dialog

    def _request_closed(self, result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            self.message.setText(self.tr("Sent for approval."))
            self.changed.emit()

    def withdraw(self) -> None:
        if (pending := self.pending) is not None:
            self._run(lambda: self.approvals.withdraw(pending.id))

    # ------------------------------------------------------------------ the supervisor
    def approve(self) -> None:
        if (pending := self.pending) is not None:
            note = self.note.text()
            self._run(lambda: self.approvals.approve(pending.id, note))

    def refuse(self) -> None:
        if (pending := self.pending) is None:
            return
        if not self.note.text().strip():
            self.message.setText(self.tr("Write the reason for refusing first."))
            self.setVisible(True)
            return
        reason = self.note.text()
        self._run(lambda: self.approvals.refuse(pending.id, reason))

    def _run(self, job: Callable[[], object]) -> None:
        self.message.setText(self.tr("Working …"))
        self.runner.submit(job, self._done, self._said)

    def _done(self, _result: object) -> None:
        self.message.setText(self.tr("Done."))
        self.note.clear()
        self.changed.emit()

    def _said(self, error: Exception) -> None:
        self.message.setText(str(error))  # the core's "中文 / English" words
        self.setVisible(True)
        self.changed.emit()  # reload: the request or the case may have moved meanwhile
