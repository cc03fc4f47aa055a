"""The live change feed on real databases: changes written by other processes and connections arrive,
and a feed whose PostgreSQL connection is killed says so, reconnects and asks listeners to reload."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.cases.transitions import apply_transition
from commandcenter.persistence.change_feed import Change, ChangeFeed, open_change_feed
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report

BOUND_S = 15.0  # generous upper bound for a delivery; never a timing assertion
NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Zhengzhou

# Another workstation: its own process, its own Store, one case; prints the new case id.
CREATE_ELSEWHERE = """
import sys
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_report
store = Store.open(sys.argv[1])
print(create_case(store, minimal_report(description="另一个工作站上报")))
store.close()
"""


class Inbox:
    """Collects what the feed emits (on the feed's thread) and lets the test wait for a match."""

    def __init__(self, feed: ChangeFeed) -> None:
        self.changes: list[Change] = []
        self.statuses: list[bool] = []
        self._arrived = threading.Condition()
        feed.events.connect(self._on_change)
        feed.status.connect(self._on_status)

    def _on_change(self, change: Change) -> None:
        with self._arrived:
            self.changes.append(change)
            self._arrived.notify_all()

    def _on_status(self, connected: bool) -> None:
        with self._arrived:
            self.statuses.append(connected)
            self._arrived.notify_all()

    def wait_for(self, predicate: Callable[[Change], bool]) -> Change:
        with self._arrived:
            found = self._arrived.wait_for(lambda: next(filter(predicate, self.changes), None), BOUND_S)
        assert found is not None, f"not delivered; got {self.changes}"
        return found

    def wait_for_statuses(self, expected: list[bool]) -> None:
        with self._arrived:
            assert self._arrived.wait_for(lambda: self.statuses[-len(expected) :] == expected, BOUND_S), (
                self.statuses
            )


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


@pytest.fixture
def feed(district: Store) -> Iterator[ChangeFeed]:
    running = open_change_feed(district)
    yield running
    running.stop()


def create_in_another_process(url: str) -> int:
    result = subprocess.run(
        [sys.executable, "-c", CREATE_ELSEWHERE, url], capture_output=True, text=True, check=True, timeout=60
    )
    return int(result.stdout.strip().splitlines()[-1])


def real_url(store: Store) -> str:
    return store.engine.url.render_as_string(hide_password=False)


def test_a_case_committed_by_another_process_is_delivered(district: Store, feed: ChangeFeed) -> None:
    inbox = Inbox(feed)
    assert feed.start()
    case_id = create_in_another_process(real_url(district))
    change = inbox.wait_for(lambda c: c.table == "cases" and c.case_id == case_id)
    assert (change.status, change.version) == (CaseStatus.RECEIVED.value, 1)
    inbox.wait_for(lambda c: c.table == "case_events" and c.case_id == case_id)


def test_a_transition_by_another_connection_is_delivered(district: Store, feed: ChangeFeed) -> None:
    case_id = create_case(district, minimal_report(), now=NOW)
    inbox = Inbox(feed)
    assert feed.start()
    other = Store.open(real_url(district))
    try:
        apply_transition(other, case_id, 1, "立案", "值班员甲", "", NOW)
    finally:
        other.close()
    change = inbox.wait_for(lambda c: c.table == "cases" and c.case_id == case_id)
    assert (change.status, change.version) == (CaseStatus.FILED.value, 2)
    step = inbox.wait_for(lambda c: c.table == "case_events" and c.case_id == case_id)
    assert step.status == CaseStatus.FILED.value


def test_a_failing_subscriber_does_not_stop_the_feed(district: Store, feed: ChangeFeed) -> None:
    def broken(_change: Change) -> None:
        raise RuntimeError("subscriber bug")

    feed.events.connect(broken)
    feed.events.on_error = lambda _subscriber, _error: None  # expected; keep the log quiet
    inbox = Inbox(feed)
    assert feed.start()
    first = create_case(district, minimal_report(), now=NOW)
    inbox.wait_for(lambda c: c.case_id == first)
    second = create_case(district, minimal_report(), now=NOW)
    inbox.wait_for(lambda c: c.case_id == second)


@pytest.mark.postgres
def test_a_killed_listener_reports_offline_reconnects_and_asks_for_a_resync(pg_url: str) -> None:
    store = Store.open(pg_url)
    feed = open_change_feed(store)
    try:
        replace_all(store, minimal_district())
        inbox = Inbox(feed)
        assert feed.start()
        inbox.wait_for_statuses([True])
        killed = store.execute_raw(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE query LIKE 'LISTEN%' AND datname = current_database()"
        )
        assert killed == [(True,)]
        inbox.wait_for_statuses([True, False, True])
        inbox.wait_for(lambda c: c.is_resync)
        assert feed.connected
        case_id = create_in_another_process(pg_url)
        inbox.wait_for(lambda c: c.table == "cases" and c.case_id == case_id)
    finally:
        feed.stop()
        store.close()


def test_an_in_memory_sqlite_database_has_no_feed() -> None:
    store = Store.open("sqlite://")
    try:
        with pytest.raises(ValueError, match="database file"):
            open_change_feed(store)
    finally:
        store.close()
