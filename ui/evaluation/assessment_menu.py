"""The 考核 menu in the main window: 考核排名, 每日汇总, 协商议题 — each opens its window (one at a
time, brought to the front when open). Offered to who may read the indicators (leaders, supervisors,
office users, administrators); the window adds it in one line (``AssessmentMenu(...).install``), and
offers 协商 in each case detail it opens (``offer_in_detail``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMenuBar, QPushButton, QWidget

from commandcenter.accounts.permissions import Permission
from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.cases.qt_case_detail import QtCaseDetail
from ui.evaluation.qt_assessment_ranking import QtAssessmentRanking
from ui.evaluation.qt_consultations import QtConsultations
from ui.evaluation.qt_daily_summary import QtDailySummary
from ui.evaluation.qt_flag_consultation import QtFlagConsultation
from ui.evaluation.shared_menu import assessment_menu


class AssessmentMenu(QObject):
    def __init__(self, services: Services, runner: BackgroundRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.services, self.runner, self.host = services, runner, parent
        self.open_windows: dict[str, QDialog] = {}

    def install(self, menu_bar: QMenuBar) -> None:
        if not self.services.principal.can(Permission.VIEW_INDICATORS):
            return
        menu = assessment_menu(menu_bar)
        menu.addAction(self.tr("Assessment ranking…")).triggered.connect(self.open_ranking)
        menu.addAction(self.tr("Daily summary…")).triggered.connect(self.open_daily)
        menu.addAction(self.tr("Consultation agenda…")).triggered.connect(self.open_consultations)

    def open_ranking(self) -> QDialog:
        return self._open(
            "ranking", lambda: QtAssessmentRanking(self.services.assessments, self.runner, self.host)
        )

    def open_daily(self) -> QDialog:
        return self._open("daily", lambda: QtDailySummary(self.services.assessments, self.runner, self.host))

    def open_consultations(self) -> QDialog:
        return self._open(
            "consultations", lambda: QtConsultations(self.services.consultations, self.runner, self.host)
        )

    def offer_in_detail(self, detail: QtCaseDetail) -> None:
        """A "Flag for consultation…" button in a case detail's top row, for who manages the agenda."""
        if not self.services.consultations.may_manage:
            return
        button = QPushButton(self.tr("Flag for consultation…"), detail)
        button.setObjectName("flagConsultationButton")
        button.clicked.connect(lambda: self._flag(detail))
        detail.top_row.insertWidget(1, button)

    def _flag(self, detail: QtCaseDetail) -> None:
        dialog = QtFlagConsultation(self.services.consultations, self.runner, detail.case_id, detail)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(
            lambda: detail.message.setText(self.tr("Flagged for the consultation meeting."))
        )
        dialog.show()

    def _open(self, name: str, make: Callable[[], QDialog]) -> QDialog:
        window = self.open_windows.get(name)
        if window is None:
            window = make()
            window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            window.destroyed.connect(lambda _obj=None, key=name: self.open_windows.pop(key, None))
            self.open_windows[name] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window
