"""协商 from a case's detail: "Flag for consultation…" beside 最近摄像机 opens this small form —
reason (required), meeting date, 责任单位 — and flags the case through ``services.consultations``
on the runner; the core's bilingual line says why when it refuses (already flagged, no reason).
Offered only to who may manage the agenda (``AssessmentMenu.offer_in_detail``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from commandcenter.domain.consultations import Consultation
from commandcenter.services.consultation_service import ConsultationService
from ui.background import BackgroundRunner


class QtFlagConsultation(QDialog):
    def __init__(
        self,
        consultations: ConsultationService,
        runner: BackgroundRunner,
        case_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("flagConsultation")
        self.setWindowTitle(self.tr("Flag for consultation"))
        self.consultations, self.runner, self.case_id = consultations, runner, case_id
        self.flagged: Consultation | None = None
        self.reason = QLineEdit(self)
        self.department = QLineEdit(self)
        self.meeting = QDateEdit(QDate.currentDate(), self)
        self.meeting.setCalendarPopup(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Meeting date"), self.meeting)
        form.addRow(self.tr("Responsible department"), self.department)
        form.addRow(self.message)
        form.addRow(self.buttons)

    def send(self) -> None:
        chosen = self.meeting.date()
        meeting = date(chosen.year(), chosen.month(), chosen.day())
        case_id, reason, department = self.case_id, self.reason.text(), self.department.text()
        self.message.setText(self.tr("Working …"))
        self.runner.submit(
            lambda: self.consultations.flag(case_id, reason, meeting_date=meeting, department=department),
            self._done,
            lambda error: self.message.setText(str(error)),  # the core's "中文 / English" line
        )

    def _done(self, flagged: Consultation) -> None:
        self.flagged = flagged
        self.accept()
