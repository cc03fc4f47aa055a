"""勤务 ▸ 值班表 with real widgets on a real database, at a fixed district time (the window's clock is
given, so nothing depends on when the test runs): the week's grid, a leave added through the dialog
and shown in the grid, a refusal worded in the dialog with the form kept, 在岗情况 with check-in and
coverage from stored fixes, an office user held to their office, and the menu offered only to who may
see duty."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from commandcenter.audit.trail import AuditAction
from commandcenter.domain.duty import ExceptionKind
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.duty_district import DUTY_MONDAY, load_duty_district, roster_the_week, walk_segment
from ui.background import BackgroundRunner
from ui.duty.duty_menu import install_duty_menu
from ui.duty.qt_duty_window import QtDutyWindow
from ui.duty.qt_exception_dialog import QtExceptionDialog

WAIT_MS = 10_000
SHOTS = Path("/tmp/duty-shots")
NOW = datetime(2026, 11, 30, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))  # Monday, during the day shift


@pytest.fixture
def duty_store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'duty.sqlite'}")
    load_duty_district(store)
    roster_the_week(services_for(store, UserRole.SUPERVISOR))
    walk_segment(store, 1, NOW - timedelta(minutes=85), 60, step_m=40.0)  # 张伟 from 08:05
    yield store
    store.close()


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    background = BackgroundRunner()
    yield background
    background.shutdown()


def opened(
    qtbot: QtBot, store: Store, runner: BackgroundRunner, role: UserRole, office: int | None = None
) -> QtDutyWindow:
    window = QtDutyWindow(services_for(store, role, office_id=office).duty, runner, clock=lambda: NOW)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: bool(window.grid.rowCount() > 0 and window.presence.rowCount() > 0), timeout=WAIT_MS
    )
    return window


def column_texts(window: QtDutyWindow, column: int) -> list[str]:
    return [window.grid.item(row, column).text() for row in range(window.grid.rowCount())]


def test_the_week_and_who_is_on_duty(qtbot: QtBot, duty_store: Store, runner: BackgroundRunner) -> None:
    window = opened(qtbot, duty_store, runner, UserRole.SUPERVISOR)
    assert window.week_label.text().startswith(f"{DUTY_MONDAY:%Y-%m-%d}")
    assert window.office.count() == 2
    assert window.grid.rowCount() == 2  # office 1: segment 1 白班 and 夜班
    assert column_texts(window, 2) == ["张伟", "李强"]
    window.tabs.setCurrentIndex(1)
    presence = {window.presence.item(r, 2).text(): r for r in range(window.presence.rowCount())}
    zhang = presence["张伟"]
    assert window.presence.item(zhang, 3).text() == "yes"
    assert window.presence.item(zhang, 4).text().endswith("08:05")
    assert window.presence.item(zhang, 5).text() == "present"
    assert 2300 <= int(window.presence.item(zhang, 7).text()) <= 2500
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SHOTS / "duty-on-duty.png"))


def _dialog(qtbot: QtBot, window: QtDutyWindow) -> QtExceptionDialog:
    dialog = window.add_exception()
    assert dialog is not None
    qtbot.addWidget(dialog)
    return dialog


def test_a_leave_added_in_the_dialog_shows_in_the_grid(
    qtbot: QtBot, duty_store: Store, runner: BackgroundRunner
) -> None:
    window = opened(qtbot, duty_store, runner, UserRole.SUPERVISOR)
    dialog = _dialog(qtbot, window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ExceptionKind.LEAVE))
    dialog.person.setCurrentIndex(dialog.person.findText("李强"))
    dialog.shift.setCurrentIndex(0)  # 白班: 李强 is rostered on 夜班 only
    dialog.submit()
    qtbot.waitUntil(
        lambda: bool(dialog.buttons.isEnabled() and "not rostered" in dialog.message.text()), timeout=WAIT_MS
    )
    assert dialog.isVisible()  # the form stays as typed
    dialog.day.setDate(dialog.day.date().addDays(1))  # Tuesday
    dialog.person.setCurrentIndex(dialog.person.findText("张伟"))
    dialog.note.setText("病假")
    dialog.submit()
    qtbot.waitUntil(lambda: bool("On leave: 张伟" in column_texts(window, 3)[0]), timeout=WAIT_MS)
    assert window.exceptions.rowCount() == 1
    assert window.exceptions.item(0, 1).text() == "Leave"
    assert column_texts(window, 3)[0].startswith("On leave")  # nobody else holds Tuesday's day shift
    window.grab().save(str(SHOTS / "duty-roster-leave.png"))
    audit = services_for(duty_store, UserRole.SUPERVISOR).duty.audit.recent(action=AuditAction.DUTY_CHANGE)
    assert audit[-1].target.startswith("duty_exception:")  # oldest first
    window.exceptions.selectRow(0)
    window.remove_exception()
    qtbot.waitUntil(lambda: bool(window.exceptions.rowCount() == 0), timeout=WAIT_MS)
    assert column_texts(window, 3)[0] == "张伟"


def test_an_office_user_sees_their_office_only(
    qtbot: QtBot, duty_store: Store, runner: BackgroundRunner
) -> None:
    window = opened(qtbot, duty_store, runner, UserRole.OFFICE, office=2)
    assert [window.office.itemText(i) for i in range(window.office.count())] == ["淮河路街道"]
    assert column_texts(window, 0) == ["EQ-0002 大学路第2段"]
    assert window.add_button.isEnabled()


@pytest.mark.parametrize(
    ("role", "offered"),
    [
        (UserRole.SUPERVISOR, True),
        (UserRole.LEADER, True),
        (UserRole.OPERATOR, False),
        (UserRole.ADMIN, True),
    ],
)
def test_the_duty_menu_is_offered_to_who_may_see_duty(
    qtbot: QtBot, duty_store: Store, runner: BackgroundRunner, role: UserRole, offered: bool
) -> None:
    main = QMainWindow()
    qtbot.addWidget(main)
    menu = install_duty_menu(services_for(duty_store, role), runner, main.menuBar(), main)
    titles = [action.text() for action in main.menuBar().actions()]
    assert ("Duty" in titles) is offered
    if offered:
        window = menu.open_roster()
        qtbot.addWidget(window)
        assert menu.open_roster() is window  # one window, raised again


def test_the_demo_district_has_a_roster_to_show(
    qtbot: QtBot, district_store: Store, runner: BackgroundRunner
) -> None:
    """The demo's 路长 and city managers are rostered on their staff record's shift every day, so the
    window is full whatever the time: every segment of the first office, each on the shift(s) its
    people hold, and today's shifts in 在岗情况."""
    window = QtDutyWindow(services_for(district_store, UserRole.SUPERVISOR).duty, runner)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(
        lambda: bool(window.grid.rowCount() > 0 and window.presence.rowCount() > 0), timeout=WAIT_MS
    )
    office = window.office.currentData()
    every = services_for(district_store, UserRole.SUPERVISOR).district.segments()
    segments = {s.number for s in every if s.office_id == office}
    shown = {text.split(" ")[0] for text in column_texts(window, 0)}
    assert shown == segments
    assert all(window.grid.item(row, 2).text() for row in range(window.grid.rowCount()))  # nobody missing
    window.grab().save(str(SHOTS / "duty-demo.png"))


def test_a_roster_entry_added_and_removed(qtbot: QtBot, duty_store: Store, runner: BackgroundRunner) -> None:
    window = opened(qtbot, duty_store, runner, UserRole.SUPERVISOR)
    window.tabs.setCurrentWidget(window.entries)
    assert window.entries.table.rowCount() == 2  # office 1: 张伟 白班, 李强 夜班
    dialog = window.add_entry()
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.person.setCurrentIndex(dialog.person.findText("张伟"))
    dialog.shift.setCurrentIndex(1)  # 夜班
    for index, box in enumerate(dialog.weekdays):
        box.setChecked(index == 5)  # Saturdays
    dialog.submit()
    qtbot.waitUntil(lambda: bool(window.entries.table.rowCount() == 3), timeout=WAIT_MS)
    saturday_night = window.grid.item(1, 7).text()
    assert "张伟" in saturday_night
    assert "李强" in saturday_night
    window.grab().save(str(SHOTS / "duty-roster-entries.png"))
    rows = [window.entries.table.item(r, 3).text() for r in range(3)]
    window.entries.table.selectRow(rows.index("Sat"))
    window.entries.remove_selected()
    qtbot.waitUntil(lambda: bool(window.entries.table.rowCount() == 2), timeout=WAIT_MS)
    assert window.grid.item(1, 7).text() == "李强"


def test_a_new_shift_template_from_the_centre_only(
    qtbot: QtBot, duty_store: Store, runner: BackgroundRunner
) -> None:
    window = opened(qtbot, duty_store, runner, UserRole.SUPERVISOR)
    window.tabs.setCurrentWidget(window.entries)
    assert window.entries.shift_button.isVisible()
    dialog = window.entries.add_shift()
    qtbot.addWidget(dialog)
    dialog.name.setText("白班")  # taken
    dialog.submit()
    qtbot.waitUntil(lambda: bool("exists" in dialog.message.text()), timeout=WAIT_MS)
    dialog.name.setText("早班")
    dialog.submit()
    qtbot.waitUntil(
        lambda: bool(window.choices is not None and len(window.choices.shifts) == 3), timeout=WAIT_MS
    )
    assert window.office.currentIndex() == 0
    entry = window.add_entry()
    assert entry is not None
    qtbot.addWidget(entry)
    assert [entry.shift.itemText(i).split()[0] for i in range(entry.shift.count())] == [
        "早班",
        "白班",
        "夜班",
    ]
    office = opened(qtbot, duty_store, runner, UserRole.OFFICE, office=2)
    office.tabs.setCurrentWidget(office.entries)
    assert not office.entries.shift_button.isVisible()
