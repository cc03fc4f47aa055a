"""The database goes away mid-dispatch on a real PostgreSQL: the operator sees the offline banner
with the queued dispatch, the dispatch is carried out when connections are allowed again, the
banner goes, and the case is dispatched exactly once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
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
from ui.background import BackgroundRunner
from ui.cases.case_desk import CaseDesk
from ui.cases.qt_case_queue import QtCaseQueue

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    store = Store.open(pg_url)
    replace_all(store, minimal_district())
    yield store
    store.close()


def test_offline_banner_and_exactly_once_dispatch(
    qtbot: QtBot, qapp: QApplication, pg_store: Store, pg_gate: Callable[[bool], None]
) -> None:
    case_id = create_case(pg_store, minimal_report(), now=datetime.now(UTC))
    host = QWidget()
    qtbot.addWidget(host)
    runner = BackgroundRunner(host)
    desk = CaseDesk(services_for(pg_store), runner, parent=host)
    queue = QtCaseQueue(desk, host)
    host.show()
    desk.start()
    try:
        qtbot.waitUntil(lambda: desk.board.get(case_id) is not None, timeout=20_000)
        case = desk.board.get(case_id)
        assert case is not None
        pg_gate(False)
        desk.dispatch(case, 1, "张伟")
        qtbot.waitUntil(lambda: queue.banner.isVisible(), timeout=20_000)
        assert "1" in queue.banner.text()
        with qtbot.waitSignal(desk.dispatch_finished, timeout=30_000) as finished:
            pg_gate(True)
        assert finished.args[0] is True
        qtbot.waitUntil(lambda: not queue.banner.isVisible(), timeout=30_000)
        assert sum(1 for event in case_timeline(pg_store, case_id) if event.action == "派遣") == 1
    finally:
        pg_gate(True)
        desk.stop()
        runner.shutdown()
