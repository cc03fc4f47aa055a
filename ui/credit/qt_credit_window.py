"""考核 ▸ 失信名单 Credit record: one window with the list, the violators and their violations, and —
for 执法 and supervisors — the 记录失信 form. Opening it applies expiry first (``services.credit.sweep``
on a worker, like every call here), so a listing past its term is gone before the list is read; a
change on one tab reads the others again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from commandcenter.services.credit_service import CreditService
from ui.background import BackgroundRunner
from ui.credit.qt_confirm_violation import QtConfirmViolation
from ui.credit.qt_credit_list import QtCreditList
from ui.credit.qt_credit_violators import QtCreditViolators


class QtCreditWindow(QDialog):
    def __init__(
        self, service: CreditService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("creditWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setModal(False)
        self.setWindowTitle(self.tr("Credit record"))
        self.resize(980, 560)
        self._service, self._runner = service, runner
        self.list = QtCreditList(service, runner, self)
        self.violators = QtCreditViolators(service, runner, self)
        self.confirm: QtConfirmViolation | None = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.list, self.tr("Joint-punishment list"))
        self.tabs.addTab(self.violators, self.tr("Violators"))
        if service.may_manage:
            self.confirm = QtConfirmViolation(service, runner, self)
            self.tabs.addTab(self.confirm, self.tr("Record a violation"))
            self.confirm.confirmed.connect(self.reload)
        self.list.changed.connect(self.reload)
        self.violators.changed.connect(self.list.reload)
        QVBoxLayout(self).addWidget(self.tabs)
        self._runner.submit(service.sweep, lambda _swept: self.reload(), lambda _error: self.reload())

    def reload(self) -> None:
        self.list.reload()
        self.violators.reload()

    def record_for_case(self, number: str) -> None:
        """Open on the 记录失信 tab with the case looked up (the case detail's button)."""
        if self.confirm is not None:
            self.tabs.setCurrentWidget(self.confirm)
            self.confirm.look_up(number)
