"""The dispatch path under faults, on real SQLite and PostgreSQL with real threads: a queued dispatch
that finds the case taken or voided says who did it, a damaged journal is set aside and reported
while its good requests still go out, an unexpected error neither ends the worker nor vanishes, a
journal replayed after its request committed dispatches nothing twice, and two operators clicking
at the same instant make exactly one 派遣."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import pytest

from commandcenter.cases.dispatch import DispatchOutcome, DispatchRequest, DispatchResult
from commandcenter.cases.dispatch_journal import JournalDamage, load_journal, save_journal
from commandcenter.cases.dispatch_outbox import DispatchOutbox
from commandcenter.domain.kinds import CaseStatus, UserRole
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import case_timeline, read_case
from commandcenter.persistence.store import Store
from commandcenter.services.case_service import CaseService
from commandcenter.testing.accounts import principal_of_role
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
BOUND_S = 8.0  # an upper bound for the worker to report; never a timing assertion


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def _desk(
    store: Store, username: str = "operator1", *, clock: Callable[[], datetime] = lambda: NOW
) -> CaseService:
    return CaseService(store, principal_of_role(username=username), clock=clock)


def _actions(store: Store, case_id: int, action: str) -> int:
    return sum(1 for event in case_timeline(store, case_id) if event.action == action)


class Reports:
    """What an outbox reports (on its worker thread), for the test to wait on."""

    def __init__(self, outbox: DispatchOutbox) -> None:
        self.finished: list[DispatchResult] = []
        self.failed: list[tuple[DispatchRequest, str]] = []
        self.damage: list[JournalDamage] = []
        self._changed = threading.Condition()
        outbox.finished.connect(self._on_finished)
        outbox.failed.connect(self._on_failed)
        outbox.journal_damaged.connect(self._on_damage)

    def _on_finished(self, result: DispatchResult) -> None:
        with self._changed:
            self.finished.append(result)
            self._changed.notify_all()

    def _on_failed(self, failure: tuple[DispatchRequest, str]) -> None:
        with self._changed:
            self.failed.append(failure)
            self._changed.notify_all()

    def _on_damage(self, damage: JournalDamage) -> None:
        self.damage.append(damage)  # emitted by ``start`` on the caller's thread

    def wait(self, count: int) -> None:
        """Until ``count`` requests have ended, finished or failed."""
        with self._changed:
            ended = self._changed.wait_for(lambda: len(self.finished) + len(self.failed) >= count, BOUND_S)
        assert ended, f"finished {self.finished}, failed {self.failed}"


@pytest.fixture
def run_outbox() -> Iterator[Callable[[DispatchOutbox], Reports]]:
    """Start an outbox with its reports connected first; every one is stopped afterwards."""
    outboxes: list[DispatchOutbox] = []

    def start(outbox: DispatchOutbox) -> Reports:
        outbox.initial_backoff_s = 0.01  # retries come fast; the order of events is what is tested
        reports = Reports(outbox)
        outboxes.append(outbox)
        outbox.start()
        return reports

    yield start
    for outbox in outboxes:
        outbox.stop()


# ---------------------------------------------------------------- 1. taken or voided: who did it


def test_a_queued_dispatch_of_a_case_someone_else_dispatched_names_them(
    district: Store, run_outbox: Callable[[DispatchOutbox], Reports]
) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    _desk(district, "operator2").dispatch(DispatchRequest(case_id, 1, "张伟", "值班员乙"))
    outbox = DispatchOutbox(_desk(district).dispatch)
    reports = run_outbox(outbox)
    outbox.submit(DispatchRequest(case_id, 1, "张伟", "值班员甲"))
    reports.wait(1)
    [result] = reports.finished
    assert result.outcome is DispatchOutcome.TAKEN
    assert (result.by, result.by_action, result.status) == ("operator2", "派遣", CaseStatus.DISPATCHED)
    assert result.number == read_case(district, case_id).number
    assert "operator2" in result.message
    assert _actions(district, case_id, "派遣") == 1


def test_a_queued_dispatch_of_a_voided_case_names_who_voided_it(
    district: Store, run_outbox: Callable[[DispatchOutbox], Reports]
) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    supervisor = CaseService(
        district, principal_of_role(UserRole.SUPERVISOR, username="chief1"), clock=lambda: NOW
    )
    supervisor.transition(case_id, 1, "作废", "重复上报")
    outbox = DispatchOutbox(_desk(district).dispatch)
    reports = run_outbox(outbox)
    outbox.submit(DispatchRequest(case_id, 1, "张伟", "值班员甲"))
    reports.wait(1)
    [result] = reports.finished
    assert result.outcome is DispatchOutcome.TAKEN
    assert (result.by, result.by_action, result.status) == ("chief1", "作废", CaseStatus.VOIDED)
    assert _actions(district, case_id, "派遣") == 0


def test_a_case_voided_after_someone_elses_dispatch_names_the_voiding(district: Store) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    _desk(district, "operator2").dispatch(DispatchRequest(case_id, 1, "张伟", "值班员乙"))
    supervisor = CaseService(
        district, principal_of_role(UserRole.SUPERVISOR, username="chief1"), clock=lambda: NOW
    )
    supervisor.transition(case_id, read_case(district, case_id).version, "作废", "重复上报")
    late = _desk(district).dispatch(DispatchRequest(case_id, 1, "张伟", "值班员甲"))
    assert (late.outcome, late.by, late.by_action) == (DispatchOutcome.TAKEN, "chief1", "作废")


# ---------------------------------------------------------------- 2. a damaged journal


def _line(request: DispatchRequest) -> str:
    return json.dumps(asdict(request), ensure_ascii=False)


def test_a_damaged_journal_is_set_aside_and_reported_and_its_good_requests_go_out(
    district: Store, tmp_path: Path, run_outbox: Callable[[DispatchOutbox], Reports]
) -> None:
    first, second = (create_case(district, minimal_report(), now=NOW) for _ in range(2))
    good = [DispatchRequest(first, 1, "张伟", "值班员甲"), DispatchRequest(second, 1, "张伟", "值班员甲")]
    wrong_shape = {**asdict(good[0]), "case_id": "一"}
    damaged = "\n".join(
        [
            _line(good[0]),
            "\x00\x17garbage{",  # garbage
            json.dumps({"case": first}),  # a JSON object, not a request
            json.dumps(wrong_shape, ensure_ascii=False),  # a request with a text case id
            _line(good[1]),
            _line(good[1])[:40],  # the write that was cut off by the crash
        ]
    )
    journal = tmp_path / "outbox.json"
    journal.write_text(damaged, "utf-8")
    outbox = DispatchOutbox(_desk(district).dispatch, journal=journal)
    reports = run_outbox(outbox)
    [damage] = reports.damage
    assert (damage.bad_lines, damage.kept) == (4, 2)
    assert damage.set_aside.parent == tmp_path
    assert damage.set_aside.name.startswith("outbox.json.damaged-")
    assert damage.set_aside.read_text("utf-8") == damaged  # kept for whoever wants to look
    reports.wait(2)
    assert [r.outcome for r in reports.finished] == [DispatchOutcome.DISPATCHED] * 2
    assert (_actions(district, first, "派遣"), _actions(district, second, "派遣")) == (1, 1)
    assert load_journal(journal).requests == []  # whole again, and emptied


def test_a_journal_damaged_twice_keeps_both_copies(tmp_path: Path) -> None:
    journal = tmp_path / "outbox.json"
    moment = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
    for _ in range(2):
        journal.write_text("{not json\n", "utf-8")
        assert load_journal(journal, moment).damage is not None
    assert len(list(tmp_path.glob("outbox.json.damaged-20260512T020000Z*"))) == 2


def test_a_journal_of_the_earlier_format_is_read_and_every_field_round_trips(tmp_path: Path) -> None:
    journal = tmp_path / "outbox.json"
    requests = [
        DispatchRequest(7, 1, "张伟", "值班员甲"),
        DispatchRequest(8, 2, "李娜", "值班员甲", note="先处理", reassign=True, from_staff_id=1),
    ]
    journal.write_text(json.dumps([asdict(r) for r in requests], ensure_ascii=False), "utf-8")
    assert load_journal(journal).requests == requests
    save_journal(journal, requests)
    assert load_journal(journal).requests == requests


# ---------------------------------------------------------------- 3. unexpected errors


def _flaky_clock(readings: int) -> Callable[[], datetime]:
    """A clock that gives a naive time for its first ``readings``: ``apply_transition`` raises
    ValueError — not a refusal and not an outage, the kind of error a bug makes."""
    calls = iter(range(1_000))
    return lambda: NOW.replace(tzinfo=None) if next(calls) < readings else NOW


def test_an_unexpected_error_is_retried_and_the_dispatch_goes_out(
    district: Store, run_outbox: Callable[[DispatchOutbox], Reports], caplog: pytest.LogCaptureFixture
) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    # a dispatch reads the clock twice (its own time, then the step's): two attempts fail
    outbox = DispatchOutbox(_desk(district, clock=_flaky_clock(4)).dispatch)
    reports = run_outbox(outbox)
    outbox.submit(DispatchRequest(case_id, 1, "张伟", "值班员甲"))
    reports.wait(1)
    assert [r.outcome for r in reports.finished] == [DispatchOutcome.DISPATCHED]
    assert _actions(district, case_id, "派遣") == 1
    assert sum("failed unexpectedly" in r.message for r in caplog.records) == 2  # logged each time


def test_an_error_that_persists_fails_visibly_and_the_worker_goes_on(
    district: Store, run_outbox: Callable[[DispatchOutbox], Reports]
) -> None:
    broken_case, next_case = (create_case(district, minimal_report(), now=NOW) for _ in range(2))
    broken = _desk(district, clock=lambda: NOW.replace(tzinfo=None))
    working = _desk(district)

    def dispatch(request: DispatchRequest) -> DispatchResult:  # one workstation, one broken case
        return (broken if request.case_id == broken_case else working).dispatch(request)

    outbox = DispatchOutbox(dispatch)
    reports = run_outbox(outbox)
    outbox.submit(DispatchRequest(broken_case, 1, "张伟", "值班员甲"))
    outbox.submit(DispatchRequest(next_case, 1, "张伟", "值班员甲"))
    reports.wait(2)
    [(request, message)] = reports.failed
    assert request.case_id == broken_case
    assert "意外错误" in message
    assert "unexpected error, not dispatched (ValueError" in message
    assert [r.request.case_id for r in reports.finished] == [next_case]
    assert outbox.pending() == []
    assert _actions(district, broken_case, "派遣") == 0


# ---------------------------------------------------------------- 4. replay after a commit


def test_a_journal_replayed_after_its_request_committed_dispatches_nothing_twice(
    district: Store, tmp_path: Path, run_outbox: Callable[[DispatchOutbox], Reports]
) -> None:
    """The crash came after the commit and before the journal was cleared: the restart's outbox
    (a fresh instance on the same database) recognises the request as done."""
    done, halfway = (create_case(district, minimal_report(), now=NOW) for _ in range(2))
    requests = [DispatchRequest(done, 1, "张伟", "值班员甲"), DispatchRequest(halfway, 1, "张伟", "值班员甲")]
    journal = tmp_path / "outbox.json"
    save_journal(journal, requests)
    _desk(district).dispatch(requests[0])  # committed, answer lost
    _desk(district).transition(halfway, 1, "立案", "", {"request_id": requests[1].request_id})  # 立案 only
    reports = run_outbox(DispatchOutbox(_desk(district).dispatch, journal=journal))
    reports.wait(2)
    assert [(r.request.case_id, r.outcome) for r in reports.finished] == [
        (done, DispatchOutcome.DISPATCHED),
        (halfway, DispatchOutcome.DISPATCHED),
    ]
    for case_id in (done, halfway):
        assert (_actions(district, case_id, "立案"), _actions(district, case_id, "派遣")) == (1, 1)
    assert load_journal(journal).requests == []  # nothing left for the next start


# ---------------------------------------------------------------- 5. two operators at one instant


def test_two_operators_dispatching_at_the_same_instant_make_one_dispatch(district: Store) -> None:
    url = district.engine.url.render_as_string(hide_password=False)
    workstations = [Store.open(url), Store.open(url)]  # two workstations: two engines, two pools
    try:
        desks = [_desk(workstations[0], "operator1"), _desk(workstations[1], "operator2")]
        for _ in range(3):
            case_id = create_case(district, minimal_report(), now=NOW)
            results = _at_once(
                [
                    lambda d=desk, c=case_id: d.dispatch(DispatchRequest(c, 1, "张伟", d.principal.username))
                    for desk in desks
                ]
            )
            winner, loser = sorted(results, key=lambda r: r.outcome is DispatchOutcome.TAKEN)
            assert (winner.outcome, loser.outcome) == (DispatchOutcome.DISPATCHED, DispatchOutcome.TAKEN)
            assert (loser.by, loser.by_action) == (winner.request.actor, "派遣")
            [dispatch] = [event for event in case_timeline(district, case_id) if event.action == "派遣"]
            assert (dispatch.actor, dispatch.payload["request_id"]) == (
                winner.request.actor,
                winner.request.request_id,
            )
            assert read_case(district, case_id).assignee_staff_id == 1
    finally:
        for workstation in workstations:
            workstation.close()


def _at_once(jobs: list[Callable[[], DispatchResult]]) -> list[DispatchResult]:
    """Run every job on its own thread, released together by a barrier."""
    barrier = threading.Barrier(len(jobs))
    results: list[DispatchResult] = []
    errors: list[BaseException] = []

    def run(job: Callable[[], DispatchResult]) -> None:
        barrier.wait()
        try:
            results.append(job())
        except BaseException as error:  # reported below, on the test's thread
            errors.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(BOUND_S)
    assert not errors, errors
    assert len(results) == len(jobs)
    return results
