"""The case desk when its change feed meets faults, with real desks on real databases: a case written
in a transaction that is rolled back is never announced (on SQLite the id comes back for the next
case: the desk shows that one, as committed), and a desk whose PostgreSQL listening connection is
killed while new connections are refused reloads on reconnect and shows the cases filed meanwhile."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, make_url, text

from commandcenter.domain.cases import BoardCase
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.intake import create_case, insert_case
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from ui.background import BackgroundRunner
from ui.cases.case_desk import CaseDesk

BOUND_MS = 8_000
GHOST = "幽灵地址"


class Desk:
    def __init__(self, store: Store, qtbot: QtBot) -> None:
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.runner = BackgroundRunner(self.host)
        self.desk = CaseDesk(services_for(store), self.runner, parent=self.host)
        self.arrived: list[BoardCase] = []
        self.online: list[bool] = []
        self.desk.cases_arrived.connect(self.arrived.extend)
        self.desk.online_changed.connect(self.online.append)
        self.desk.start()

    def stop(self) -> None:
        self.desk.stop()
        self.runner.shutdown()


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


@pytest.fixture
def desk(qtbot: QtBot, qapp: QApplication, district: Store) -> Iterator[Desk]:
    opened = Desk(district, qtbot)
    first = create_case(district, minimal_report(), now=datetime.now(UTC))  # the feed is live once heard
    qtbot.waitUntil(lambda: opened.desk.board.get(first) is not None, timeout=BOUND_MS)
    yield opened
    opened.stop()


def test_a_rolled_back_case_is_never_announced(qtbot: QtBot, desk: Desk, district: Store) -> None:
    with district.engine.connect() as connection:
        transaction = connection.begin()
        ghost = insert_case(connection, minimal_report(address=GHOST), datetime.now(UTC))
        time.sleep(1.0)  # the feed polls / listens while the case is uncommitted
        transaction.rollback()
    real = create_case(district, minimal_report(address="真实地址"), now=datetime.now(UTC))
    qtbot.waitUntil(lambda: desk.desk.board.get(real) is not None, timeout=BOUND_MS)
    shown = desk.desk.board.get(real)
    assert shown is not None
    assert shown.address == "真实地址"
    assert GHOST not in {case.address for case in desk.arrived}
    assert GHOST not in {case.address for case in desk.desk.board.ordered(datetime.now(UTC))}
    for case in desk.arrived:  # everything announced exists, as committed
        assert [row.address for row in board_rows(district, [case.id])] == [case.address]
    assert ghost not in desk.desk.board or ghost == real  # SQLite hands the id out again


@pytest.mark.postgres
def test_a_desk_reconnecting_after_its_listener_was_killed_shows_what_it_missed(
    qtbot: QtBot, qapp: QApplication, pg_url: str
) -> None:
    store = Store.open(pg_url)
    replace_all(store, minimal_district())
    database = str(make_url(pg_url).database)
    admin = create_engine(pg_url.replace(f"/{database}?", "/postgres?"), isolation_level="AUTOCOMMIT")
    opened = Desk(store, qtbot)
    try:
        first = create_case(store, minimal_report(), now=datetime.now(UTC))
        qtbot.waitUntil(lambda: opened.desk.board.get(first) is not None, timeout=BOUND_MS)
        with store.engine.connect() as writer:  # opened before the database closes its doors
            with admin.connect() as connection:
                connection.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false'))
                killed = connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = :d AND application_name = 'commandcenter change feed'"
                    ),
                    {"d": database},
                ).all()
            assert killed == [(True,)]
            qtbot.waitUntil(lambda: False in opened.online, timeout=BOUND_MS)  # the desk knows it is deaf
            with writer.begin():
                missed = [insert_case(writer, minimal_report(), datetime.now(UTC)) for _ in range(3)]
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
        qtbot.waitUntil(lambda: opened.online[-1] is True, timeout=BOUND_MS)
        qtbot.waitUntil(lambda: all(case_id in opened.desk.board for case_id in missed), timeout=BOUND_MS)
        assert first in opened.desk.board
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true'))
        admin.dispose()
        opened.stop()
        store.close()
