"""The upkeep of ``positions`` on both databases: PostgreSQL's coming days' partitions made (once, even
from two threads at once), fixes waiting in the default partition moved into their day, and days past
the retention thinned into ``position_rollups`` and dropped — playback still draws the thinned day."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.config import PositionSettings
from commandcenter.domain.position_upkeep import UpkeepAction, UpkeepDone, UpkeepSource
from commandcenter.domain.units import Position
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.positions import record_positions
from commandcenter.persistence.units.tracks import load_track
from commandcenter.testing.position_days import day_track, fleet, partitions
from commandcenter.tracks.position_upkeep import PositionUpkeep

NOW = datetime.now(UTC)
TODAY = NOW.date()


def upkeep(store: Store, retention_days: int = 30, days_ahead: int = 5) -> PositionUpkeep:
    return PositionUpkeep(store, PositionSettings(retention_days, days_ahead), "test", lambda: NOW)


def half_hour(unit_id: int, day_offset: int) -> list[Position]:
    """30 minutes of a truck from 10:00:05 every 10 s: moving, stopped from the 63rd fix, moving again
    from the 123rd — thinned: a fix per minute (30) plus the stop and the start that fall mid-minute."""
    start = datetime.combine(TODAY - timedelta(days=day_offset), datetime.min.time(), UTC)
    start += timedelta(hours=10, seconds=5)
    fixes = []
    for n in range(180):
        stopped = 62 <= n < 122
        state = "stopped" if stopped else "moving"
        fixes.append(
            Position(
                unit_id,
                start + timedelta(seconds=10 * n),
                113.6 + n * 1e-4,
                34.7,
                0.0 if stopped else 20.0,
                90.0,
                state,
            )
        )
    return fixes


def test_the_coming_days_are_made_once(store: Store) -> None:
    fleet(store)
    first = upkeep(store).run()
    coming = {f"positions_{TODAY + timedelta(days=n):%Y%m%d}" for n in range(6)}
    if store.dialect == "postgresql":
        assert coming <= partitions(store)
        assert {done.step.action for done in first} == {UpkeepAction.CREATE}
    else:
        assert first == []
    assert upkeep(store).plan() == []
    assert upkeep(store).run() == []


def test_two_threads_at_once_make_each_day_once(store: Store) -> None:
    fleet(store)
    record_positions(store, half_hour(1, 1) + half_hour(2, -4))  # days waiting in the default partition
    ready = threading.Barrier(2)
    results: list[list[UpkeepDone]] = [[], []]
    problems: list[BaseException] = []

    def run(slot: int) -> None:
        ready.wait()
        try:
            results[slot] = upkeep(store, days_ahead=7).run()
        except BaseException as problem:
            problems.append(problem)

    threads = [threading.Thread(target=run, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert problems == []
    made = [done.step.day for done in results[0] + results[1]]
    assert len(made) == len(set(made))  # no day made twice
    if store.dialect == "postgresql":
        # today … today+3 came with the migration; yesterday's fixes waited in the default partition
        assert {TODAY - timedelta(days=1), *(TODAY + timedelta(days=n) for n in range(4, 8))} == set(made)
        assert store.execute_raw("SELECT COUNT(*) FROM positions_default") == [(0,)]
        moved = {done.step.day: done.rows for done in results[0] + results[1]}
        assert moved[TODAY - timedelta(days=1)] == 180
    assert day_track(store, 1, NOW - timedelta(days=1)) == 180
    assert day_track(store, 2, NOW + timedelta(days=4)) == 180


def test_a_day_past_retention_is_thinned_then_dropped_and_still_played_back(store: Store) -> None:
    fleet(store)
    record_positions(store, half_hour(1, 40) + half_hour(1, 10))
    upkeep(store, retention_days=0).run()  # PostgreSQL: both days get their own partition first
    old_day = TODAY - timedelta(days=40)
    assert upkeep(store).plan()[-1].day == old_day  # the dry run names it, and changes nothing
    assert day_track(store, 1, NOW - timedelta(days=40)) == 180
    done = [d for d in upkeep(store).run() if d.step.action is UpkeepAction.EXPIRE]
    assert [(d.step.day, d.rows, d.kept) for d in done] == [(old_day, 180, 32)]
    expected = UpkeepSource.PARTITION if store.dialect == "postgresql" else UpkeepSource.TABLE
    assert done[0].step.source is expected
    start = datetime.combine(old_day, datetime.min.time(), UTC)
    track = load_track(store, 1, start, start + timedelta(days=1))
    assert len(track) == 32  # the thinned track, not nothing
    assert store.execute_raw("SELECT COUNT(*) FROM positions") == [(180,)]  # the recent day is whole
    assert day_track(store, 1, NOW - timedelta(days=10)) == 180
    [entry] = AuditTrail(store).recent(action=AuditAction.POSITIONS_EXPIRED)
    assert entry.target == f"positions:{old_day}"
    assert upkeep(store).run() == []  # nothing left to do, nothing rolled up twice
    assert store.execute_raw("SELECT COUNT(*) FROM position_rollups") == [(32,)]
    if store.dialect == "postgresql":
        assert f"positions_{old_day:%Y%m%d}" not in partitions(store)


def test_late_fixes_of_an_expired_day_are_thinned_from_the_default_partition(store: Store) -> None:
    fleet(store)
    record_positions(store, half_hour(2, 200))  # a backfill of a day long past retention
    done = [d for d in upkeep(store).run() if d.step.action is UpkeepAction.EXPIRE]
    expected = UpkeepSource.DEFAULT if store.dialect == "postgresql" else UpkeepSource.TABLE
    assert [(d.step.source, d.rows, d.kept) for d in done] == [(expected, 180, 32)]
    assert day_track(store, 2, NOW - timedelta(days=200)) == 32


def test_a_day_is_made_while_its_fixes_keep_arriving(pg_url: str) -> None:
    """PostgreSQL: the day's fixes written during the upkeep (into the default, then into the new
    partition) are all kept, and the upkeep does not fail on a fix landing between move and attach."""
    store = Store.open(pg_url)
    try:
        fleet(store)
        coming = datetime.combine(TODAY + timedelta(days=5), datetime.min.time(), UTC)
        record_positions(store, [Position(1, coming, 113.6, 34.7)])
        written = [1]
        started = threading.Event()
        problems: list[BaseException] = []

        def keep_writing() -> None:
            try:
                for n in range(1, 200):
                    record_positions(store, [Position(2, coming + timedelta(seconds=n), 113.6, 34.7)])
                    written[0] += 1
                    started.set()
            except BaseException as problem:  # the test reports it below
                problems.append(problem)
                started.set()

        writer = threading.Thread(target=keep_writing)
        writer.start()
        started.wait()
        done = upkeep(store, days_ahead=6).run()
        writer.join()
        assert problems == []
        assert written[0] == 200
        assert TODAY + timedelta(days=5) in {d.step.day for d in done}
        assert store.execute_raw("SELECT COUNT(*) FROM positions") == [(written[0],)]
        assert store.execute_raw("SELECT COUNT(*) FROM positions_default") == [(0,)]
    finally:
        store.close()


def test_a_run_asked_to_stop_leaves_the_remaining_days_for_the_next(store: Store) -> None:
    fleet(store)
    record_positions(store, half_hour(1, 50) + half_hour(1, 40))
    asked: list[int] = []

    def stopping() -> bool:  # stop after the first step
        asked.append(1)
        return len(asked) > 1

    first = upkeep(store, days_ahead=3).run(stopping)  # the migration made today … today+3
    assert [d.step.day for d in first] == [TODAY - timedelta(days=50)]
    rest = upkeep(store, days_ahead=3).run()
    assert [d.step.day for d in rest] == [TODAY - timedelta(days=40)]
    assert upkeep(store, days_ahead=3).plan() == []
    assert day_track(store, 1, NOW - timedelta(days=50)) == 32
    assert day_track(store, 1, NOW - timedelta(days=40)) == 32
