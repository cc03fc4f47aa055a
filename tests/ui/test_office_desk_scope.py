"""An office user's desk never shows another office's case, on both databases: two offices, cases
filed in both while the desks run — the office desk's board and queue hold its office's only, the
centre's desk both."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.district.models import Office
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from ui.background import BackgroundRunner
from ui.cases.case_desk import CaseDesk
from ui.cases.qt_case_queue import QtCaseQueue

WAIT_MS = 20_000
NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)


@pytest.fixture
def two_offices(store: Store) -> Store:
    tables = minimal_district()
    other = {**tables[Office][0], "id": 2, "code": "410103009", "name": "淮河路街道"}
    tables[Office].append(other)
    replace_all(store, tables)
    return store


@pytest.fixture
def desks(qtbot: QtBot, qapp: QApplication, two_offices: Store) -> Iterator[tuple[QtCaseQueue, QtCaseQueue]]:
    host = QWidget()
    qtbot.addWidget(host)
    runner = BackgroundRunner(host)
    queues = []
    for services in (services_for(two_offices), services_for(two_offices, UserRole.OFFICE, office_id=1)):
        desk = CaseDesk(services, runner, parent=host)
        queue = QtCaseQueue(desk, host)
        desk.start()
        queue.start()
        queues.append(queue)
    yield queues[0], queues[1]
    for queue in queues:
        queue.stop()
        queue.desk.stop()
    runner.shutdown()


def _shown(queue: QtCaseQueue) -> set[int]:
    queue.refresh()
    return {queue.model.case_at(row).id for row in range(queue.model.rowCount())}


def test_the_office_desk_holds_its_offices_cases_only(
    qtbot: QtBot, desks: tuple[QtCaseQueue, QtCaseQueue], two_offices: Store
) -> None:
    centre, office = desks
    mine = [create_case(two_offices, minimal_report(description=f"本办 {n}"), now=NOW) for n in range(3)]
    theirs = [
        create_case(
            two_offices, minimal_report(office_id=2, segment_id=None, description=f"外办 {n}"), now=NOW
        )
        for n in range(3)
    ]
    qtbot.waitUntil(lambda: _shown(centre) == {*mine, *theirs}, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _shown(office) == set(mine), timeout=WAIT_MS)
    assert all(case_id in office.desk.board for case_id in mine)
    assert not any(case_id in office.desk.board for case_id in theirs)
