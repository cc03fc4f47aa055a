"""考核 ▸ 失信名单 with real widgets on a real database: a supervisor looks a muck truck case up, takes
the plate the case names, confirms violations until the plate is listed — the list shows it with its
reason, the violators tab its violations, the export writes the file; a 执法's appeal upheld by the
supervisor takes it off the list; an office user and a leader get no form; the 考核 menu and the case
detail's 记录失信… button open the window. Screenshots in /tmp/credit-shots."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenuBar, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.credit.record import ViolatorDraft
from commandcenter.domain.credit import CreditThreshold, ViolatorKind
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.services.hub import Services
from commandcenter.testing.accounts import principal_of_role
from commandcenter.testing.credit_cases import TRUCK_CASE, case_number, credit_services, load_credit_district
from ui.background import BackgroundRunner
from ui.cases.qt_case_detail import QtCaseDetail
from ui.credit.credit_entry import CreditEntry
from ui.credit.qt_credit_window import QtCreditWindow
from ui.main_window import MainWindow
from ui.settings.qt_settings_dialog import QtSettingsDialog

WAIT_MS = 10_000
SHOTS = Path("/tmp/credit-shots")
PLATE = ViolatorDraft(ViolatorKind.PLATE, "豫A12345", "豫A12345")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(f"sqlite:///{tmp_path / 'credit.sqlite'}")
    load_credit_district(opened, datetime.now(UTC))
    yield opened
    opened.close()


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    background = BackgroundRunner()
    yield background
    background.shutdown()


def services(store: Store, role: UserRole, name: str, office_id: int | None = None) -> Services:
    return credit_services(store, role, lambda: datetime.now(UTC), username=name, office_id=office_id)


def window_of(qtbot: QtBot, who: Services, runner: BackgroundRunner) -> QtCreditWindow:
    window = QtCreditWindow(who.credit, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.list.message.text().endswith("on the list")), timeout=WAIT_MS)
    return window


def shoot(widget: QWidget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_a_supervisor_confirms_violations_until_the_plate_is_listed(
    qtbot: QtBot, store: Store, runner: BackgroundRunner, tmp_path: Path
) -> None:
    window = window_of(qtbot, services(store, UserRole.SUPERVISOR, "zbz1"), runner)
    form = window.confirm
    assert form is not None
    for number, listed in ((TRUCK_CASE, False), (case_number(3), False), (case_number(5), True)):
        form.look_up(number)
        qtbot.waitUntil(lambda: bool(form.confirm_button.isEnabled()), timeout=WAIT_MS)
        if number == TRUCK_CASE:
            offered = [form.suggestions.item(n).text() for n in range(form.suggestions.count())]
            assert offered == ["Vehicle plate: 豫A12345", "Transport company: 二七区渣土运输公司"]
            window.tabs.setCurrentWidget(form)
            shoot(window, "record-violation")
            where = form.suggestions.visualItemRect(form.suggestions.item(0)).center()
            qtbot.mouseClick(form.suggestions.viewport(), Qt.MouseButton.LeftButton, pos=where)
        else:
            assert form.suggestions.count() == 0  # a plain case names no vehicle: the form keeps who
        assert (form.kind.currentData(), form.name.text(), form.identifier.text()) == (
            "plate",
            "豫A12345",
            "豫A12345",
        )
        qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool("recorded on case" in form.message.text()), timeout=WAIT_MS)
        assert ("Now on the list: 3 violations within 12 months." in form.message.text()) is listed
    qtbot.waitUntil(lambda: window.list.table.rowCount() == 1, timeout=WAIT_MS)
    cells = [window.list.table.item(0, column).text() for column in range(7)]
    assert cells[:3] == ["Vehicle plate", "豫A12345", "豫A12345"]
    assert cells[4:][0] == "3 violations within 12 months"
    assert cells[6] == "3"
    window.tabs.setCurrentWidget(window.list)
    shoot(window, "list")
    out = tmp_path / "名单.csv"
    window.list.export_to(str(out), "csv")
    qtbot.waitUntil(lambda: bool(window.list.message.text().startswith("Exported 1 rows")), timeout=WAIT_MS)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    window.tabs.setCurrentWidget(window.violators)
    qtbot.waitUntil(lambda: window.violators.records.rowCount() == 3, timeout=WAIT_MS)
    shoot(window, "violators")
    # the duplicate is refused in the core's words, nothing lost
    form.look_up(case_number(5))
    qtbot.waitUntil(lambda: bool(form.confirm_button.isEnabled()), timeout=WAIT_MS)
    qtbot.mouseClick(form.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool("already recorded" in form.message.text()), timeout=WAIT_MS)


def test_an_appeal_filed_by_enforcement_and_upheld_by_the_supervisor(
    qtbot: QtBot, store: Store, runner: BackgroundRunner
) -> None:
    for number in (1, 3, 5):
        services(store, UserRole.INSPECTOR, "zf1").credit.confirm(case_number(number), PLATE, 2)
    enforcement = window_of(qtbot, services(store, UserRole.INSPECTOR, "zf1"), runner)
    tab = enforcement.violators
    assert not tab.uphold_button.isVisibleTo(enforcement)
    qtbot.waitUntil(lambda: tab.records.rowCount() == 3, timeout=WAIT_MS)
    tab.note.setText("车辆当日在外地维修")
    qtbot.mouseClick(tab.file_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.message.text().startswith("Appeal filed")), timeout=WAIT_MS)
    supervisor = window_of(qtbot, services(store, UserRole.SUPERVISOR, "zbz1"), runner)
    assert supervisor.list.table.rowCount() == 1
    decide = supervisor.violators
    qtbot.waitUntil(lambda: decide.records.rowCount() == 3, timeout=WAIT_MS)
    assert decide.records.item(0, 6).text() == "Appeal filed"
    decide.note.setText("维修记录属实")
    qtbot.mouseClick(decide.uphold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(decide.message.text().startswith("Appeal upheld")), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: supervisor.list.table.rowCount() == 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(decide.records.item(0, 6).text() == "Appeal upheld (void)"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool("ended" in decide.history.text()), timeout=WAIT_MS)
    assert decide.history.text().startswith("Listed ")
    assert decide.history.text().endswith(": Appeal upheld")
    supervisor.tabs.setCurrentWidget(decide)
    shoot(supervisor, "appeal-upheld")


def test_an_office_user_and_a_leader_read_only(qtbot: QtBot, store: Store, runner: BackgroundRunner) -> None:
    for number in (1, 2, 3):
        services(store, UserRole.INSPECTOR, "zf1").credit.confirm(case_number(number), PLATE, 2)
    office = window_of(qtbot, services(store, UserRole.OFFICE, "bsc2", office_id=2), runner)
    assert office.confirm is None
    assert not office.list.remove_button.isVisibleTo(office)
    assert office.list.table.item(0, 6).text() == "1"  # the office's own case only
    leader = window_of(qtbot, services(store, UserRole.LEADER, "ld1"), runner)
    assert (leader.confirm, leader.tabs.count()) == (None, 2)
    assert leader.list.table.item(0, 6).text() == "3"


def test_the_assessment_menu_and_the_case_detail_button(
    qtbot: QtBot, store: Store, runner: BackgroundRunner
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    bar = QMenuBar(host)
    supervisor = services(store, UserRole.SUPERVISOR, "zbz1")
    entry = CreditEntry(supervisor, runner, host).install(bar)
    menus = [action.text() for action in bar.actions()]
    assert menus == ["Assessment"]
    CreditEntry(services(store, UserRole.OPERATOR, "op1"), runner, host).install(bar)
    assert len(bar.actions()[0].menu().actions()) == 1  # the same menu, nothing for an operator
    detail = QtCaseDetail(supervisor.cases, runner, 1, host)
    qtbot.addWidget(detail)
    button = entry.offer(detail, lambda: detail.detail.case.number if detail.detail else None)
    assert button is not None
    qtbot.waitUntil(lambda: detail.detail is not None, timeout=WAIT_MS)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    window = entry.window
    assert window is not None
    qtbot.waitUntil(lambda: bool(window.confirm and window.confirm.suggestions.count() == 2), timeout=WAIT_MS)
    assert window.tabs.currentWidget() is window.confirm
    assert (
        CreditEntry(services(store, UserRole.LEADER, "ld1"), runner, host).offer(detail, lambda: "x") is None
    )


def test_the_thresholds_are_edited_on_the_settings_dialog(
    qtbot: QtBot, store: Store, runner: BackgroundRunner
) -> None:
    admin = services(store, UserRole.ADMIN, "admin1")
    dialog = QtSettingsDialog(admin.settings, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)
    count, points, window = dialog.credit.rows["plate"]
    assert (count.value(), points.value(), window.value()) == (3, 12, 12)
    count.setValue(2)
    points.setValue(0)
    window.setValue(6)
    shop_count, shop_points, _ = dialog.credit.rows["shop"]
    shop_count.setValue(0)
    shop_points.setValue(0)  # never listed
    dialog.credit.listing_months.setValue(24)
    dialog.tabs.setCurrentWidget(dialog.credit)
    shoot(dialog, "settings-credit")
    dialog.save()
    qtbot.waitUntil(lambda: bool(dialog.stored and dialog.stored.revision == 1), timeout=WAIT_MS)
    rules = admin.settings.current().settings.credit
    assert rules.threshold_for(ViolatorKind.PLATE) == CreditThreshold(ViolatorKind.PLATE, 2, 0, 6)
    assert rules.threshold_for(ViolatorKind.SHOP) is None
    assert rules.listing_months == 24
    changes = admin.audit_log.recent()[0].details["changes"]
    assert changes["credit.listing_months"] == {"before": 12, "after": 24}


def test_the_main_window_offers_the_credit_record_to_a_supervisor(
    qtbot: QtBot, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window("en", principal=principal_of_role(UserRole.SUPERVISOR, username="zbz1"))
    action = window.findChild(QAction, "creditRecordAction")
    assert action is not None
    action.trigger()
    credit = window.credit.window
    assert credit is not None
    qtbot.waitUntil(lambda: bool(credit.list.message.text().endswith("on the list")), timeout=WAIT_MS)
    operator = open_window("en")
    assert operator.findChild(QAction, "creditRecordAction") is None
