"""立即定位 from the live map: a right-click on an enforcement vehicle in the real window offers its
terminal's commands; 立即定位 queues the command through the services and a small window follows it
until the gateway's answer (the position) is in — here written into the row as the gateway does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import numpy as np
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from commandcenter.domain.desk_commands import CommandKind, CommandStatus
from commandcenter.domain.kinds import UnitKind, UserRole
from commandcenter.mapping.unit_frame import KINDS
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import principal_of_role
from ui.main_window import MainWindow

OpenWindow = Callable[..., MainWindow]
WAIT_MS = 20_000


def test_a_right_click_on_a_vehicle_locates_it_through_the_gateway(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    window = open_window("en")
    qtbot.waitUntil(lambda: len(window.map.units.frame) > 0, timeout=WAIT_MS)
    frame = window.map.units.frame
    [index, *_] = np.flatnonzero(frame.kind == KINDS.index(UnitKind.ENFORCEMENT))
    unit_id, plate = int(frame.ids[index]), str(frame.labels[index])
    offered: list[QMenu] = []
    window.map.unit_menu_opening.connect(lambda menu, unit, label: offered.append(menu))
    menu = window.map.pointer.open_context_menu(
        float(frame.x[index]), float(frame.y[index]), window.map.mapToGlobal(QPoint(40, 40))
    )
    assert offered
    [terminal] = [action.menu() for action in menu.actions() if action.menu() is not None]
    assert plate in terminal.title()
    locate = {action.text(): action for action in terminal.actions()}["Locate now"]
    menu.close()
    locate.trigger()
    status = window.terminal_menu.last
    assert status is not None
    qtbot.waitUntil(lambda: status.command is not None, timeout=WAIT_MS)
    assert status.command.kind is CommandKind.LOCATE
    assert status.command.unit_id == unit_id
    assert status.command.status is CommandStatus.PENDING
    assert "Waiting for the gateway" in status.state.text()
    fixed = datetime(2026, 12, 2, 2, 0, tzinfo=UTC).isoformat()
    district_store.execute_raw(  # what the gateway holding the terminal's session writes
        "UPDATE terminal_commands SET status = 'answered', gateway = 'gw1', "
        f'answer = \'{{"lon": 113.61, "lat": 34.71, "time": "{fixed}"}}\' WHERE id = {status.command.id}'
    )
    qtbot.waitUntil(lambda: "113.610000" in status.state.text(), timeout=WAIT_MS)
    assert "10:00:00" in status.state.text()  # the fix's time on the district's clock


def test_the_administrator_sees_the_terminals_no_vehicle_has(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    seen = datetime(2026, 12, 2, 2, 0, tzinfo=UTC).isoformat()
    district_store.execute_raw(
        "INSERT INTO unknown_terminals (terminal_id, first_seen, last_seen, frames, last_remote, plate) "
        f"VALUES ('018800000001', '{seen}', '{seen}', 12, '10.0.0.9:40000', '豫A·X1234')"
    )
    window = open_window("en", principal=principal_of_role(UserRole.ADMIN, username="admin1"))
    dialog = window.open_unknown_terminals()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT_MS)
    assert [dialog.table.item(0, column).text() for column in (0, 1, 4)] == [
        "018800000001",
        "豫A·X1234",
        "12",
    ]
    assert dialog.table.item(0, 2).text() == "2026-12-02 10:00:00"  # the district's clock
