"""The case detail's 反馈答复 tab: what the citizens' clients (Open311: the 12345 hotline, an app) were
sent about this case — closed, returned, merged — when, whether it was delivered, after how many
attempts, and the last error (a delivery the gateway gave up on stays listed). Read through
``CaseService.client_answers`` on the worker; the tab is left empty for a case no client reported."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from commandcenter.domain.client_answers import GAVE_UP, ClientAnswer
from commandcenter.services.case_service import CaseService
from ui.background import BackgroundRunner
from ui.cases.case_table_model import local_time

_CONTEXT = "ClientAnswerWords"
_EVENTS: dict[str, str] = {  # str(): the marker's stub returns ``object``
    "closed": str(QT_TRANSLATE_NOOP("ClientAnswerWords", "Closed")),
    "returned": str(QT_TRANSLATE_NOOP("ClientAnswerWords", "Returned")),
    "merged": str(QT_TRANSLATE_NOOP("ClientAnswerWords", "Merged")),
}


def event_name(event: str) -> str:
    return QCoreApplication.translate(_CONTEXT, _EVENTS[event]) if event in _EVENTS else event


class QtClientAnswers(QTableWidget):
    def __init__(
        self, service: CaseService, runner: BackgroundRunner, case_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("clientAnswers")
        self.service, self.runner, self.case_id = service, runner, case_id
        self.answers: list[ClientAnswer] = []
        self.setHorizontalHeaderLabels(
            [
                self.tr("Event"),
                self.tr("Client"),
                self.tr("Queued"),
                self.tr("Delivered"),
                self.tr("Attempts"),
                self.tr("Last error"),
            ]
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def reload(self) -> None:
        # a refusal or an outage is the detail's own message (its read is refused or fails the same way)
        self.runner.submit(lambda: self.service.client_answers(self.case_id), self._show, lambda _e: None)

    def _show(self, answers: list[ClientAnswer]) -> None:
        self.answers = answers
        self.setRowCount(len(answers))
        for row, answer in enumerate(answers):
            cells = (
                event_name(answer.event),
                answer.client,
                local_time(answer.created_at),
                self._delivery(answer),
                str(answer.attempts),
                answer.last_error.removeprefix(GAVE_UP),
            )
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))

    def _delivery(self, answer: ClientAnswer) -> str:
        if answer.delivered_at is not None:
            return local_time(answer.delivered_at)
        return self.tr("Gave up") if answer.gave_up else self.tr("Pending")
