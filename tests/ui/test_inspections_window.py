"""考核 ▸ 督查 (the inspection window) on a real SQLite district: a supervisor fills the pool from the
district's staff, previews a draw for December, confirms it (the groups appear), records a finding
that becomes a case from 督查; a pool too small is refused in the core's words; a leader reads only;
the main window offers the entry under 考核 to a supervisor and not to an operator."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.reports import reporters_of
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import principal_of_role, services_for
from commandcenter.testing.inspection_district import inspection_district
from ui.background import BackgroundRunner
from ui.evaluation.shared_menu import ASSESSMENT_MENU
from ui.inspections.qt_inspections_window import QtInspectionsWindow
from ui.main_window import MainWindow

WAIT_MS = 20_000
SHOTS = Path("/tmp/inspect-shots")
FOUND_AT = datetime(2026, 12, 2, 3, tzinfo=UTC)


@pytest.fixture
def district(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{tmp_path / 'cc.sqlite'}")
    replace_all(store, inspection_district())
    yield store
    store.close()


@pytest.fixture
def open_inspections(
    qtbot: QtBot, qapp: QApplication, district: Store
) -> Callable[[UserRole], QtInspectionsWindow]:
    def open_(role: UserRole) -> QtInspectionsWindow:
        runner = BackgroundRunner()
        services = services_for(district, role, username="duchake")
        services.inspection_findings.clock = lambda: FOUND_AT  # the finding counts in 2026-12 whenever run
        window = QtInspectionsWindow(services, runner)
        qtbot.addWidget(window)
        window.destroyed.connect(runner.shutdown)
        window.show()
        qtbot.waitUntil(lambda: bool(window.loaded), timeout=WAIT_MS)
        return window

    return open_


def test_a_supervisor_fills_the_pool_draws_a_round_and_records_a_finding(
    qtbot: QtBot, open_inspections: Callable[[UserRole], QtInspectionsWindow], district: Store
) -> None:
    window = open_inspections(UserRole.SUPERVISOR)
    pool = window.pool_tab
    qtbot.waitUntil(lambda: pool.staff.count() == 9, timeout=WAIT_MS)
    for index in range(pool.staff.count()):
        pool.staff.setCurrentIndex(index)
        pool.add_staff()
        qtbot.waitUntil(lambda index=index: pool.table.rowCount() == index + 1, timeout=WAIT_MS)
    assert pool.table.item(0, 1).text() == "建中街街道"
    pool.findChild(QPushButton, "poolAddEvery").click()  # every 督查员 is in already: nobody added
    qtbot.waitUntil(lambda: pool.message.text() == "Saved.", timeout=WAIT_MS)
    assert pool.table.rowCount() == 9
    draw = window.draw_tab
    assert draw is not None
    window.tabs.setCurrentWidget(draw)
    draw.period.setText("2026-12")
    draw.kind.setCurrentIndex(draw.kind.findData("暗访"))
    draw.ask_preview()
    qtbot.waitUntil(lambda: draw.confirm_button.isEnabled(), timeout=WAIT_MS)
    assert draw.groups.rowCount() == 4
    assert "2026-Q4" in draw.message.text()
    SHOTS.mkdir(exist_ok=True)
    window.grab().save(str(SHOTS / "inspections-preview.png"))
    assert window.rounds_tab.table.rowCount() == 0  # a preview stores nothing
    draw.confirm()
    qtbot.waitUntil(lambda: window.rounds_tab.table.rowCount() == 4, timeout=WAIT_MS)
    rounds = window.rounds_tab
    window.tabs.setCurrentWidget(rounds)
    row = next(r for r in range(4) if rounds.table.item(r, 3).text() == "建中街街道")
    assert rounds.table.item(row, 2).text() == "暗访"
    assert rounds.table.item(row, 5).text() == "2026-12-01 – 2026-12-31"
    rounds.table.selectRow(row)
    dialog = rounds.open_finding()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.category.count() == 1, timeout=WAIT_MS)
    dialog.place_search.setText("dxl")  # 大学路 by its pinyin initials
    dialog.search_places()
    qtbot.waitUntil(lambda: bool(dialog.lon.text()), timeout=WAIT_MS)
    assert dialog.address.text().startswith("大学路")
    assert abs(float(dialog.lon.text()) - 113.61) < 0.02
    dialog.description.setPlainText("夜间占道经营未清理")
    dialog.grab().save(str(SHOTS / "inspections-finding.png"))
    dialog.submit()
    qtbot.waitUntil(lambda: "linked to the group" in rounds.message.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: rounds.findings.count() == 1, timeout=WAIT_MS)
    assert "夜间占道经营未清理" in rounds.findings.item(0).text()
    window.grab().save(str(SHOTS / "inspections-groups.png"))
    results = window.results_tab
    window.tabs.setCurrentWidget(results)
    results.period.setText("2026-12")
    results.load()
    qtbot.waitUntil(lambda: bool(results.loaded), timeout=WAIT_MS)
    assert results.table.rowCount() == 1
    assert [results.table.item(0, c).text() for c in range(2)] == ["建中街街道", "2"]
    assert "暗访 发现 案件" in results.table.item(0, 2).text()
    window.grab().save(str(SHOTS / "inspections-results.png"))
    services = services_for(district, UserRole.SUPERVISOR)
    [finding] = services.inspection_findings.findings(rounds.group_ids[row])
    assert finding.case_id is not None
    assert reporters_of(district, finding.case_id)[0].source == "督查"


def test_a_pool_too_small_is_refused_in_the_cores_words(
    qtbot: QtBot, open_inspections: Callable[[UserRole], QtInspectionsWindow]
) -> None:
    window = open_inspections(UserRole.SUPERVISOR)
    draw = window.draw_tab
    assert draw is not None
    draw.period.setText("2026-12")
    draw.ask_preview()
    qtbot.waitUntil(lambda: "督查员不足" in draw.message.text(), timeout=WAIT_MS)
    assert not draw.confirm_button.isEnabled()
    draw.period.setText("2026-13")
    draw.ask_preview()
    qtbot.waitUntil(lambda: "2026-13" in draw.message.text(), timeout=WAIT_MS)


def test_a_leader_reads_only(open_inspections: Callable[[UserRole], QtInspectionsWindow]) -> None:
    window = open_inspections(UserRole.LEADER)
    assert window.draw_tab is None
    assert window.tabs.count() == 3  # groups, pool, results: no draw
    assert window.rounds_tab.finding_button.isHidden()
    assert not [button for button in window.pool_tab.findChildren(QPushButton) if button.isVisible()]


def _assessment_actions(window: MainWindow) -> list[str]:
    menus = window.menu_bar.findChildren(QMenu, ASSESSMENT_MENU)
    return [action.objectName() for menu in menus for action in menu.actions()]


def test_the_main_window_offers_it_under_assessment_to_a_supervisor_only(
    open_window: Callable[..., MainWindow],
) -> None:
    supervisor = open_window("en", principal=principal_of_role(UserRole.SUPERVISOR))
    assert "inspectionsAction" in _assessment_actions(supervisor)  # beside the ranking's and 失信's
    assert isinstance(supervisor.inspections.open(), QtInspectionsWindow)
    operator = open_window("en")
    assert "inspectionsAction" not in _assessment_actions(operator)
