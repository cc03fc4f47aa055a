"""Running the upkeep of the position time series: the gateway hourly and ``commandcenter positions
maintain``. Makes the coming days' partitions (PostgreSQL) and expires the days past ``[positions]
retention_days`` — thinned into the rollups that track playback reads, then dropped — each expired day
recorded in the audit log under the actor that ran it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.config import PositionSettings
from commandcenter.domain.position_upkeep import UpkeepAction, UpkeepDone, UpkeepStep
from commandcenter.persistence.store import Store
from commandcenter.persistence.units.upkeep import apply_step, plan_upkeep


class PositionUpkeep:
    """One store's upkeep under ``settings``; ``clock`` is injectable so tests choose "today"."""

    def __init__(
        self,
        store: Store,
        settings: PositionSettings,
        actor: str,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.actor = actor
        self._clock = clock or (lambda: datetime.now(UTC))
        self._audit = AuditTrail(store, self._clock)

    def today(self) -> date:
        return self._clock().astimezone(UTC).date()

    def plan(self) -> list[UpkeepStep]:
        """What a run would do now (the dry run): nothing is changed."""
        return plan_upkeep(self.store, self.today(), self.settings.retention_days, self.settings.days_ahead)

    def run(self, stopping: Callable[[], bool] = lambda: False) -> list[UpkeepDone]:
        """Apply every step due; steps another process did meanwhile are left out of the answer.
        ``stopping`` is asked before each step: a gateway shutting down after a long outage does not
        wait for months of days to be thinned — the rest is the next run's."""
        done: list[UpkeepDone] = []
        for step in self.plan():
            if stopping():
                break
            result = apply_step(self.store, step)
            if result is None:
                continue
            if step.action is UpkeepAction.EXPIRE:
                details = {"dropped": result.rows, "kept": result.kept, "source": str(step.source)}
                target = f"positions:{step.day}"
                self._audit.record(self.actor, AuditAction.POSITIONS_EXPIRED, target, details)
            done.append(result)
        return done
