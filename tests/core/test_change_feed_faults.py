"""The live change feed under faults, on real databases: a rolled-back transaction announces nothing
(PostgreSQL's NOTIFY is delivered only on commit; SQLite's ``data_version`` moves only on commit),
and a burst of 2,000 cases filed from another thread on PostgreSQL reaches the listener whole."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text
from test_change_feed import Inbox

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case, insert_case
from commandcenter.persistence.cases.transitions import apply_transition
from commandcenter.persistence.change_feed import ChangeFeed, open_change_feed
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
BURST = 2_000
PER_TRANSACTION = 50  # the burst is 40 commits of 50 cases each: 2,000 NOTIFYs as fast as they come
# Copies of one case, numbered apart, as one statement per commit (the intake's own writes are 3 ms a
# case here: 2,000 would take the test's whole time budget to write, not to hear).
FILE_COPIES = text(
    "INSERT INTO cases (number, category_id, source, status, description, address, lon, lat,"
    " office_id, segment_id, urgency, created_at, updated_at, deadline_at, version)"
    " SELECT 'B' || lpad((:batch * 1000 + g)::text, 8, '0'), category_id, source, status, description,"
    " address, lon, lat, office_id, segment_id, urgency, created_at, updated_at, deadline_at, version"
    f" FROM cases, generate_series(1, {PER_TRANSACTION}) AS g WHERE id = :template RETURNING id"
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


def test_a_rolled_back_transaction_announces_nothing(district: Store, feed: ChangeFeed) -> None:
    """A new case and a changed case, both rolled back, then one committed step as a marker: the
    marker arrives, nothing of the rolled-back work ever does (it would have come first)."""
    marked, touched = (create_case(district, minimal_report(), now=NOW) for _ in range(2))
    inbox = Inbox(feed)
    assert feed.start()
    with district.engine.connect() as connection:
        transaction = connection.begin()
        ghost = insert_case(connection, minimal_report(address="幽灵地址"), NOW)
        connection.execute(text("UPDATE cases SET version = version + 1 WHERE id = :id"), {"id": touched})
        time.sleep(5 * getattr(feed, "poll_interval_s", 0.2))  # the feed polls, the work is uncommitted
        transaction.rollback()
    apply_transition(district, marked, 1, "立案", "值班员甲", "", NOW)
    inbox.wait_for(lambda c: c.table == "case_events" and c.case_id == marked)
    assert {change.case_id for change in inbox.changes} == {marked}, (ghost, touched, inbox.changes)


@pytest.mark.postgres
def test_a_burst_of_2000_cases_from_another_thread_reaches_the_listener_whole(pg_url: str) -> None:
    store = Store.open(pg_url)
    feed = open_change_feed(store)
    try:
        replace_all(store, minimal_district())
        inbox = Inbox(feed)
        assert feed.start()
        template = create_case(store, minimal_report(), now=NOW)
        filed: list[int] = []

        def file_burst() -> None:
            writer = Store.open(pg_url)  # another workstation's connection
            try:
                for batch in range(BURST // PER_TRANSACTION):
                    with writer.engine.begin() as connection:
                        rows = connection.execute(FILE_COPIES, {"template": template, "batch": batch})
                        filed.extend(row[0] for row in rows)
            finally:
                writer.close()

        burst = threading.Thread(target=file_burst)
        burst.start()
        burst.join(30)
        assert len(filed) == BURST
        expected = set(filed)
        inbox.wait_for(lambda c: c.case_id == max(filed))
        heard = {c.case_id for c in inbox.changes if c.table == "cases"} - {template}
        assert heard == expected, f"{len(expected - heard)} of {BURST} cases never announced"
    finally:
        feed.stop()
        store.close()
