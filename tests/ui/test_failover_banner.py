"""The database survives a failed server (issue 19): two workstations' case desks on a multi-host URL
naming a real primary and its streaming standby. The primary dies (immediate stop) while both
operators dispatch: each sees the offline banner with its queued dispatch. The standby is promoted:
without anyone touching the workstations both dispatches go out, the banners go, each case is
dispatched exactly once, and a case filed on the new primary reaches both desks (their change feeds
reconnected by themselves)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import case_timeline
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from commandcenter.testing.replicated_postgres import ReplicatedPostgres
from ui.background import BackgroundRunner
from ui.cases.case_desk import CaseDesk
from ui.cases.qt_case_queue import QtCaseQueue

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


@pytest.fixture
def pair() -> Iterator[ReplicatedPostgres]:
    cluster = ReplicatedPostgres.start()
    try:
        yield cluster
    finally:
        cluster.stop()


class Workstation:
    def __init__(self, url: str, qtbot: QtBot) -> None:
        self.store = Store.open(url, migrate=False)
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.runner = BackgroundRunner(self.host)
        self.desk = CaseDesk(services_for(self.store), self.runner, parent=self.host)
        self.queue = QtCaseQueue(self.desk, self.host)
        self.host.show()
        self.desk.start()

    def close(self) -> None:
        self.desk.stop()
        self.runner.shutdown()
        self.store.close()


def _dispatches(store: Store, case_id: int) -> int:
    return sum(1 for event in case_timeline(store, case_id) if event.action == "派遣")


def test_workstations_follow_the_promoted_standby_and_dispatch_exactly_once(
    qtbot: QtBot, qapp: QApplication, pair: ReplicatedPostgres
) -> None:
    url = pair.create_database("cc_failover")
    setup = Store.open(url)
    replace_all(setup, minimal_district())
    cases = [create_case(setup, minimal_report(), now=datetime.now(UTC)) for _ in range(2)]
    setup.close()
    stations = [Workstation(url, qtbot) for _ in range(2)]
    try:
        for station in stations:
            qtbot.waitUntil(lambda s=station: all(s.desk.board.get(c) for c in cases), timeout=30_000)
        pair.fail_primary()
        for station, case_id in zip(stations, cases, strict=True):
            case = station.desk.board.get(case_id)
            assert case is not None
            station.desk.dispatch(case, 1, "张伟")
        for station in stations:
            qtbot.waitUntil(station.queue.banner.isVisible, timeout=30_000)
            assert "1" in station.queue.banner.text()
        pair.promote()
        for station in stations:
            qtbot.waitUntil(lambda s=station: not s.queue.banner.isVisible(), timeout=60_000)
            qtbot.waitUntil(lambda s=station: not s.desk.pending_dispatches(), timeout=60_000)
        after = Store.open(url, migrate=False)
        try:
            assert [_dispatches(after, case_id) for case_id in cases] == [1, 1]
            late = create_case(after, minimal_report(), now=datetime.now(UTC))
        finally:
            after.close()
        for station in stations:
            qtbot.waitUntil(lambda s=station: s.desk.board.get(late) is not None, timeout=30_000)
    finally:
        for station in stations:
            station.close()
