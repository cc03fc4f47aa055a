"""The users-and-audit dialog (System ▸ Users and audit…) on the demo district in SQLite: an
administrator creates an office user through the form (the service lists it, an audit row records
it), disables them (shown inactive), resets a password (shown once), verifies the chain (intact) and
exports the log; an operator gets no menu entry, a leader only the audit log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from commandcenter.accounts.authenticator import Authenticator
from commandcenter.accounts.session import Session
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import principal_of_role, services_for
from ui.admin.qt_users_audit_dialog import QtUsersAuditDialog
from ui.background import BackgroundRunner
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
WAIT_MS = 20_000


@pytest.fixture
def admin_dialog(qtbot: QtBot, qapp: QApplication, district_store: Store) -> QtUsersAuditDialog:
    runner = BackgroundRunner()
    dialog = QtUsersAuditDialog(services_for(district_store, UserRole.ADMIN, username="admin1"), runner)
    qtbot.addWidget(dialog)
    dialog.destroyed.connect(runner.shutdown)
    dialog.show()
    return dialog


def _row(table, text: str) -> list[str] | None:  # type: ignore[no-untyped-def]
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == text:
            return [table.item(row, c).text() for c in range(table.columnCount())]
    return None


def test_admin_creates_disables_and_resets_an_office_user(
    qtbot: QtBot, admin_dialog: QtUsersAuditDialog, district_store: Store
) -> None:
    users = admin_dialog.users_tab
    assert users is not None
    qtbot.waitUntil(lambda: users.loaded and bool(users.offices), timeout=WAIT_MS)
    form = users.open_new_form()
    form.username.setText("zhangsan")
    form.display_name.setText("张三")
    form.role.setCurrentIndex(form.role.findData(UserRole.OFFICE.value))
    assert form.office.isEnabled()
    office_id = form.chosen_office()
    assert office_id is not None
    form.password.setText("weak")
    form.accept()
    qtbot.waitUntil(lambda: "password" in users.status.text().lower(), timeout=WAIT_MS)  # one line, no row
    assert _row(users.table, "zhangsan") is None
    form = users.open_new_form()
    form.username.setText("zhangsan")
    form.display_name.setText("张三")
    form.role.setCurrentIndex(form.role.findData(UserRole.OFFICE.value))
    form.password.setText("Initial-pass-2026")
    form.accept()
    qtbot.waitUntil(lambda: _row(users.table, "zhangsan") is not None, timeout=WAIT_MS)
    listed = {u.username: u for u in services_for(district_store, UserRole.ADMIN).users.list_users()}
    assert listed["zhangsan"].office_id == office_id
    assert listed["zhangsan"].must_change_password
    audit = services_for(district_store, UserRole.ADMIN).audit_log.recent()
    assert any(r.actor == "admin1" and r.target == "user:zhangsan" for r in audit)

    users.select("zhangsan")
    users.toggle_active()
    qtbot.waitUntil(lambda: (_row(users.table, "zhangsan") or [""] * 6)[5] == "no", timeout=WAIT_MS)
    users.select("zhangsan")
    users.reset_password()
    qtbot.waitUntil(lambda: users.message is not None and users.message.isVisible(), timeout=WAIT_MS)
    assert users.message is not None
    assert "One-time password for zhangsan: " in users.message.text()


def test_the_audit_tab_verifies_the_chain_and_exports(
    qtbot: QtBot, admin_dialog: QtUsersAuditDialog, tmp_path: Path
) -> None:
    audit = admin_dialog.audit_tab
    assert audit is not None
    audit.verify()
    qtbot.waitUntil(lambda: audit.report is not None, timeout=WAIT_MS)
    assert audit.report is not None
    assert audit.report.ok
    assert audit.status.text().startswith("Chain intact")
    target = tmp_path / "audit.csv"
    audit.export_to(target)
    qtbot.waitUntil(lambda: audit.exported is not None, timeout=WAIT_MS)
    assert target.read_text("utf-8-sig").startswith("seq,ts_utc,actor,action,target")
    qtbot.waitUntil(lambda: _row_with_action(audit, "export"), timeout=WAIT_MS)


def _row_with_action(audit, word: str) -> bool:  # type: ignore[no-untyped-def]
    return any(audit.table.item(row, 2).text() == word for row in range(audit.table.rowCount()))


def test_the_entry_is_offered_by_role(qtbot: QtBot, open_window: OpenWindow) -> None:
    operator = open_window("en")
    assert operator.users_audit_action is None
    system = operator.menu_bar.actions()[0].menu()
    assert "Users and audit…" not in [action.text() for action in system.actions()]
    admin = open_window("en", principal=principal_of_role(UserRole.ADMIN))
    assert admin.users_audit_action is not None
    admin.users_audit_action.trigger()
    dialog = admin.findChild(QtUsersAuditDialog)
    assert dialog is not None
    assert dialog.isVisible()
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["Users", "Audit log"]
    leader = open_window("en", principal=principal_of_role(UserRole.LEADER))
    only_audit = leader.open_users_audit()
    assert only_audit.users_tab is None
    assert only_audit.audit_tab is not None


def test_a_department_is_chosen_in_the_form_and_listed(
    qtbot: QtBot, admin_dialog: QtUsersAuditDialog, district_store: Store
) -> None:
    users = admin_dialog.users_tab
    assert users is not None
    qtbot.waitUntil(lambda: users.loaded, timeout=WAIT_MS)
    form = users.open_new_form()
    assert form.department.findText("爱卫办") >= 0  # the seed's departments are offered
    form.username.setText("aiweiban1")
    form.display_name.setText("李四")
    form.role.setCurrentIndex(form.role.findData(UserRole.SUPERVISOR.value))
    form.department.setCurrentText("爱卫办")
    form.password.setText("Initial-pass-2026")
    form.accept()
    qtbot.waitUntil(lambda: _row(users.table, "aiweiban1") is not None, timeout=WAIT_MS)
    assert (_row(users.table, "aiweiban1") or [])[4] == "爱卫办"
    users.select("aiweiban1")
    form = users.open_role_form()
    assert form is not None
    assert form.chosen_department() == "爱卫办"
    form.department.setCurrentText("社管办")
    form.accept()
    qtbot.waitUntil(lambda: (_row(users.table, "aiweiban1") or [""] * 5)[4] == "社管办", timeout=WAIT_MS)
    audit = services_for(district_store, UserRole.ADMIN).audit_log.recent()
    changes = [
        r.details for r in audit if r.target == "user:aiweiban1" and r.details.get("change") == "department"
    ]
    assert changes == [{"change": "department", "from": "爱卫办", "to": "社管办"}]


def test_a_stale_session_asks_for_the_password_again_and_then_acts(
    qtbot: QtBot, qapp: QApplication, district_store: Store
) -> None:
    admin = services_for(district_store, UserRole.ADMIN, username="admin1")
    admin.users.create_user("root2", "Root", "admin", None, "Strong-pass-2026-x", must_change=False)
    admin.users.create_user("victim", "Victim", "operator", None, "Other-pass-2026", must_change=False)
    authenticator = Authenticator(district_store)
    principal = authenticator.login("root2", "Strong-pass-2026-x")
    now = [datetime.now(UTC)]
    session = Session(principal, authenticator, lock_after=None, clock=lambda: now[0])
    now[0] += timedelta(minutes=10)  # past the 5-minute re-auth window
    runner = BackgroundRunner()
    dialog = QtUsersAuditDialog(Services(district_store, principal, session=session), runner)
    qtbot.addWidget(dialog)
    dialog.destroyed.connect(runner.shutdown)
    dialog.show()
    users = dialog.users_tab
    assert users is not None
    qtbot.waitUntil(lambda: users.loaded, timeout=WAIT_MS)
    users.select("victim")
    users.toggle_active()
    qtbot.waitUntil(lambda: users.reauth is not None and users.reauth.isVisible(), timeout=WAIT_MS)
    assert users.reauth is not None
    assert (_row(users.table, "victim") or [""] * 6)[5] == "yes"  # nothing done yet
    users.reauth.password.setText("Strong-pass-2026-x")
    users.reauth.submit()
    qtbot.waitUntil(lambda: (_row(users.table, "victim") or [""] * 6)[5] == "no", timeout=WAIT_MS)
