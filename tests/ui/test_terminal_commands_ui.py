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
    dialog = window.terminal_windows.open_unknown()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=WAIT_MS)
    assert [dialog.table.item(0, column).text() for column in (0, 1, 4)] == [
        "018800000001",
        "豫A·X1234",
        "12",
    ]
    assert dialog.table.item(0, 2).text() == "2026-12-02 10:00:00"  # the district's clock


def test_the_administrator_sees_every_terminals_state_and_counters(
    qtbot: QtBot, open_window: OpenWindow, district_store: Store
) -> None:
    """系统 ▸ 终端状态: what the gateways write (``save_sessions``) — online or not, counters, the last
    error — with the vehicle's plate; the most erring first; the toggles and the search filter."""
    from commandcenter.domain.terminals import SessionState
    from commandcenter.persistence.gateway.terminals import save_sessions

    (unit_a, plate_a, terminal_a), (unit_b, plate_b, terminal_b) = district_store.execute_raw(
        "SELECT unit_id, plate, terminal_id FROM vehicles WHERE terminal_id IS NOT NULL ORDER BY id LIMIT 2"
    )
    at = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)
    save_sessions(
        district_store,
        [
            SessionState(terminal_a, unit_a, "gw-1", "10.0.0.1:5000", "2013", at, at, frames=120),
            SessionState(
                terminal_b, unit_b, None, "10.0.0.2:5000", "2019", at, at, 40, 3, "校验码错误 / bad checksum"
            ),
            SessionState("018800000009", None, None, "10.0.0.3:5000", "2013", at, at, frames=2),
        ],
        [],
    )
    window = open_window("en", principal=principal_of_role(UserRole.ADMIN, username="admin1"))
    assert "Terminal status…" in [action.text() for action in window.menu_bar.actions()[0].menu().actions()]
    dialog = window.terminal_windows.open_statuses()
    qtbot.waitUntil(lambda: dialog.rows.rowCount() == 3, timeout=WAIT_MS)

    def row(number: int) -> list[str]:
        return [dialog.rows.index(number, column).data() for column in range(9)]

    assert row(0)[:3] == [terminal_b, plate_b, "Offline"]  # the erring one first
    assert row(0)[7:] == ["3", "校验码错误 / bad checksum"]
    assert row(0)[5] == "2026-12-02 10:00:00"  # the district's clock
    assert "3 terminals: 1 online, 2 offline, 1 with errors" in dialog.summary.text()
    dialog.errors_box.setChecked(True)
    assert dialog.rows.rowCount() == 1
    dialog.errors_box.setChecked(False)
    dialog.offline_box.setChecked(True)
    assert {row(n)[0] for n in range(dialog.rows.rowCount())} == {terminal_b, "018800000009"}
    dialog.offline_box.setChecked(False)
    dialog.search.setText(plate_a)
    assert dialog.rows.rowCount() == 1
    assert row(0)[:4] == [terminal_a, plate_a, "Online", "gw-1"]
