"""延期 as a hand-off in real windows on the seed district: the office's handler clicks 延期 in the case
detail, fills the request dialog and sends it (the deadline stays); the supervisor's count and inbox
show the request, the supervisor's detail offers Approve/Refuse, the inbox approves; the handler's
detail then shows the moved deadline and the timeline the approved step."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from screen_words import ScreenReader, chinese_runs, english_words

from commandcenter.accounts.principal import Principal
from commandcenter.domain.case_requests import RequestStatus
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.domain.workflow import TRANSITIONS
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from ui.app import install_translations
from ui.background import BackgroundRunner
from ui.cases.approval_button import ApprovalButton
from ui.cases.qt_approval_inbox import QtApprovalInbox
from ui.cases.qt_case_detail import QtCaseDetail
from ui.main_window import MainWindow


@pytest.fixture
def host(qtbot: QtBot, qapp: QApplication) -> Iterator[tuple[QWidget, BackgroundRunner]]:
    widget = QWidget()
    qtbot.addWidget(widget)
    runner = BackgroundRunner(widget)
    yield widget, runner
    runner.shutdown()


def _case_in_hand(store: Store) -> tuple[int, int]:
    rows = store.execute_raw(
        "SELECT id, office_id FROM cases WHERE status IN ('签收', '处置') AND office_id IS NOT NULL "
        "AND deadline_at IS NOT NULL ORDER BY id LIMIT 1"
    )
    assert rows, "the seed district has acknowledged cases"
    return int(rows[0][0]), int(rows[0][1])


def _button(widget: QWidget, text: str) -> QPushButton | None:
    return next(
        (b for b in widget.findChildren(QPushButton) if b.text() == text and b.isVisibleTo(widget)), None
    )


def test_a_handler_asks_and_the_supervisor_approves_from_the_inbox(
    qtbot: QtBot, host: tuple[QWidget, BackgroundRunner], district_store: Store
) -> None:
    parent, runner = host
    case_id, office_id = _case_in_hand(district_store)
    handler = Services(district_store, Principal(70, "office-handler", "镇办甲", UserRole.OFFICE, office_id))
    supervisor = Services(district_store, Principal(71, "supervisor-x", "值班长", UserRole.SUPERVISOR, None))

    detail = QtCaseDetail(handler.cases, runner, case_id, parent, handler.approvals)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: bool(_button(detail, "延期")), timeout=20_000)
    assert detail.detail is not None
    before = detail.detail.case.deadline_at
    assert _button(detail, "挂账") is not None
    extend = _button(detail, "延期")
    assert extend is not None
    extend.click()
    assert detail.requests is not None
    dialog = detail.requests.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: bool(dialog.isVisible()))
    assert not dialog.submit_button.isEnabled()  # a reason is required
    dialog.hours.setValue(6.0)
    dialog.reason.setPlainText("等待更换井盖配件")
    assert dialog.submit_button.isEnabled()
    with qtbot.waitSignal(detail.changed, timeout=20_000):
        dialog.submit_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    summary = detail.requests.summary
    qtbot.waitUntil(lambda: bool(summary.isVisibleTo(detail) and "延期" in summary.text()), timeout=20_000)
    assert "6" in summary.text()
    qtbot.waitUntil(lambda: not _button(detail, "延期").isEnabled(), timeout=20_000)  # one at a time
    assert _button(detail, "挂账").isEnabled()
    assert detail.detail is not None
    assert detail.detail.case.deadline_at == before
    withdraw = detail.requests.withdraw_button
    assert withdraw.isVisibleTo(detail)
    assert not detail.requests.approve_button.isVisibleTo(detail)

    # The supervisor: the count, the detail's Approve/Refuse, the inbox.
    badge = ApprovalButton(supervisor.approvals, runner, lambda _case: None, parent)
    badge.start()
    qtbot.waitUntil(lambda: badge.count == 1, timeout=20_000)
    assert "1" in badge.text()
    watching = QtCaseDetail(supervisor.cases, runner, case_id, parent, supervisor.approvals)
    qtbot.addWidget(watching)
    watching.show()
    assert watching.requests is not None
    panel = watching.requests
    qtbot.waitUntil(lambda: bool(panel.approve_button.isVisibleTo(watching)), timeout=20_000)
    assert panel.refuse_button.isVisibleTo(watching)
    assert _button(watching, "延期") is None  # a supervisor decides requests, does not ask
    inbox = badge.open_inbox()
    assert isinstance(inbox, QtApprovalInbox)
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=20_000)
    assert inbox.table.item(0, 2).text() == "延期"
    assert inbox.table.item(0, 5).text() == "office-handler"
    inbox.refuse()  # without a reason: said, nothing sent
    assert inbox.message.text()
    assert inbox.table.rowCount() == 1
    inbox.note.setText("同意，限期完成")
    with qtbot.waitSignal(inbox.decided, timeout=20_000):
        inbox.approve()
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 0, timeout=20_000)
    qtbot.waitUntil(lambda: badge.count == 0, timeout=20_000)
    badge.stop()

    # The handler's detail: the deadline moved, the step is theirs, approved by the supervisor.
    detail.reload()
    qtbot.waitUntil(
        lambda: detail.detail is not None and detail.detail.case.deadline_at != before, timeout=20_000
    )
    assert detail.detail is not None
    last = detail.detail.timeline[-1]
    assert (last.action, last.actor, last.payload["approved_by"]) == (
        "延期",
        "office-handler",
        "supervisor-x",
    )
    assert detail.timeline.item(detail.timeline.rowCount() - 1, 2).text() == "延期"


def test_the_window_counts_requests_for_who_decides_or_asks(
    qtbot: QtBot, open_window: Callable[..., MainWindow], district_store: Store
) -> None:
    case_id, office_id = _case_in_hand(district_store)
    handler = Services(district_store, Principal(70, "office-handler", "镇办甲", UserRole.OFFICE, office_id))
    handler.approvals.request(case_id, "挂账", None, "需区里协调")
    operator = open_window()
    assert operator.approval_button is None  # an operator neither asks nor decides
    supervisor = Principal(71, "supervisor-x", "值班长", UserRole.SUPERVISOR, None)
    window = open_window(principal=supervisor)
    button = window.approval_button
    assert button is not None
    assert window.menu_bar.cornerWidget(Qt.Corner.TopRightCorner) is button
    qtbot.waitUntil(lambda: button.count == 1, timeout=20_000)
    assert "1" in button.text()
    inbox = button.open_inbox()
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=20_000)
    inbox.table.cellDoubleClicked.emit(0, 0)  # the double-click opens the case's detail
    details = window.findChildren(QtCaseDetail)
    assert [detail.case_id for detail in details] == [case_id]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_request_screens_speak_the_ui_language(
    qtbot: QtBot,
    host: tuple[QWidget, BackgroundRunner],
    shell_app: QApplication,
    district_store: Store,
    district_file: Path,
    language: str,
) -> None:
    """The dialog, the detail's request part (handler and supervisor), the inbox and its button read
    as ``test_visible_language`` reads the main window (user names carry a digit: data)."""
    install_translations(shell_app, language)
    parent, runner = host
    case_id, office_id = _case_in_hand(district_store)
    handler = Services(district_store, Principal(70, "office7", "镇办甲", UserRole.OFFICE, office_id))
    supervisor = Services(district_store, Principal(71, "supervisor7", "值班长", UserRole.SUPERVISOR, None))
    handler.approvals.request(case_id, "延期", 6, "等待更换井盖配件", ["photo:" + "a" * 64])
    asking = QtCaseDetail(handler.cases, runner, case_id, parent, handler.approvals)
    deciding = QtCaseDetail(supervisor.cases, runner, case_id, parent, supervisor.approvals)
    button = ApprovalButton(supervisor.approvals, runner, lambda _case: None, parent)
    button.start()
    for detail in (asking, deciding):
        qtbot.addWidget(detail)
        detail.show()
        assert detail.requests is not None
        panel = detail.requests
        qtbot.waitUntil(lambda panel=panel: bool(panel.summary.text()), timeout=20_000)
    assert asking.requests is not None
    dialog = asking.requests.open_request("挂账", "20260101-00001")
    inbox = button.open_inbox()
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1 and button.count == 1, timeout=20_000)
    button.stop()
    reader = ScreenReader()
    seen = [
        (w, t)
        for top in (asking, deciding, dialog, inbox, button)
        for w, t in reader.window(top)
        if t.strip()
    ]
    if language == "zh_CN":
        findings = [(w, t, words) for w, t in seen if (words := english_words(t))]
    else:
        domain = _stored_text(district_file)
        findings = [(w, t, runs) for w, t in seen if (runs := chinese_runs(t, domain))]
    assert not findings
    assert len(seen) > 30, "the scan read the screens"


def _stored_text(database: Path) -> str:
    """The domain's words: the workflow's and the requests' vocabulary and every stored text value."""
    values: set[str] = {status.value for status in CaseStatus} | {t.action for t in TRANSITIONS}
    values |= {status.value for status in RequestStatus}
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for column in connection.execute(f'PRAGMA table_info("{table}")'):
                if any(kind in str(column[2]).upper() for kind in ("CHAR", "TEXT", "JSON")):
                    rows = connection.execute(f'SELECT DISTINCT "{column[1]}" FROM "{table}"')
                    values |= {str(row[0]) for row in rows if row[0]}
    return "\n".join(values)
