"""The "待审批 N" button in the menu bar's corner: how many 延期/挂账 requests wait for a decision
(every office's for a supervisor, the office's own for an office user), opening the inbox.

The count refreshes on the runner every few seconds, so a request filed at an office's workstation
shows at the center without anyone reloading, and at once after a decision in the inbox. Offered only
to who decides or asks (``install_approval_button``); the window adds it in one line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenuBar, QPushButton, QWidget

from commandcenter.services.approval_service import ApprovalService
from commandcenter.services.hub import Services
from ui.background import BackgroundPoll, BackgroundRunner
from ui.cases.qt_approval_inbox import QtApprovalInbox

COUNT_POLL_S = 5.0


class ApprovalButton(QPushButton):
    """ "待审批 N" in the menu bar's corner; opens the inbox (one at a time). Refreshed every few
    seconds on the runner, and at once after a decision in the inbox."""

    def __init__(
        self,
        approvals: ApprovalService,
        runner: BackgroundRunner,
        open_case: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("approvalButton")
        self.approvals, self.runner, self._open_case = approvals, runner, open_case
        self.inbox: QtApprovalInbox | None = None
        self.count = 0
        self.show_count(0)
        self.clicked.connect(self.open_inbox)
        self.poll = BackgroundPoll(
            runner, COUNT_POLL_S, approvals.pending_count, self.show_count, parent=self
        )

    def show_count(self, count: int) -> None:
        if count != self.count and self.inbox is not None:
            self.inbox.reload()  # a request arrived or was decided elsewhere: the open inbox follows
        self.count = count
        self.setText(self.tr("Pending approval %1").replace("%1", str(count)))
        if self.property("waiting") != (count > 0):
            self.setProperty("waiting", count > 0)  # amber while requests wait (the theme's rule)
            self.style().unpolish(self)
            self.style().polish(self)

    def open_inbox(self) -> QtApprovalInbox:
        if self.inbox is None:
            self.inbox = QtApprovalInbox(self.approvals, self.runner, self.window())
            self.inbox.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            self.inbox.case_requested.connect(self._open_case)
            self.inbox.decided.connect(self.poll.poll_now)
            self.inbox.destroyed.connect(self._inbox_closed)
        self.inbox.show()
        self.inbox.raise_()
        return self.inbox

    def _inbox_closed(self) -> None:
        self.inbox = None

    def start(self) -> None:
        self.poll.start()

    def stop(self) -> None:
        self.poll.stop()


def install_approval_button(
    services: Services, runner: BackgroundRunner, menu_bar: QMenuBar, open_case: Callable[[int], object]
) -> ApprovalButton | None:
    """The button in the menu bar's corner for who decides or asks; None for everyone else."""
    approvals = services.approvals
    if not (approvals.may_decide or approvals.may_request):
        return None
    button = ApprovalButton(approvals, runner, open_case, menu_bar)
    menu_bar.setCornerWidget(button, Qt.Corner.TopRightCorner)
    button.start()
    return button
