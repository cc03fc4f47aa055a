"""One-click dispatch is idempotent per request, loses races cleanly, is the signed-in principal's own
audited steps, and the outbox carries a click through a database that refuses connections (a real
PostgreSQL with ALLOW_CONNECTIONS false)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from commandcenter.audit.trail import AuditTrail
from commandcenter.cases.dispatch import DispatchOutcome, DispatchRequest
from commandcenter.cases.dispatch_outbox import DispatchOutbox
from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import case_timeline, read_case
from commandcenter.persistence.store import Store
from commandcenter.services.case_service import CaseService
from commandcenter.testing.accounts import principal_of_role
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def _desk(store: Store, username: str = "operator1") -> CaseService:
    return CaseService(store, principal_of_role(username=username), clock=lambda: NOW)


def _dispatches(store: Store, case_id: int) -> int:
    return sum(1 for event in case_timeline(store, case_id) if event.action == "派遣")


def test_one_click_files_and_dispatches_and_a_repeat_is_recognised(district: Store) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    request = DispatchRequest(case_id, staff_id=1, staff_name="张伟", actor="值班员甲")
    first = _desk(district).dispatch(request)
    assert first.outcome is DispatchOutcome.DISPATCHED
    assert first.status == CaseStatus.DISPATCHED
    again = _desk(district).dispatch(request)  # the retry after a lost answer
    assert again.outcome is DispatchOutcome.DISPATCHED
    assert _dispatches(district, case_id) == 1
    assert read_case(district, case_id).assignee_staff_id == 1
    steps = AuditTrail(district).recent()
    assert [(r.actor, r.action) for r in steps] == [("operator1", "transition"), ("operator1", "dispatch")]


def test_a_second_operator_is_told_the_case_is_taken(district: Store) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    _desk(district).dispatch(DispatchRequest(case_id, 1, "张伟", "值班员甲"))
    late = _desk(district, "operator2").dispatch(DispatchRequest(case_id, 1, "张伟", "值班员乙"))
    assert late.outcome is DispatchOutcome.TAKEN
    assert "他人" in late.message
    assert _dispatches(district, case_id) == 1


def test_the_outbox_survives_a_database_that_refuses_connections(
    pg_url: str, pg_gate: Callable[[bool], None], tmp_path: Path
) -> None:
    store = Store.open(pg_url)
    replace_all(store, minimal_district())
    case_id = create_case(store, minimal_report(), now=NOW)
    states: list[bool] = []
    offline, done = threading.Event(), threading.Event()
    outbox = DispatchOutbox(_desk(store).dispatch, journal=tmp_path / "outbox.json")
    outbox.online.connect(lambda up: (states.append(up), None if up else offline.set()))
    outbox.finished.connect(lambda _result: done.set())
    try:
        pg_gate(False)
        outbox.start()
        outbox.submit(DispatchRequest(case_id, 1, "张伟", "值班员甲"))
        assert offline.wait(10), "the outbox never reported the database offline"
        assert (tmp_path / "outbox.json").read_text("utf-8").count(str(case_id)) >= 1  # journaled
        pg_gate(True)
        assert done.wait(15), "the dispatch was not retried after the database came back"
        assert states == [False, True]
        assert _dispatches(store, case_id) == 1
        assert outbox.pending() == []
    finally:
        pg_gate(True)
        outbox.stop()
        store.close()


def test_a_journaled_request_is_carried_out_after_a_restart(district: Store, tmp_path: Path) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    journal = tmp_path / "outbox.json"
    first = DispatchOutbox(_desk(district).dispatch, journal=journal)
    first.submit(DispatchRequest(case_id, 1, "张伟", "值班员甲"))  # never started: the app "crashed"
    second = DispatchOutbox(_desk(district).dispatch, journal=journal)
    done = threading.Event()
    second.finished.connect(lambda _result: done.set())
    second.start()
    try:
        assert done.wait(10)
        assert _dispatches(district, case_id) == 1
    finally:
        second.stop()
