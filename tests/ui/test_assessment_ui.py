"""The 考核 windows on the seed district (its week of history dispatched and closed through the
trail): a leader's ranking of the 18 offices with colour grades, the month's money summing to 0,
publishing freezing it; an office user's ranking showing only their own figures; the daily summary;
a supervisor flagging a case for the consultation meeting; and the main window's 考核 menu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.domain.kinds import UserRole
from commandcenter.evaluation.periods import PeriodKind
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import principal_of_role, services_for
from ui.background import BackgroundRunner
from ui.evaluation.qt_assessment_ranking import QtAssessmentRanking, current_label
from ui.evaluation.qt_consultations import QtConsultations
from ui.evaluation.qt_daily_summary import QtDailySummary
from ui.evaluation.qt_flag_consultation import QtFlagConsultation

SHOTS = Path("/tmp/assess-shots")
OFFICES = 18


@pytest.fixture
def host(qtbot: QtBot, qapp: QApplication) -> Iterator[tuple[QWidget, BackgroundRunner]]:
    widget = QWidget()
    qtbot.addWidget(widget)
    runner = BackgroundRunner(widget)
    yield widget, runner
    runner.shutdown()


def _column(window: QtAssessmentRanking, name: str) -> int:
    headers = [window.table.horizontalHeaderItem(c).text() for c in range(window.table.columnCount())]
    return headers.index(name)


def test_leader_ranks_the_month_and_publishes_it(
    qtbot: QtBot, host: tuple[QWidget, BackgroundRunner], district_store: Store
) -> None:
    parent, runner = host
    leader = services_for(district_store, UserRole.LEADER)
    window = QtAssessmentRanking(leader.assessments, runner, parent)
    qtbot.addWidget(window)
    window.show()
    window.kind.setCurrentIndex(0)  # this week: the seed's history lies in it
    qtbot.waitUntil(lambda: bool(window.shown and window.shown.kind is PeriodKind.WEEK), timeout=20_000)
    assert window.table.rowCount() == OFFICES
    score = _column(window, "Score")
    scored = [
        window.table.item(r, score).text()
        for r in range(OFFICES)
        if window.table.item(r, score).text() != "—"
    ]
    assert scored, "the seed's dispatched cases give the offices scores"
    grade = window.table.item(0, 2)
    assert grade.text() in {"优", "良", "中", "差"}
    assert grade.background().color().name() in {"#2e7d32", "#1565c0", "#ef6c00", "#c62828"}
    window.kind.setCurrentIndex(1)  # this month, with the money
    window.period.setText(current_label(PeriodKind.WEEK))  # first the mismatch: a bilingual line
    window.reload()
    qtbot.waitUntil(lambda: "/" in window.message.text(), timeout=20_000)
    window.period.setText(current_label(PeriodKind.MONTH))
    window.reload()
    qtbot.waitUntil(lambda: bool(window.shown and window.shown.kind is PeriodKind.MONTH), timeout=20_000)
    money = _column(window, "Reward/penalty (CNY)")
    amounts = [int(window.table.item(r, money).text().replace(",", "")) for r in range(OFFICES)]
    assert sum(amounts) == 0
    assert "sum to 0 CNY" in window.state.text()
    assert window.publish_button.isVisible()
    window.publish_button.click()
    qtbot.waitUntil(lambda: "Published by" in window.state.text(), timeout=20_000)
    assert not window.publish_button.isEnabled()
    [entry] = AuditTrail(district_store).recent(action=AuditAction.ASSESSMENT_PUBLISHED)
    assert entry.actor == leader.principal.username
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "assessment-ranking.png"))


def test_office_user_sees_places_and_only_their_figures(
    qtbot: QtBot, host: tuple[QWidget, BackgroundRunner], district_store: Store
) -> None:
    parent, runner = host
    office = services_for(district_store, UserRole.OFFICE, office_id=3)
    window = QtAssessmentRanking(office.assessments, runner, parent)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.table.rowCount() == OFFICES, timeout=20_000)
    assert not window.publish_button.isVisibleTo(window)
    segments = _column(window, "Segments")
    shown = [r for r in range(OFFICES) if window.table.item(r, segments).text() != "—"]
    assert len(shown) == 1
    assert window.shown is not None
    assert window.shown.rows[shown[0]].office_id == 3


def test_daily_summary_and_consultation_flag(
    qtbot: QtBot, host: tuple[QWidget, BackgroundRunner], district_store: Store
) -> None:
    parent, runner = host
    supervisor = services_for(district_store, UserRole.SUPERVISOR)
    daily = QtDailySummary(supervisor.assessments, runner, parent)
    qtbot.addWidget(daily)
    qtbot.waitUntil(lambda: daily.table.rowCount() == OFFICES + 1, timeout=20_000)
    assert daily.table.item(OFFICES, 0).text() == "合计"
    assert int(daily.table.item(OFFICES, 1).text()) == sum(row.received for row in daily.rows)
    patrolled = daily.table.item(0, 5).text()  # from the roster and the tracks: a count, "—" without a roster
    assert (
        patrolled == "—" if daily.rows[0].patrol is None else patrolled == str(daily.rows[0].patrol.on_duty)
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    daily.grab().save(str(SHOTS / "daily-summary.png"))
    agenda = QtConsultations(supervisor.consultations, runner, parent)
    qtbot.addWidget(agenda)
    agenda.show()
    agenda.case_id.setValue(5)
    agenda.department.setText("市政工程")
    agenda.flag_button.click()  # no reason yet: refused in words
    qtbot.waitUntil(lambda: "/" in agenda.message.text(), timeout=10_000)
    agenda.text.setText("涉及多部门，需协商")
    agenda.flag_button.click()
    qtbot.waitUntil(lambda: agenda.table.rowCount() == 1, timeout=10_000)
    assert agenda.table.item(0, 0).text() == "#5"
    assert agenda.table.item(0, 3).text() == "市政工程"
    [entry] = AuditTrail(district_store).recent(action=AuditAction.CONSULTATION_CHANGE)
    assert entry.target == "case:5"
    agenda.grab().save(str(SHOTS / "consultations.png"))
    ranking = QtAssessmentRanking(supervisor.assessments, runner, parent)  # 督办 beside the ranking
    qtbot.addWidget(ranking)
    qtbot.waitUntil(lambda: "市政工程" in ranking.supervision.text(), timeout=20_000)
    assert "1 consultation cases" in ranking.supervision.text()


def test_main_window_offers_the_assessment_menu(open_window, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    window = open_window("en", principal=principal_of_role(UserRole.LEADER))
    menus = {action.text(): action.menu() for action in window.menu_bar.actions()}
    menu = menus.get("Assessment")
    assert isinstance(menu, QMenu)
    assert [a.text() for a in menu.actions()] == [
        "Assessment ranking…",
        "Daily summary…",
        "Consultation agenda…",
        "Inspections…",  # a leader reads them
        "Credit record…",
        "",  # the separator before the documents
        "Reports…",
    ]
    menu.actions()[0].trigger()
    ranking = window.findChild(QtAssessmentRanking)
    assert ranking is not None
    qtbot.waitUntil(lambda: ranking.table.rowCount() == OFFICES, timeout=20_000)
    ranking.close()


def test_a_supervisor_flags_a_case_from_its_detail(  # type: ignore[no-untyped-def]
    open_window, qtbot: QtBot, district_store: Store
) -> None:
    window = open_window("en", principal=principal_of_role(UserRole.SUPERVISOR))
    detail = window.open_case(7)
    button = detail.findChild(QPushButton, "flagConsultationButton")
    assert button is not None
    button.click()
    dialog = detail.findChild(QtFlagConsultation)
    assert dialog is not None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # no reason: refused in words
    qtbot.waitUntil(lambda: "/" in dialog.message.text(), timeout=10_000)
    dialog.reason.setText("多部门职责交叉")
    dialog.department.setText("园林绿化")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: detail.message.text() == "Flagged for the consultation meeting.", timeout=10_000)
    [flag] = services_for(district_store, UserRole.SUPERVISOR).consultations.listed()
    assert (flag.case_id, flag.department, flag.reason) == (7, "园林绿化", "多部门职责交叉")
    detail.close()
    operator = open_window("en")  # the duty operator does not manage the agenda: no button
    assert operator.open_case(7).findChild(QPushButton, "flagConsultationButton") is None
