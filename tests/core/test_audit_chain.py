"""The audit log on both databases: append-only at the database level, and a hash chain that names
a row edited or removed by someone who could get around the triggers (a superuser)."""

from __future__ import annotations

import itertools
import json
import threading
from datetime import UTC, datetime, timedelta

import pytest

from commandcenter.audit import AuditAction, AuditTrail
from commandcenter.persistence.store import Store

START = datetime(2026, 11, 27, 1, 0, tzinfo=UTC)


def _trail(store: Store) -> AuditTrail:
    ticks = iter(START + timedelta(seconds=n) for n in range(10_000))
    return AuditTrail(store, clock=lambda: next(ticks))


def _fill(store: Store, count: int = 5) -> AuditTrail:
    trail = _trail(store)
    for n in range(count):
        trail.record("operator1", AuditAction.TRANSITION, f"case:{n}", {"action": "立案", "n": n})
    return trail


def _bypass_triggers(store: Store, statement: str) -> None:
    """What a database superuser can do: switch the protection off, change rows, switch it on."""
    if store.dialect == "sqlite":
        store.execute_raw("DROP TRIGGER audit_log_no_update")
        store.execute_raw("DROP TRIGGER audit_log_no_delete")
        store.execute_raw(statement)
        return
    store.execute_raw("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    store.execute_raw(statement)
    store.execute_raw("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")


def test_records_read_back_in_order_and_the_chain_verifies(store: Store) -> None:
    trail = _fill(store)
    records = trail.recent()
    assert [r.target for r in records] == [f"case:{n}" for n in range(5)]
    assert records[0].details == {"action": "立案", "n": 0}
    assert all(later.prev_hash == earlier.hash for earlier, later in itertools.pairwise(records))
    report = trail.verify()
    assert report.ok
    assert report.rows == 5


@pytest.mark.parametrize("statement", ["UPDATE audit_log SET actor = 'someone'", "DELETE FROM audit_log"])
def test_the_application_cannot_update_or_delete(store: Store, statement: str) -> None:
    trail = _fill(store, 2)
    with pytest.raises(Exception, match="append-only"):
        store.execute_raw(statement)
    assert trail.verify().ok
    assert len(trail.recent()) == 2


def test_a_row_deleted_around_the_trigger_is_detected(store: Store) -> None:
    trail = _fill(store)
    _bypass_triggers(store, "DELETE FROM audit_log WHERE seq = 3")
    report = trail.verify()
    assert not report.ok
    assert any("row 4 does not link" in problem for problem in report.problems)


def test_an_edited_row_is_detected(store: Store) -> None:
    trail = _fill(store)
    _bypass_triggers(store, "UPDATE audit_log SET actor = 'nobody' WHERE seq = 2")
    assert any("row 2 was altered" in problem for problem in trail.verify().problems)


def test_cutting_off_the_newest_rows_is_detected(store: Store) -> None:
    trail = _fill(store)
    _bypass_triggers(store, "DELETE FROM audit_log WHERE seq >= 4")
    assert any("newest rows missing" in problem for problem in trail.verify().problems)


def test_a_second_writer_continues_the_same_chain(store: Store) -> None:
    _fill(store, 2)
    trail = AuditTrail(store)  # another workstation: its own trail object, the one chain head
    trail.record("admin", AuditAction.SETTING_CHANGE, "setting:theme", {"old": "dark", "new": "light"})
    assert trail.verify().ok
    assert [r.seq for r in trail.recent()] == [1, 2, 3]


def test_concurrent_writers_keep_one_unbroken_chain(store: Store) -> None:
    """Workstations append at the same moment: the chain-head row serialises them, so no two rows
    claim the same predecessor and none is lost."""
    errors: list[BaseException] = []

    def write(writer: int) -> None:
        trail = AuditTrail(store)
        try:
            for n in range(10):
                trail.record(f"operator{writer}", AuditAction.LOGIN_OK, f"n:{n}")
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=write, args=(writer,)) for writer in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = AuditTrail(store).verify()
    assert report.ok, report.problems
    assert report.rows == 40


def test_the_digest_the_database_computes_is_the_one_python_verifies(store: Store) -> None:
    """On PostgreSQL the server hashes the row (one statement inside the head's lock): Chinese text,
    quotes, the separator's neighbours and a long target must give the digest ``chain_hash`` gives."""
    from commandcenter.persistence.accounts.audit_log import chain_hash

    trail = _trail(store)
    awkward = {"说明": "人行道上摆摊 'quoted' \"double\" \\ back", "n": 1.5, "tab": "a\tb\nc"}
    trail.record("操作员一", AuditAction.TRANSITION, "case:" + "9" * 100, awkward)
    trail.record("operator1", AuditAction.TRANSITION, "case:2", {})
    first, second = trail.recent()
    text = json.dumps(first.details, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert first.hash == chain_hash(
        first.prev_hash, first.seq, first.ts, first.actor, first.action, first.target, text
    )
    assert second.prev_hash == first.hash
    assert trail.verify().ok
