"""The operator who clicked is told how a queued dispatch ended, in words, over the queue: another
operator dispatched the case first (named), a supervisor voided it (named), or the queued-dispatch
file was damaged at start (set aside, the readable dispatch still sent). Real desks on SQLite and
PostgreSQL with the minimal district."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from commandcenter.cases.dispatch import DispatchRequest
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.kinds import UserRole
from commandcenter.paths import data_dir
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import case_timeline
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from ui.background import BackgroundRunner
from ui.cases.case_desk import CaseDesk
from ui.cases.qt_case_queue import QtCaseQueue

BOUND_MS = 8_000


class Desk:
    def __init__(self, store: Store, qtbot: QtBot) -> None:
        self.host = QWidget()
        qtbot.addWidget(self.host)
        self.runner = BackgroundRunner(self.host)
        self.desk = CaseDesk(services_for(store), self.runner, parent=self.host)  # operator1
        self.queue = QtCaseQueue(self.desk, self.host)
        self.host.show()

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
    yield opened
    opened.stop()


def _on_the_board(qtbot: QtBot, desk: Desk, case_id: int) -> BoardCase:
    desk.desk.start()
    qtbot.waitUntil(lambda: desk.desk.board.get(case_id) is not None, timeout=BOUND_MS)
    case = desk.desk.board.get(case_id)
    assert case is not None
    return case


def test_a_case_dispatched_by_someone_else_first_is_told_by_name(
    qtbot: QtBot, desk: Desk, district: Store
) -> None:
    case_id = create_case(district, minimal_report(), now=datetime.now(UTC))
    case = _on_the_board(qtbot, desk, case_id)  # the operator sees it awaiting dispatch …
    other = services_for(district, username="operator2")  # … another workstation is faster
    other.cases.dispatch(DispatchRequest(case_id, 1, "张伟", "operator2"))
    with qtbot.waitSignal(desk.desk.dispatch_finished, timeout=BOUND_MS) as finished:
        desk.desk.dispatch(case, 1, "张伟")
    succeeded, text = finished.args
    assert succeeded is False
    assert text == (
        f"Case {case.number} was already dispatched by operator2 — your dispatch to 张伟 was not sent."
    )
    assert desk.queue.notice.isVisible()
    assert desk.queue.notice.text() == text
    assert sum(1 for event in case_timeline(district, case_id) if event.action == "派遣") == 1


def test_a_case_voided_meanwhile_is_told_by_name(qtbot: QtBot, desk: Desk, district: Store) -> None:
    case_id = create_case(district, minimal_report(), now=datetime.now(UTC))
    case = _on_the_board(qtbot, desk, case_id)
    supervisor = services_for(district, UserRole.SUPERVISOR, username="chief1")
    supervisor.cases.transition(case_id, case.version, "作废", "重复上报")
    with qtbot.waitSignal(desk.desk.dispatch_finished, timeout=BOUND_MS) as finished:
        desk.desk.dispatch(case, 1, "张伟")
    assert finished.args == [
        False,
        f"Case {case.number} was voided by chief1 — your dispatch to 张伟 was not sent.",
    ]
    assert desk.queue.notice.isVisible()
    qtbot.mouseClick(desk.queue.notice, Qt.MouseButton.LeftButton)  # read: clicked away
    assert not desk.queue.notice.isVisible()


def test_a_damaged_dispatch_file_is_told_and_its_readable_dispatch_is_sent(
    qtbot: QtBot, qapp: QApplication, district: Store
) -> None:
    """The workstation crashed while writing its queued dispatches; on the next start the desk says
    the file was damaged and where the damaged copy is, and sends the readable dispatch."""
    case_id = create_case(district, minimal_report(), now=datetime.now(UTC))
    readable = json.dumps(asdict(DispatchRequest(case_id, 1, "张伟", "值班员甲")), ensure_ascii=False)
    journal = data_dir() / "dispatch-outbox-operator1.json"
    journal.write_text(readable + "\n" + readable[:30], "utf-8")
    desk = Desk(district, qtbot)
    try:
        with (
            qtbot.waitSignal(desk.desk.journal_damaged, timeout=BOUND_MS) as damaged,
            qtbot.waitSignal(desk.desk.dispatch_finished, timeout=BOUND_MS) as finished,
        ):
            desk.desk.start()
        [text] = damaged.args
        [aside] = data_dir().glob("dispatch-outbox-operator1.json.damaged-*")
        assert text == (
            f"The queued-dispatch file was damaged: 1 unreadable entries were set aside in {aside}; "
            "the 1 readable dispatches are being sent."
        )
        assert finished.args[0] is True
        assert desk.queue.notice.text() == text  # the success does not hide the unread warning
        assert sum(1 for event in case_timeline(district, case_id) if event.action == "派遣") == 1
    finally:
        desk.stop()
