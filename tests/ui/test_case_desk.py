"""The live case desk in real windows on the seed district: a burst coalesces into one pop-up and a
few reads, one click dispatches to the recommendation, the detail view acts through the workflow,
and the queue counts and orders what is open."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.accounts.principal import Principal
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cases.dispatch import DispatchRequest
from commandcenter.cases.intake import CaseIntake
from commandcenter.domain.cases import BoardCase, IncomingReport, NewCase
from commandcenter.domain.kinds import CaseStatus, PhotoStage, UserRole
from commandcenter.domain.settings import NotificationRules
from commandcenter.domain.units import Position
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.categories import category_codes
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.district.queries import enforcement_vehicles, segment_shapes
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.services.case_service import CaseService
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import principal_of_role, services_for
from commandcenter.testing.demo_district import middle_of
from ui.app import install_translations
from ui.background import BackgroundRunner
from ui.cases.arrival_chime import MIN_INTERVAL_S, ArrivalChime
from ui.cases.case_desk import CaseDesk
from ui.cases.case_table_model import CaseTableModel
from ui.cases.qt_case_detail import QtCaseDetail
from ui.cases.qt_case_popup import QtCasePopup
from ui.cases.qt_case_queue import QtCaseQueue
from ui.cases.qt_snapshot_evidence import QtSnapshotEvidence

BURST = 300


class Desk:
    def __init__(self, store: Store, qtbot: QtBot) -> None:
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.host.resize(1200, 800)
        self.runner = BackgroundRunner(self.host)
        self.desk = CaseDesk(services_for(store), self.runner, parent=self.host)
        self.queue = QtCaseQueue(self.desk, self.host)
        self.chime = ArrivalChime()
        self.popup = QtCasePopup(self.desk, anchor=self.host, chime=self.chime)
        self.queue.dispatch_requested.connect(self.popup.show_case)  # as MainWindow arranges them
        self.host.show()
        self.desk.start()
        self.queue.start()

    def stop(self) -> None:
        self.queue.stop()
        self.desk.stop()
        self.runner.shutdown()


@pytest.fixture
def desk(qtbot: QtBot, qapp: QApplication, district_store: Store) -> Iterator[Desk]:
    opened = Desk(district_store, qtbot)
    qtbot.waitUntil(lambda: opened.desk.advice.ready and len(opened.desk.board) > 0, timeout=20_000)
    yield opened
    opened.stop()


def _report_on_segment(store: Store, number: int, code: str = "S0501") -> IncomingReport:
    segment = segment_shapes(store)[number % 200]
    lon, lat = middle_of(segment)
    return IncomingReport(
        code, lon, lat, reporter=f"市民{number}", description="人行道上摆摊", photos=(f"photos/{number}.jpg",)
    )


def test_a_burst_is_one_popup_a_few_reads_and_one_chime(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    before = len(desk.desk.board)
    fetches_before = desk.desk.fetches
    codes = category_codes(district_store)

    def burst() -> None:
        for number in range(BURST):
            create_case(
                district_store,
                _new_case(district_store, number, codes[number % len(codes)]),
                now=datetime.now(UTC),
            )

    writer = threading.Thread(target=burst)
    started = time.monotonic()
    writer.start()
    qtbot.waitUntil(lambda: len(desk.desk.board) == before + BURST, timeout=60_000)
    writer.join()
    elapsed = time.monotonic() - started
    qtbot.waitUntil(lambda: desk.queue.model.rowCount() == before + BURST)  # redraws are throttled
    qtbot.waitUntil(lambda: desk.popup.current is not None and len(desk.popup.waiting) == BURST - 1)
    assert desk.popup.isVisible()
    assert desk.desk.fetches - fetches_before < BURST / 3  # coalesced, not one read per case
    assert 1 <= desk.chime.rung <= 1 + elapsed / MIN_INTERVAL_S  # once per interval, not per case
    assert desk.popup.more.text() != ""


def _new_case(store: Store, number: int, code: str) -> NewCase:
    report = _report_on_segment(store, number, code)
    return NewCase(code, "市民上报", report.description, f"测试地址{number}", report.lon, report.lat, "市民")


def test_one_click_dispatches_to_the_recommendation(qtbot: QtBot, desk: Desk, district_store: Store) -> None:
    intake = CaseIntake.from_store(district_store)
    outcome = intake.receive(_report_on_segment(district_store, 7), datetime.now(UTC))
    assert outcome.case_id is not None, outcome.result.rejections
    qtbot.waitUntil(lambda: desk.popup.current is not None and desk.popup.current.id == outcome.case_id)
    assert desk.popup.choices, "the pop-up offers no assignee"
    first = desk.popup.choices[0]
    assert desk.popup.choice_buttons[0].isVisible()
    assert first.staff.name in desk.popup.choice_buttons[0].text()
    with qtbot.waitSignal(desk.desk.dispatch_finished, timeout=20_000) as finished:
        qtbot.mouseClick(desk.popup.choice_buttons[0], Qt.MouseButton.LeftButton)
    assert finished.args[0] is True
    [row] = board_rows(district_store, [outcome.case_id])
    assert (row.status, row.assignee_id) == (CaseStatus.DISPATCHED, first.staff.id)
    qtbot.waitUntil(
        lambda: bool((fresh := desk.desk.board.get(outcome.case_id)) is not None and fresh.assignee_id),
        timeout=20_000,
    )
    assert desk.popup.current is None or desk.popup.current.id != outcome.case_id


def test_queue_counters_match_the_board(qtbot: QtBot, desk: Desk) -> None:
    now = datetime.now(UTC)
    counters = desk.desk.board.counters(now)
    desk.queue.refresh()
    assert desk.queue.counters["open"].value == counters.open == desk.queue.model.rowCount()
    assert desk.queue.counters["overdue"].value == counters.overdue
    ordered = [desk.queue.model.case_at(row).id for row in range(desk.queue.model.rowCount())]
    assert ordered == [case.id for case in desk.desk.board.ordered(now)]


def test_detail_shows_the_timeline_and_refuses_a_reject_without_reason(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    intake = CaseIntake.from_store(district_store)
    outcome = intake.receive(_report_on_segment(district_store, 11), datetime.now(UTC))
    assert outcome.case_id is not None
    detail = QtCaseDetail(desk.desk.service, desk.runner, outcome.case_id, desk.host)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: detail.detail is not None)
    assert detail.timeline.rowCount() == 1
    assert detail.timeline.item(0, 2).text() == "受理"
    detail.act("不予立案")
    qtbot.waitUntil(lambda: "原因" in detail.message.text() or "reason" in detail.message.text().lower())
    detail.reason.setText("重复上报")
    with qtbot.waitSignal(detail.changed, timeout=20_000):
        detail.act("不予立案")
    qtbot.waitUntil(lambda: detail.detail is not None and detail.detail.case.status == CaseStatus.REJECTED)
    qtbot.waitUntil(lambda: outcome.case_id not in desk.desk.board)


def test_a_dispatch_nobody_signed_for_suggests_escalation(
    qtbot: QtBot, desk: Desk, district_store: Store, shell_app: QApplication
) -> None:
    install_translations(shell_app, "zh_CN")  # the suggestion in the words of the Chinese UI
    intake = CaseIntake.from_store(district_store)
    outcome = intake.receive(_report_on_segment(district_store, 23), datetime.now(UTC))
    assert outcome.case_id is not None
    staff = outcome.recommendations[0].staff
    late = datetime.now(UTC) - timedelta(minutes=70)  # two acknowledgement timeouts ago
    two_timeouts_ago = CaseService(district_store, principal_of_role(), clock=lambda: late)
    two_timeouts_ago.dispatch(DispatchRequest(outcome.case_id, staff.id, staff.name, "值班员甲"))
    qtbot.waitUntil(lambda: desk.queue.counters["unacknowledged"].value >= 1, timeout=20_000)
    row = desk.queue.model.row_of(outcome.case_id)
    assert row is not None
    status = desk.queue.model.index(row, CaseTableModel.STATUS)
    assert str(status.data()).endswith("⚠")
    tooltip = str(status.data(Qt.ItemDataRole.ToolTipRole))
    assert "未签收" in tooltip
    assert "建议升级至：区城管局指挥中心" in tooltip


@pytest.mark.parametrize(("role", "allowed"), [(UserRole.OPERATOR, True), (UserRole.OFFICE, False)])
def test_a_signed_in_users_dispatch_is_checked_and_audited(
    qtbot: QtBot, qapp: QApplication, district_store: Store, role: UserRole, allowed: bool
) -> None:
    intake = CaseIntake.from_store(district_store)
    outcome = intake.receive(_report_on_segment(district_store, 31), datetime.now(UTC))
    assert outcome.case_id is not None
    assert outcome.result.office is not None
    office = None if allowed else outcome.result.office.id  # an office user of the case's own office
    principal = Principal(7, "operator9" if allowed else "office9", "值班员九", role, office)
    host = QWidget()
    qtbot.addWidget(host)
    runner = BackgroundRunner(host)
    desk = CaseDesk(Services(district_store, principal), runner, parent=host)
    desk.start()
    try:
        qtbot.waitUntil(lambda: desk.board.get(outcome.case_id) is not None, timeout=20_000)
        case = desk.board.get(outcome.case_id)
        assert case is not None
        staff = outcome.recommendations[0].staff
        with qtbot.waitSignal(desk.dispatch_finished, timeout=20_000) as finished:
            desk.dispatch(case, staff.id, staff.name)
        assert finished.args[0] is allowed
        audited = AuditTrail(district_store).recent(action=AuditAction.DISPATCH)
        mine = [r for r in audited if r.actor == principal.username and r.target == f"case:{case.id}"]
        assert bool(mine) is allowed
        if not allowed:
            [row] = board_rows(district_store, [case.id])
            assert row.assignee_id is None
    finally:
        desk.stop()
        runner.shutdown()


def test_the_desk_follows_the_settings_saved_elsewhere(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    """Another workstation's administrator switches the pop-up off and lengthens the 签收 timeout:
    within the desk's poll the late dispatch is no longer flagged, and a new case reaches the queue
    without popping up or ringing — no restart."""
    intake = CaseIntake.from_store(district_store)
    outcome = intake.receive(_report_on_segment(district_store, 31), datetime.now(UTC))
    assert outcome.case_id is not None
    staff = outcome.recommendations[0].staff
    late = datetime.now(UTC) - timedelta(minutes=70)
    CaseService(district_store, principal_of_role(), clock=lambda: late).dispatch(
        DispatchRequest(outcome.case_id, staff.id, staff.name, "值班员甲")
    )
    case_id = outcome.case_id

    def flagged() -> bool:
        row = desk.desk.board.get(case_id)
        return row is not None and desk.desk.board.unacknowledged_for(row, datetime.now(UTC)) is not None

    qtbot.waitUntil(flagged, timeout=20_000)
    desk.popup.next_case()  # nothing shown before the change
    rung = desk.chime.rung
    admin = services_for(district_store, UserRole.ADMIN)  # another workstation: its own LiveSettings
    stored = admin.settings.current()
    quiet = NotificationRules(popup=False, sound=False)
    admin.settings.save(
        replace(stored.settings, notifications=quiet, ack_timeout_minutes=90), stored.revision
    )
    qtbot.waitUntil(lambda: not desk.desk.settings().notifications.popup, timeout=20_000)
    assert not flagged()  # 70 minutes are within the new 90
    arrival = intake.receive(_report_on_segment(district_store, 37), datetime.now(UTC))
    qtbot.waitUntil(lambda: arrival.case_id in desk.desk.board, timeout=20_000)
    assert desk.popup.current is None
    assert desk.chime.rung == rung


def test_a_case_left_for_later_is_dispatched_from_the_queue(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    """Dispatch at any time: 稍后 in the pop-up, then the queue's 派遣 (menu or D) brings it back."""
    outcome = CaseIntake.from_store(district_store).receive(
        _report_on_segment(district_store, 11), datetime.now(UTC)
    )
    case_id = outcome.case_id
    assert case_id is not None, outcome.result.rejections
    qtbot.waitUntil(lambda: desk.popup.current is not None and desk.popup.current.id == case_id)
    desk.popup.dismiss()  # 稍后
    assert desk.popup.current is None or desk.popup.current.id != case_id
    qtbot.waitUntil(lambda: desk.queue.model.row_of(case_id) is not None)
    desk.queue.refresh()
    row = desk.queue.model.row_of(case_id)
    assert row is not None
    desk.queue.table.selectRow(row)
    case = desk.queue.selected_case()
    assert case is not None
    assert case.id == case_id
    menu = desk.queue.context_menu_for(case)
    assert [a.isEnabled() for a in menu.actions()] == [True, True]  # 派遣…, 详情…
    keys = {s.key().toString() for s in desk.queue.table.findChildren(QShortcut)}
    assert {"D", "Return"} <= keys
    desk.queue.dispatch_selected()  # what D does
    qtbot.waitUntil(lambda: desk.popup.current is not None and desk.popup.current.id == case_id)
    assert desk.popup.isVisible()
    assert desk.popup.choices
    first = desk.popup.choices[0]
    with qtbot.waitSignal(desk.desk.dispatch_finished, timeout=20_000) as finished:
        desk.popup.dispatch_choice(0)
    assert finished.args[0] is True
    [stored] = board_rows(district_store, [case_id])
    assert (stored.status, stored.assignee_id) == (CaseStatus.DISPATCHED, first.staff.id)
    # bool(): a callback returning None would count as passed at once (pytest-qt's assert style)
    qtbot.waitUntil(
        lambda: bool((fresh := desk.desk.board.get(case_id)) is not None and fresh.assignee_id),
        timeout=20_000,
    )
    dispatched = desk.desk.board.get(case_id)
    assert dispatched is not None
    texts = [action.text() for action in desk.queue.context_menu_for(dispatched).actions()]
    assert texts[0] == "Re-dispatch…  (D)"  # handed out, not signed for: 改派, never a second 派遣
    assert texts[1].startswith("Escalate to ")


def _on_board(desk: Desk, case_id: int) -> BoardCase:
    case = desk.desk.board.get(case_id)
    assert case is not None
    return case


def test_an_unsigned_case_is_re_dispatched_then_escalated_from_the_queue(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    """改派 through the pop-up (the holder is not offered again), then 升级 one level up with E."""
    outcome = CaseIntake.from_store(district_store).receive(
        _report_on_segment(district_store, 17), datetime.now(UTC)
    )
    case_id = outcome.case_id
    assert case_id is not None, outcome.result.rejections
    qtbot.waitUntil(lambda: bool(desk.desk.board.get(case_id)))
    first = desk.desk.recommendations(_on_board(desk, case_id))[0]
    with qtbot.waitSignal(desk.desk.dispatch_finished, timeout=20_000):
        desk.desk.dispatch(_on_board(desk, case_id), first.staff.id, first.staff.name)
    qtbot.waitUntil(lambda: bool((c := desk.desk.board.get(case_id)) and c.assignee_id == first.staff.id))
    desk.queue.refresh()
    row = desk.queue.model.row_of(case_id)
    assert row is not None
    desk.queue.table.selectRow(row)
    desk.queue.dispatch_selected()  # D
    qtbot.waitUntil(lambda: bool(desk.popup.current is not None and desk.popup.current.id == case_id))
    assert desk.popup.title.text().startswith("Re-dispatch")
    assert first.staff.id not in {choice.staff.id for choice in desk.popup.choices}
    second = desk.popup.choices[0]
    with qtbot.waitSignal(desk.desk.dispatch_finished, timeout=20_000) as finished:
        desk.popup.dispatch_choice(0)
    assert finished.args[0] is True, finished.args
    qtbot.waitUntil(lambda: bool((c := desk.desk.board.get(case_id)) and c.assignee_id == second.staff.id))
    [stored] = board_rows(district_store, [case_id])
    assert (stored.status, stored.assignee_id) == (CaseStatus.DISPATCHED, second.staff.id)
    step = desk.desk.next_escalation(_on_board(desk, case_id))
    assert step is not None
    desk.queue.refresh()
    desk.queue.table.selectRow(desk.queue.model.row_of(case_id) or 0)
    with qtbot.waitSignal(desk.desk.dispatch_finished, timeout=20_000) as finished:
        desk.queue.escalate_selected()  # E
    assert finished.args[0] is True, finished.args
    holder = None if step.staff is None else step.staff.id
    qtbot.waitUntil(lambda: bool((c := desk.desk.board.get(case_id)) and c.assignee_id == holder))
    events = [e.action for e in CaseService(district_store, principal_of_role()).detail(case_id).timeline]
    assert events[-2:] == ["改派", "升级"]


def test_the_detail_of_a_case_awaiting_dispatch_offers_dispatch_through_the_pop_up(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    outcome = CaseIntake.from_store(district_store).receive(
        _report_on_segment(district_store, 13), datetime.now(UTC)
    )
    assert outcome.case_id is not None
    detail = QtCaseDetail(desk.desk.service, desk.runner, outcome.case_id, desk.host)
    qtbot.addWidget(detail)
    detail.dispatch_requested.connect(desk.popup.show_case)  # as MainWindow arranges it
    detail.show()
    qtbot.waitUntil(lambda: detail.detail is not None)
    buttons = {b.text(): b for b in detail.findChildren(QPushButton)}
    qtbot.waitUntil(lambda: desk.popup.current is not None and desk.popup.current.id == outcome.case_id)
    desk.popup.dismiss()  # 稍后: the pop-up moves on, the detail brings the case back
    assert desk.popup.current is None or desk.popup.current.id != outcome.case_id
    buttons["Dispatch…"].click()
    qtbot.waitUntil(lambda: desk.popup.current is not None and desk.popup.current.id == outcome.case_id)
    assert desk.popup.choices


def test_the_office_rules_notes_show_in_the_pop_up_and_the_detail(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    note = "嵩山路/学校周边：学校周边 200 米内，从严处理"
    case = replace(_new_case(district_store, 19, "S0501"), notes=(note,))
    case_id = create_case(district_store, case, now=datetime.now(UTC))
    qtbot.waitUntil(lambda: bool(desk.popup.current is not None and desk.popup.current.id == case_id))
    assert desk.popup.rule_notes.text() == note
    assert desk.popup.rule_notes.isVisibleTo(desk.popup)
    detail = QtCaseDetail(desk.desk.service, desk.runner, case_id, desk.host)
    qtbot.addWidget(detail)
    qtbot.waitUntil(lambda: detail.detail is not None)
    assert note in detail.facts.text()


def test_an_enforcement_case_offers_a_vehicle_with_one_click_to_its_position(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    """违法搭建: the pop-up offers the nearest 联动执法车's crew and shows the vehicle in one click."""
    vehicle = enforcement_vehicles(district_store)[0]
    lon, lat = middle_of(segment_shapes(district_store)[33])
    record_positions(district_store, [Position(vehicle.unit_id, datetime.now(UTC), lon + 0.001, lat)])
    desk.desk.advice.refresh()  # what the desk's 15 s poll does
    report = IncomingReport("S0101", lon, lat, reporter="市民", description="楼顶违建", photos=("p.jpg",))
    outcome = CaseIntake.from_store(district_store).receive(report, datetime.now(UTC))
    case_id = outcome.case_id
    assert case_id is not None, outcome.result.rejections
    qtbot.waitUntil(lambda: bool(desk.popup.current is not None and desk.popup.current.id == case_id))
    offered = [choice for choice in desk.popup.choices if choice.vehicle is not None]
    if not offered:  # the responsible people come first; the vehicle is offered among the first three
        pytest.fail(f"no vehicle among {[choice.basis for choice in desk.popup.choices]}")
    assert desk.popup.vehicle_button.isVisibleTo(desk.popup)
    # the nearest one with a fresh fix: ours, moved beside the case — or another demo vehicle that
    # happens to stand nearer, its first fix minutes old (which depends on when the run started)
    chosen = offered[0].vehicle
    assert chosen is not None
    assert chosen.plate in desk.popup.vehicle_button.text()
    with qtbot.waitSignal(desk.popup.vehicle_requested) as shown:
        desk.popup.vehicle_button.click()
    assert shown.args == [chosen.unit_id]


def test_the_pop_up_opens_the_nearest_cameras_in_one_click_or_by_the_districts_rule(
    qtbot: QtBot, desk: Desk, district_store: Store
) -> None:
    intake = CaseIntake.from_store(district_store)
    first = intake.receive(_report_on_segment(district_store, 41), datetime.now(UTC))
    qtbot.waitUntil(lambda: bool(desk.popup.current is not None and desk.popup.current.id == first.case_id))
    with qtbot.waitSignal(desk.popup.nearest_cameras_requested) as clicked:
        desk.popup.cameras_button.click()
    assert clicked.args == [desk.popup.current.lon, desk.popup.current.lat]
    desk.popup.dismiss()
    admin = services_for(district_store, UserRole.ADMIN)
    stored = admin.settings.current()
    rules = replace(stored.settings.notifications, open_cameras=True)
    admin.settings.save(replace(stored.settings, notifications=rules), stored.revision)
    qtbot.waitUntil(lambda: desk.desk.settings().notifications.open_cameras, timeout=20_000)
    with qtbot.waitSignal(desk.popup.nearest_cameras_requested, timeout=20_000) as opened:
        second = intake.receive(_report_on_segment(district_store, 43), datetime.now(UTC))
    assert second.case_id is not None
    assert desk.popup.current is not None
    assert desk.popup.current.id == second.case_id
    assert opened.args == [desk.popup.current.lon, desk.popup.current.lat]


def test_a_wall_snapshot_is_attached_to_the_selected_case_as_evidence(
    qtbot: QtBot, desk: Desk, district_store: Store, tmp_path: Path
) -> None:
    """抓图 → 证据: the dialog offers the desk's open cases with the queue's selection first; the
    snapshot becomes the case's after-photo through the service (stored by hash, audited)."""
    outcome = CaseIntake.from_store(district_store).receive(
        _report_on_segment(district_store, 47), datetime.now(UTC)
    )
    case_id = outcome.case_id
    assert case_id is not None
    qtbot.waitUntil(lambda: desk.queue.model.row_of(case_id) is not None, timeout=20_000)
    desk.queue.refresh()
    desk.queue.table.selectRow(desk.queue.model.row_of(case_id) or 0)
    snapshot = QImage(160, 90, QImage.Format.Format_RGB32)
    snapshot.fill(QColor("#227744"))
    path = tmp_path / "CAM-0001-snapshot.png"
    assert snapshot.save(str(path), "PNG")
    dialog = QtSnapshotEvidence(
        desk.desk.service, desk.desk, desk.runner, desk.queue.selected_case, desk.host
    )
    qtbot.addWidget(dialog)
    dialog.offer("CAM-0001", str(path))
    assert dialog.isVisible()
    assert dialog.case.currentData() == case_id
    dialog.stage.setCurrentIndex(dialog.stage.findData(PhotoStage.DISPOSED.value))
    with qtbot.waitSignal(dialog.attached, timeout=20_000) as attached:
        dialog.attach_button.click()
    assert attached.args[0] == case_id
    detail = desk.desk.service.detail(case_id)
    assert [photo.uri for photo in detail.after] == [attached.args[1]]
    audit = AuditTrail(district_store).recent(action=AuditAction.PHOTO_ATTACHED)
    assert audit[-1].target == f"case:{case_id}"
