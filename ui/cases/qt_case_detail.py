"""The case detail window: facts, workflow actions, timeline, before/after photos side by side,
reporters with their feedback, what an Open311 client was answered, and "nearest cameras" (the wall
opens them through its API).

Non-modal: an operator keeps the queue and the wall live while reading a case. Everything is read
and written through the signed-in principal's ``CaseService`` on the background runner: another
office's case is refused (and the refusal audited) however the window was opened; a refused or
lost-race action is said in the window (in words from the workflow) and the case is reloaded.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from commandcenter.cases.case_detail import CaseDetail
from commandcenter.cases.dispatch import DispatchKind, dispatch_kind
from commandcenter.domain.case_requests import REQUESTABLE_ACTIONS
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.reporting import mask_phone
from commandcenter.services.approval_service import ApprovalService
from commandcenter.services.case_service import CaseService
from ui.background import BackgroundRunner
from ui.cases.case_table_model import countdown, local_time
from ui.cases.case_words import english_gloss
from ui.cases.qt_case_photos import QtCasePhotos
from ui.cases.qt_case_request_panel import QtCaseRequestPanel
from ui.cases.qt_client_answers import QtClientAnswers
from ui.cases.qt_handoff_dialog import QtHandoffDialog

PHOTO_PX = 320


class QtCaseDetail(QDialog):
    nearest_cameras_requested = Signal(float, float)  # lon, lat
    changed = Signal()  # a workflow action succeeded
    dispatch_requested = Signal(object)  # BoardCase to (re-)dispatch: into the pop-up, with advice
    escalation_requested = Signal(object)  # BoardCase handed out, not signed for: 升级 one level up

    def __init__(
        self,
        service: CaseService,
        runner: BackgroundRunner,
        case_id: int,
        parent: QWidget | None = None,
        approvals: ApprovalService | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setModal(False)
        self.resize(860, 640)
        self.service, self.runner, self.case_id = service, runner, case_id
        self.detail: CaseDetail | None = None
        self.handoff_dialog: QtHandoffDialog | None = None
        # 延期/挂账 as a request to the supervisor, and a pending request's decision (None: direct steps)
        self.requests = QtCaseRequestPanel(approvals, runner, case_id, self) if approvals else None
        self._build()
        self.reload()

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("detailHeading")
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason (required for return, rework, void …)"))
        self.actions_row = QHBoxLayout()
        self.cameras_button = QPushButton(self.tr("Nearest cameras"), self)
        self.cameras_button.clicked.connect(self._cameras)
        self.timeline = QTableWidget(0, 5, self)
        self.timeline.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Who"), self.tr("Action"), self.tr("Status"), self.tr("Note")]
        )
        self.timeline.horizontalHeader().setStretchLastSection(True)
        self.timeline.verticalHeader().setVisible(False)
        self.timeline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.photos = QtCasePhotos(self.service, self.runner, self.case_id, self)
        self.photos.attached.connect(self.reload)
        self.photos.said.connect(self.message.setText)
        self.before, self.after = self.photos.before, self.photos.after  # 核查 compares these two
        self.photo_adders = self.photos.adders
        self.reporters = QListWidget(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs.addTab(self.photos, self.tr("Photos"))
        self.tabs.addTab(self.reporters, self.tr("Reporters and feedback"))
        self.client_answers = QtClientAnswers(self.service, self.runner, self.case_id, self)
        self.tabs.addTab(self.client_answers, self.tr("Answers to client"))
        top = self.top_row = QHBoxLayout()  # others add their buttons here (协商: ui/evaluation)
        top.addWidget(self.heading, 1)
        top.addWidget(self.cameras_button)
        self.top_row = top  # other parts add a button here (记录失信…)
        page = QVBoxLayout(self)
        page.addLayout(top)
        page.addWidget(self.facts)
        page.addWidget(self.reason)
        page.addLayout(self.actions_row)
        if self.requests is not None:
            page.addWidget(self.requests)
            self.requests.changed.connect(self._request_changed)
        page.addWidget(self.message)
        page.addWidget(self.tabs, 1)

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        self.runner.submit(lambda: self.service.detail(self.case_id), self._show, self._failed)

    def _failed(self, error: Exception) -> None:
        self.message.setText(str(error))

    def _show(self, detail: CaseDetail) -> None:
        self.detail = detail
        case = detail.case
        now = datetime.now(UTC)
        self.setWindowTitle(self.tr("Case %1").replace("%1", case.number))
        self.heading.setText(f"{case.number} · {case.category_name} · {case.status}")
        deadline = "—"
        if case.deadline_at:
            deadline = self.tr("%1 (%2)").replace("%1", local_time(case.deadline_at))
            deadline = deadline.replace("%2", countdown(case.deadline_at, now))
        terms = self.tr("Deadline: %1    Assignee: %2").replace("%1", deadline)
        self.facts.setText(
            "\n".join(
                (
                    f"{case.address} · {case.segment_name or '—'} · {case.office_name or '—'}",
                    terms.replace("%2", case.assignee_name or "—"),
                    *self._department_line(case),
                    case.description,
                    *case.rule_notes,
                )
            )
        )
        self._fill_actions(detail)
        if self.requests is not None:
            self.requests.reload()
        self._fill_timeline(detail)
        self.photos.show_detail(detail)
        self.client_answers.reload()
        self.reporters.clear()
        for reporter in detail.reporters:
            line = (
                f"{local_time(reporter.ts)}  {reporter.reporter}（{reporter.source}）"
                f"{'  ' + mask_phone(reporter.phone) if reporter.phone else ''}  {reporter.description}"
            )
            feedback = self.tr("Feedback: %1").replace("%1", reporter.feedback) if reporter.feedback else ""
            self.reporters.addItem(line + (f"\n    {feedback}" if feedback else ""))

    def _clear_actions(self) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def _department_line(self, case: BoardCase) -> list[str]:
        """联动: the department holding the case and its deadline, when one does."""
        if case.department_name is None:
            return []
        due = local_time(case.handoff_deadline_at) if case.handoff_deadline_at else "—"
        line = self.tr("Held by department: %1 (due %2)").replace("%1", case.department_name)
        return [line.replace("%2", due)]

    def _fill_actions(self, detail: CaseDetail) -> None:
        self._clear_actions()
        offered = {transition.action for transition in detail.actions}
        kind = dispatch_kind(detail.case.status)
        if kind is not None and offered & {"立案", "派遣", "改派"}:
            # (re-)dispatch needs an assignee: the pop-up chooses one with its recommendations
            label = self.tr("Re-dispatch…") if kind is DispatchKind.REDISPATCH else self.tr("Dispatch…")
            dispatch = QPushButton(label, self)
            dispatch.setObjectName("primaryButton")
            dispatch.clicked.connect(lambda _c=False, case=detail.case: self.dispatch_requested.emit(case))
            self.actions_row.addWidget(dispatch)
        if "转办" in offered:
            handoff = QPushButton(self.tr("Hand to department…"), self)
            handoff.setObjectName("handoffButton")
            handoff.clicked.connect(self.hand_to_department)
            self.actions_row.addWidget(handoff)
        if "升级" in offered:
            escalate = QPushButton(self.tr("Escalate"), self)
            escalate.clicked.connect(lambda _c=False, case=detail.case: self.escalation_requested.emit(case))
            self.actions_row.addWidget(escalate)
        asking: dict[str, QPushButton] = {}  # 延期/挂账 as requests: the panel opens the dialog
        for transition in detail.actions:
            if transition.action in ("派遣", "改派", "升级", "转办"):
                continue
            requested = self.requests is not None and transition.action in REQUESTABLE_ACTIONS
            if requested and not (self.requests and self.requests.may_request):
                continue  # only a handler asks; a supervisor decides requests below
            button = QPushButton(transition.action, self)
            button.setToolTip(english_gloss(transition.english))
            if requested:
                asking[transition.action] = button
            else:
                button.clicked.connect(lambda _c=False, action=transition.action: self.act(action))
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)
        if self.requests is not None:
            self.requests.adopt(asking, detail.case.number)

    def _fill_timeline(self, detail: CaseDetail) -> None:
        self.timeline.setRowCount(len(detail.timeline))
        for row, event in enumerate(detail.timeline):
            status = f"{event.from_status or ''} → {event.to_status}" if event.to_status else ""
            for column, text in enumerate(
                (local_time(event.ts), event.actor, event.action, status, event.note)
            ):
                self.timeline.setItem(row, column, QTableWidgetItem(text))
        self.timeline.resizeColumnsToContents()

    # ------------------------------------------------------------------ actions
    def act(self, action: str) -> None:
        if self.detail is None:
            return
        case, reason = self.detail.case, self.reason.text()

        def job() -> object:
            return self.service.transition(case.id, case.version, action, reason)

        self.message.setText(self.tr("Working …"))
        self.runner.submit(job, self._acted, self._refused)

    def hand_to_department(self) -> None:
        """转办: choose the department and its time in a dialog; the step runs on the worker."""
        if self.detail is None:
            return
        dialog = QtHandoffDialog(self.service, self.runner, self)
        self.handoff_dialog = dialog  # tests drive it
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        department, hours, note = dialog.chosen()
        case = self.detail.case
        self.message.setText(self.tr("Working …"))
        self.runner.submit(
            lambda: self.service.hand_to_department(case.id, case.version, department, hours, note),
            self._acted,
            self._refused,
        )

    def _request_changed(self) -> None:
        self.changed.emit()
        self.reload()

    def _acted(self, _snapshot: object) -> None:
        self.message.setText(self.tr("Done."))
        self.reason.clear()
        self.changed.emit()
        self.runner.submit(lambda: self.service.visible(self.case_id), self._after_step, self._failed)

    def _after_step(self, still_visible: bool) -> None:
        """Reload — unless the step handed the case out of this desk's sight (a department's 回复)."""
        if still_visible:
            self.reload()
            return
        self.message.setText(self.tr("Done. The case has left your desk."))
        self._clear_actions()

    def _refused(self, error: Exception) -> None:
        self.message.setText(str(error))  # Chinese first, from the workflow's own refusals
        self.reload()

    def _cameras(self) -> None:
        if self.detail is not None:
            self.nearest_cameras_requested.emit(self.detail.case.lon, self.detail.case.lat)
