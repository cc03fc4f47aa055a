"""A department's user (联动: 爱卫办) signs in to the same window and works exactly the cases its
department holds: the queue shows the case the centre handed over and nothing else, another case's
detail is refused in words, and the department's answer (回复) hands the case back — it leaves the
department's queue. The scope is the services'; this drives the real window on the seed district."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.cases.case_table_model import CaseTableModel
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]


def test_the_department_desk_shows_what_it_holds_and_answers_it_back(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    centre = services_for(district_store)
    open_cases = centre.cases.board()
    health = next(d for d in centre.cases.departments() if d.name == "爱卫办")
    mine, other = [case for case in open_cases if case.department_id is None][:2]
    centre.cases.hand_to_department(mine.id, mine.version, health.id, hours=4, reason="灭鼠")
    window = open_window(
        principal=Principal(77, "deptD07", "爱卫办值班", UserRole.DEPARTMENT, None, "爱卫办")
    )

    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1, timeout=30_000)
    assert window.cases.model.case_at(0).id == mine.id
    time_left = window.cases.model.item(0, CaseTableModel.DEADLINE).text()
    assert time_left != "—"  # the department's own hand-off deadline counts down

    refused = window.open_case(other.id)
    qtbot.waitUntil(lambda: bool(refused.message.text()), timeout=20_000)
    assert refused.detail is None
    assert "不在本部门办理" in refused.message.text()
    refused.close()

    detail = window.open_case(mine.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=20_000)
    buttons = {button.text(): button for button in detail.findChildren(QPushButton)}
    assert "回复" in buttons
    assert not {"派遣…", "Dispatch…", "结案", "作废"} & set(buttons)
    detail.reason.setText("已组织灭鼠，请复核")
    buttons["回复"].click()
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 0, timeout=30_000)
    qtbot.waitUntil(lambda: "不在本部门办理" in detail.message.text())  # "has left your desk"
    [answered] = centre.cases.board([mine.id])
    assert answered.department_id is None
    # The district's live picture is not the department's: hidden, and never asked for (no refusals).
    assert not window.map_dock.isVisible()
    assert not window.kpis.isVisible()
    refusals = [
        record
        for record in AuditTrail(district_store).recent(limit=500)
        if record.actor == "deptD07" and record.action == AuditAction.ACCESS_DENIED
    ]
    assert [record.target for record in refusals] == [f"case:{other.id}"]


def test_the_centre_hands_a_case_to_a_department_from_the_detail(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window()
    centre = services_for(district_store)
    case = next(case for case in centre.cases.board() if case.department_id is None)
    detail = window.open_case(case.id)
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=20_000)

    def choose() -> None:  # runs inside the dialog's own event loop
        dialog = detail.handoff_dialog
        if dialog is None or dialog.department.count() == 0:
            QTimer.singleShot(50, choose)
            return
        dialog.department.setCurrentIndex(dialog.department.findText("社管办"))
        dialog.hours.setValue(8)
        dialog.accept()

    QTimer.singleShot(50, choose)
    handoff = detail.findChild(QPushButton, "handoffButton")
    assert handoff is not None
    handoff.click()
    qtbot.waitUntil(
        lambda: bool(centre.cases.board([case.id])[0].department_name == "社管办"), timeout=20_000
    )
    qtbot.waitUntil(lambda: "社管办" in detail.facts.text(), timeout=20_000)
    [event] = [e for e in centre.cases.detail(case.id).timeline if e.action == "转办"]
    assert event.payload["handoff_hours"] == 8
