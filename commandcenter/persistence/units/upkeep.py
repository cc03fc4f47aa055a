"""The upkeep of ``positions``: plan what a day needs (its partition made, or its fixes expired past
retention) and apply one step, on PostgreSQL's partitions or SQLite's plain table.

The plan is read without a lock, so a dry run changes nothing; each step is applied in its own
transaction under the upkeep lock and re-checks what exists there, so two gateways or a gateway and a
desk's ``positions maintain`` running together each do a step at most once (the other gets None).
"""

from __future__ import annotations

from datetime import date, timedelta

from commandcenter.domain.position_upkeep import UpkeepAction, UpkeepDone, UpkeepSource, UpkeepStep
from commandcenter.persistence.access import reading, writing
from commandcenter.persistence.store import Store
from commandcenter.persistence.units import partitions, rollups


def plan_upkeep(store: Store, today: date, retention_days: int, days_ahead: int) -> list[UpkeepStep]:
    """The steps due on ``today`` (a UTC day): partitions to make first, then days to expire, oldest first.
    ``retention_days`` 0 keeps every day."""
    cutoff = today - timedelta(days=retention_days) if retention_days else None
    with reading(store) as connection:
        if not partitions.is_partitioned(connection):
            old = rollups.days_before(connection, cutoff) if cutoff is not None else []
            return [UpkeepStep(UpkeepAction.EXPIRE, day, UpkeepSource.TABLE) for day in old]
        existing = partitions.partition_days(connection)
        waiting = partitions.default_days(connection)
    last = today + timedelta(days=days_ahead)
    ahead = {today + timedelta(days=n) for n in range(days_ahead + 1)}
    kept_waiting = {day for day in waiting if day <= last and (cutoff is None or day >= cutoff)}
    steps = [UpkeepStep(UpkeepAction.CREATE, day) for day in sorted((ahead | kept_waiting) - existing)]
    if cutoff is not None:
        expired = [(day, UpkeepSource.PARTITION) for day in existing if day < cutoff]
        expired += [(day, UpkeepSource.DEFAULT) for day in waiting if day < cutoff]
        steps += [UpkeepStep(UpkeepAction.EXPIRE, day, source) for day, source in sorted(expired)]
    return steps


def apply_step(store: Store, step: UpkeepStep) -> UpkeepDone | None:
    """Apply one planned step; None when another process already did it."""
    if step.source is UpkeepSource.TABLE:
        return _expire_rows(store, step)
    with writing(store) as connection:
        partitions.hold_upkeep_lock(connection)
        if step.action is UpkeepAction.CREATE:
            if step.day in partitions.partition_days(connection):
                return None
            return UpkeepDone(step, partitions.create_day(connection, step.day))
        if step.source is UpkeepSource.DEFAULT:
            kept = rollups.roll_up(connection, partitions.DEFAULT_PARTITION, step.day)
            deleted = partitions.delete_default_day(connection, step.day)
            return UpkeepDone(step, deleted, kept) if deleted else None
        if step.day not in partitions.partition_days(connection):
            return None
        kept = rollups.roll_up(connection, partitions.partition_name(step.day), step.day)
        dropped = partitions.count_day(connection, step.day)
        partitions.drop_day(connection, step.day)
        return UpkeepDone(step, dropped, kept)


def _expire_rows(store: Store, step: UpkeepStep) -> UpkeepDone | None:
    """SQLite: the day rolled up in one transaction, then its fixes deleted a batch per transaction (a
    run cut short leaves the rest for the next, whose rollup adds only fixes not yet kept)."""
    with writing(store) as connection:
        kept = rollups.roll_up(connection, "positions", step.day)
    deleted = 0
    while True:
        with writing(store) as connection:
            batch = rollups.delete_batch(connection, step.day)
        if not batch:
            break
        deleted += batch
    return UpkeepDone(step, deleted, kept) if deleted else None
