"""The case detail's "Answers to client" tab in a real window, on SQLite and PostgreSQL: a case an
Open311 client reported and the centre returned (不予立案) shows the answer queued, and once the
gateway's sender delivered it, when."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.domain.kinds import UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import apply_transition, read_case
from commandcenter.persistence.gateway.outbox import claim_due, mark_delivered
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from commandcenter.testing.open311_clients import add_client, add_request
from ui.background import BackgroundRunner
from ui.cases.qt_case_detail import QtCaseDetail

NOW = datetime.now(UTC)


@pytest.fixture
def host(qtbot: QtBot, qapp: QApplication) -> Iterator[tuple[QWidget, BackgroundRunner]]:
    widget = QWidget()
    qtbot.addWidget(widget)
    runner = BackgroundRunner(widget)
    yield widget, runner
    runner.shutdown()


def cells(detail: QtCaseDetail) -> list[list[str]]:
    table = detail.client_answers
    return [
        [item.text() if (item := table.item(row, column)) else "" for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def test_the_detail_lists_what_the_client_was_sent(
    qtbot: QtBot, host: tuple[QWidget, BackgroundRunner], store: Store
) -> None:
    parent, runner = host
    replace_all(store, minimal_district())
    case_id = create_case(store, minimal_report(), NOW - timedelta(hours=1))
    add_request(store, add_client(store, "12345热线", "http://127.0.0.1:9/hook"), case_id, "A", NOW)
    apply_transition(store, case_id, read_case(store, case_id).version, "不予立案", "值班员甲", "重复", NOW)
    detail = QtCaseDetail(services_for(store, UserRole.OPERATOR).cases, runner, case_id, parent)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitUntil(lambda: bool(detail.client_answers.rowCount() == 1), timeout=10_000)
    ((event, client, _queued, delivered, attempts, error),) = cells(detail)
    assert (event, client, delivered, attempts, error) == ("Returned", "12345热线", "Pending", "0", "")

    (due,) = claim_due(store, NOW, timedelta(seconds=30))
    mark_delivered(store, due.id, NOW)
    detail.reload()
    qtbot.waitUntil(lambda: bool(cells(detail)[0][3] not in ("Pending", "")), timeout=10_000)
    assert cells(detail)[0][4] == "1"
