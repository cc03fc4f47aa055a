"""Where the credit record is reached from: 考核 ▸ 失信名单… (created when no other part made the
考核 menu yet) for whoever may read it, and 记录失信… on a case detail for 执法 and supervisors —
which opens the window on that case. One window at a time; MainWindow holds one ``CreditEntry``."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenuBar, QPushButton, QWidget

from commandcenter.services.hub import Services
from ui.background import BackgroundRunner
from ui.credit.qt_credit_window import QtCreditWindow
from ui.evaluation.shared_menu import assessment_menu


class CreditEntry(QObject):
    def __init__(self, services: Services, runner: BackgroundRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._service, self._runner, self._parent = services.credit, runner, parent
        self.window: QtCreditWindow | None = None

    @property
    def offered(self) -> bool:
        return self._service.may_view

    def install(self, menu_bar: QMenuBar) -> CreditEntry:
        if self.offered:
            action = assessment_menu(menu_bar).addAction(self.tr("Credit record…"))
            action.setObjectName("creditRecordAction")
            action.triggered.connect(self.open)
        return self

    def open(self) -> QtCreditWindow:
        if self.window is None:
            self.window = QtCreditWindow(self._service, self._runner, self._parent)
            self.window.destroyed.connect(self._closed)
        self.window.show()
        self.window.raise_()
        return self.window

    def _closed(self) -> None:
        self.window = None

    def offer(self, detail: QWidget, case_number: object) -> QPushButton | None:
        """A 记录失信… button on a case detail; ``case_number()`` gives the loaded case's number."""
        layout = getattr(detail, "top_row", None)
        if not self._service.may_manage or layout is None or not callable(case_number):
            return None
        button = QPushButton(self.tr("Record violation…"), detail)
        button.setObjectName("recordViolation")
        button.clicked.connect(lambda: self._record(str(case_number() or "")))
        layout.insertWidget(1, button)
        return button

    def _record(self, number: str) -> None:
        if number:
            self.open().record_for_case(number)
