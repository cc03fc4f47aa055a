"""The 编辑 Edit tab of System ▸ District data on the real demo district (SQLite): an administrator
picks a segment, renames it, saves, and sees the change as the newest row of its history; a
refusal (a taken number) is one sentence under the form; a finding of the consistency check opens
its record in the edit tab on a double-click — read-only for a supervisor."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from commandcenter.domain.district_check import Rule
from commandcenter.domain.district_edits import EditKind
from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from ui.background import BackgroundRunner
from ui.district.qt_district_dialog import QtDistrictDialog
from ui.district.qt_edit_tab import PAGE

WAIT_MS = 20_000


@pytest.fixture
def open_dialog(qtbot: QtBot, qapp: QApplication) -> Callable[[Store, UserRole], QtDistrictDialog]:
    def open_(store: Store, role: UserRole) -> QtDistrictDialog:
        runner = BackgroundRunner()
        dialog = QtDistrictDialog(services_for(store, role, username=f"{role.value}1"), runner)
        qtbot.addWidget(dialog)
        dialog.destroyed.connect(runner.shutdown)
        dialog.show()
        return dialog

    return open_


def _field(dialog: QtDistrictDialog, name: str) -> QLineEdit:
    assert dialog.edit_tab is not None
    editor = dialog.edit_tab.form.editors[name]
    assert isinstance(editor, QLineEdit)
    return editor


def test_a_segment_is_renamed_and_its_history_shows_the_change(
    qtbot: QtBot, district_store: Store, open_dialog: Callable[[Store, UserRole], QtDistrictDialog]
) -> None:
    dialog = open_dialog(district_store, UserRole.ADMIN)
    tab = dialog.edit_tab
    assert tab is not None
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())][-1] == "Edit"
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=WAIT_MS)
    assert tab.model.rowCount() == min(tab.total, PAGE)  # one page, never the whole table
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: "name" in tab.form.editors, timeout=WAIT_MS)
    record = tab.record
    assert record is not None
    old_name = record.values["name"]
    _field(dialog, "name").setText("测试改名路段")
    tab.save()
    qtbot.waitUntil(lambda: tab.history.rowCount() == 1, timeout=WAIT_MS)
    assert tab.history.item(0, 1).text() == "admin1"
    assert tab.history.item(0, 2).text() == "edited"
    assert tab.history.item(0, 3).text() == f"Name: {old_name} → 测试改名路段"
    qtbot.waitUntil(
        lambda: tab.model.record(0) is not None and tab.model.record(0).values["name"] == "测试改名路段"
    )
    taken = tab.model.record(1)
    assert taken is not None
    _field(dialog, "number").setText(taken.values["number"])
    tab.save()
    qtbot.waitUntil(lambda: "already used" in tab.message.text(), timeout=WAIT_MS)
    assert tab.message.text() == "Number is already used by another record."
    assert tab.history.rowCount() == 1


@pytest.mark.parametrize("role", [UserRole.ADMIN, UserRole.SUPERVISOR])
def test_a_finding_opens_its_record_in_the_edit_tab(
    qtbot: QtBot,
    district_store: Store,
    open_dialog: Callable[[Store, UserRole], QtDistrictDialog],
    role: UserRole,
) -> None:
    segment_id, number = district_store.execute_raw(
        "SELECT id, number FROM segments ORDER BY id LIMIT 1 OFFSET 7"
    )[0]
    district_store.execute_raw(
        f"UPDATE staff SET segment_id = NULL WHERE role = '路长' AND segment_id = {segment_id}"
    )
    dialog = open_dialog(district_store, role)
    check, tab = dialog.check_tab, dialog.edit_tab
    assert check is not None
    assert tab is not None
    check.run()
    qtbot.waitUntil(lambda: check.report is not None, timeout=WAIT_MS)
    assert check.report is not None
    row = next(i for i, f in enumerate(check.report.findings) if f.rule == Rule.SEGMENT_WITHOUT_ROAD_CHIEF)
    check.table.cellDoubleClicked.emit(row, 0)
    assert dialog.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: tab.record is not None and tab.record.id == segment_id, timeout=WAIT_MS)
    assert _field(dialog, "number").text() == number
    assert _field(dialog, "number").isEnabled() is (role is UserRole.ADMIN)
    assert tab.save_button.isEnabled() is (role is UserRole.ADMIN)
    qtbot.waitUntil(lambda: tab.model.row_of(segment_id) >= 0, timeout=WAIT_MS)


def test_a_new_member_of_staff_is_added_from_the_edit_tab(
    qtbot: QtBot, district_store: Store, open_dialog: Callable[[Store, UserRole], QtDistrictDialog]
) -> None:
    dialog = open_dialog(district_store, UserRole.ADMIN)
    tab = dialog.edit_tab
    assert tab is not None
    tab.kind_box.setCurrentIndex(tab.kind_box.findData(EditKind.STAFF))
    qtbot.waitUntil(lambda: tab.buttons.new_staff_button.isVisibleTo(tab), timeout=WAIT_MS)
    segment = services_for(district_store, UserRole.ADMIN).district.segments()[0]
    office = (
        services_for(district_store, UserRole.ADMIN).district_edit.get("segment", segment.id).values["office"]
    )
    tab.buttons.new_staff_button.click()
    assert tab.form.adding
    for name, text in {"code": "CG900001", "name": "新城管", "phone": "13912340000"}.items():
        _field(dialog, name).setText(text)
    tab.form.set_text("office", str(office))
    tab.form.set_text("segment", segment.number)
    tab.save()
    qtbot.waitUntil(lambda: tab.record is not None and tab.record.id != 0, timeout=WAIT_MS)
    assert tab.record is not None
    assert tab.record.values["name"] == "新城管"
    qtbot.waitUntil(lambda: tab.history.rowCount() == 1, timeout=WAIT_MS)
    assert tab.history.item(0, 1).text() == "admin1"
    found = services_for(district_store, UserRole.ADMIN).district_edit.page("staff", "CG900001")
    assert [r.values["segment"] for r in found.records] == [segment.number]
