"""用户与审计 Users and audit (System ▸ Users and audit…): the Users tab for a principal the user
service lets manage users (administrators), the Audit log tab for one the audit service lets read it
(supervisors and leaders too). ``offered`` asks the services whether the window shows the entry."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget

from commandcenter.services.hub import Services
from ui.admin.qt_audit_tab import QtAuditTab
from ui.admin.qt_users_tab import QtUsersTab
from ui.background import BackgroundRunner


def offered(services: Services) -> bool:
    """Whether the signed-in principal gets the dialog at all (an operator does not)."""
    return services.users.may_manage() or services.audit_log.may_view()


class QtUsersAuditDialog(QDialog):
    def __init__(self, services: Services, runner: BackgroundRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("usersAuditDialog")
        self.setWindowTitle(self.tr("Users and audit"))
        self.resize(980, 640)
        self.tabs = QTabWidget(self)
        self.users_tab: QtUsersTab | None = None
        self.audit_tab: QtAuditTab | None = None
        if services.users.may_manage():
            self.users_tab = QtUsersTab(services.users, runner, self)
            self.tabs.addTab(self.users_tab, self.tr("Users"))
        if services.audit_log.may_view():
            self.audit_tab = QtAuditTab(services.audit_log, runner, self)
            self.tabs.addTab(self.audit_tab, self.tr("Audit log"))
        column = QVBoxLayout(self)
        column.addWidget(self.tabs)
