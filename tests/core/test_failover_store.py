"""The core's connections follow a promoted standby (issue 19) on a real replicated pair: the gateway's
engine (no pre-ping) answers one failed request and the next one works, and the change feed loses its
primary, reconnects to the promoted standby by itself and hears a case filed there. The workstation
side (banner, outbox, exactly-once dispatch) is ``tests/ui/test_failover_banner.py``."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.intake import create_case
from commandcenter.persistence.change_feed import open_change_feed
from commandcenter.persistence.change_feed.base import Change
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district, minimal_report
from commandcenter.testing.replicated_postgres import ReplicatedPostgres

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
BOUND_S = 60.0  # an upper bound for a reconnect to be reported; never a timing assertion


@pytest.fixture
def pair() -> Iterator[ReplicatedPostgres]:
    cluster = ReplicatedPostgres.start()
    try:
        yield cluster
    finally:
        cluster.stop()


def _works_again(store: Store) -> int:
    """Requests until one succeeds (at most three): how many failed first."""
    for failed in range(3):
        try:
            store.ping()
        except DatabaseUnavailable:
            continue
        return failed
    raise AssertionError("still unavailable after the promotion")


def test_the_gateway_engine_and_the_change_feed_follow_the_promoted_standby(pair: ReplicatedPostgres) -> None:
    url = pair.create_database("cc_failover_core")
    setup = Store.open(url)
    replace_all(setup, minimal_district())
    setup.close()
    gateway = Store.open(url, migrate=False, pre_ping=False)
    desk = Store.open(url, migrate=False)
    feed = open_change_feed(desk)
    statuses: list[bool] = []
    heard: list[Change] = []
    changed = threading.Condition()

    def record(target: list[bool] | list[Change], item: bool | Change) -> None:
        with changed:
            target.append(item)  # type: ignore[arg-type]
            changed.notify_all()

    feed.status.connect(lambda connected: record(statuses, connected))
    feed.events.connect(lambda change: record(heard, change))
    try:
        assert feed.start()
        gateway.ping()
        pair.fail_primary()
        with pytest.raises(DatabaseUnavailable):
            gateway.ping()
        with changed:
            assert changed.wait_for(lambda: False in statuses, BOUND_S)
        pair.promote()
        assert _works_again(gateway) <= 1
        with changed:
            assert changed.wait_for(lambda: statuses[-1] is True, BOUND_S), statuses
        case_id = create_case(desk, minimal_report(), now=datetime.now(UTC))
        with changed:
            assert changed.wait_for(lambda: any(change.case_id == case_id for change in heard), BOUND_S)
        assert desk.execute_raw("SELECT inet_server_port()") == [(pair.standby_port,)]
    finally:
        feed.stop()
        gateway.close()
        desk.close()
