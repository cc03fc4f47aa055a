"""系统 ▸ 未登记终端 ▸ 登记到车辆… with real widgets on a real database: the administrator selects an
unknown terminal, searches the vehicles by plate (those without a terminal first), registers it — the
row leaves the list and the vehicle holds the id; double-clicking a row opens the same dialog, and an
id another vehicle holds answers the core's bilingual line with nothing changed. Others do not see
the button."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district_with_fleet
from ui.background import BackgroundRunner
from ui.vehicles.qt_register_terminal import QtRegisterTerminal
from ui.vehicles.qt_unknown_terminals import QtUnknownTerminals

WAIT_MS = 10_000
STRANGER, HELD = "013999999999", "13800138000"  # HELD: the truck's terminal, spelt without its padding
SHOTS = Path("/tmp/platsync-shots")


@pytest.fixture
def fleet(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'fleet.sqlite'}")
    replace_all(store, minimal_district_with_fleet())
    for terminal, seen in ((STRANGER, "2026-12-02 02:00:00+00"), (HELD, "2026-12-02 01:00:00+00")):
        store.execute_raw(
            "INSERT INTO unknown_terminals (terminal_id, first_seen, last_seen, frames, last_remote, plate) "
            f"VALUES ('{terminal}', '{seen}', '{seen}', 4, '10.0.0.9:4000', '豫A·Z0003')"
        )
    yield store
    store.close()


@pytest.fixture
def runner() -> Iterator[BackgroundRunner]:
    background = BackgroundRunner()
    yield background
    background.shutdown()


def opened(qtbot: QtBot, fleet: Store, runner: BackgroundRunner, role: UserRole) -> QtUnknownTerminals:
    dialog = QtUnknownTerminals(services_for(fleet, role, username="admin1").terminals, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2, timeout=WAIT_MS)
    return dialog


def register_dialog(qtbot: QtBot, unknown: QtUnknownTerminals) -> QtRegisterTerminal:
    found: list[QtRegisterTerminal] = []
    qtbot.waitUntil(
        lambda: bool(found.extend(unknown.findChildren(QtRegisterTerminal)) or found), timeout=WAIT_MS
    )
    dialog = found[-1]
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=WAIT_MS)
    return dialog


def test_the_administrator_registers_a_terminal_to_a_vehicle(
    qtbot: QtBot, fleet: Store, runner: BackgroundRunner
) -> None:
    unknown = opened(qtbot, fleet, runner, UserRole.ADMIN)
    assert unknown.table.item(0, 0).text() == STRANGER  # newest first
    assert not unknown.register_button.isEnabled()
    unknown.table.selectRow(0)
    qtbot.mouseClick(unknown.register_button, Qt.MouseButton.LeftButton)
    dialog = register_dialog(qtbot, unknown)
    assert any(STRANGER in label.text() for label in dialog.findChildren(QLabel))
    plates = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert plates == ["豫A·Z0002", "豫A·Z0003", "豫A12345"]  # without a terminal first
    assert dialog.table.item(2, 4).text() == "013800138000"
    assert not dialog.register_button.isEnabled()
    qtbot.keyClicks(dialog.search, "Z0003")
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT_MS)
    dialog.table.selectRow(0)
    assert dialog.register_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "register-terminal.png"))
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: unknown.table.rowCount() == 1, timeout=WAIT_MS)  # the row left the list
    assert unknown.findChildren(QtRegisterTerminal) == []  # closed (and deleted)
    assert unknown.table.item(0, 0).text() == HELD
    assert "Terminal 013999999999 registered to 豫A·Z0003." in unknown.message.text()
    assert fleet.execute_raw("SELECT terminal_id FROM vehicles WHERE id = 3") == [(STRANGER,)]


def test_a_double_click_opens_it_and_an_id_held_elsewhere_is_refused(
    qtbot: QtBot, fleet: Store, runner: BackgroundRunner
) -> None:
    unknown = opened(qtbot, fleet, runner, UserRole.ADMIN)
    item = unknown.table.item(1, 0)
    assert item.text() == HELD
    where = unknown.table.visualItemRect(item).center()
    qtbot.mouseClick(unknown.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(unknown.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    dialog = register_dialog(qtbot, unknown)
    dialog.table.selectRow(0)  # 豫A·Z0002
    qtbot.mouseClick(dialog.register_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "豫A12345" in dialog.message.text(), timeout=WAIT_MS)
    assert " / " in dialog.message.text()  # the core's bilingual line
    assert "已登记在车辆 豫A12345 上" in dialog.message.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "register-terminal-refused.png"))
    assert dialog.isVisible()
    assert dialog.register_button.isEnabled()  # choose another vehicle or cancel
    assert fleet.execute_raw("SELECT terminal_id FROM vehicles WHERE id = 2") == [(None,)]
    assert unknown.table.rowCount() == 2


def test_a_supervisor_sees_the_list_without_the_button(
    qtbot: QtBot, fleet: Store, runner: BackgroundRunner
) -> None:
    unknown = opened(qtbot, fleet, runner, UserRole.SUPERVISOR)
    assert unknown.register_button.isHidden()
    unknown.table.selectRow(0)
    assert unknown.open_register() is None
