"""The upkeep of the position time series inside the gateway: at start and then every hour, off the
event loop (``asyncio.to_thread``), ``tracks.position_upkeep`` makes the coming days' partitions and
expires the days past ``[positions] retention_days``. Several gateways on one database take turns
under the upkeep's advisory lock, so running it in each is safe; a failed round is counted and logged
and the next hour tries again."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Mapping

from commandcenter.config import PositionSettings
from commandcenter.domain.position_upkeep import UpkeepAction
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.store import Store
from commandcenter.tracks.position_upkeep import PositionUpkeep

log = logging.getLogger(__name__)
UPKEEP_INTERVAL_S = 3600.0


class PositionUpkeepComponent:
    """A ``GatewayComponent``; ``run_once`` is one round (what the loop and the tests drive)."""

    name = "positions"

    def __init__(
        self, store: Store, settings: PositionSettings, gateway: str, interval: float = UPKEEP_INTERVAL_S
    ) -> None:
        self._upkeep = PositionUpkeep(store, settings, f"gateway:{gateway}")
        self._interval = interval
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._counts: Counter[str] = Counter()

    async def start(self) -> None:
        self._stopping.clear()
        self._task = asyncio.create_task(self._run(), name="position-upkeep")

    async def stop(self) -> None:
        """Stop waiting; a round in flight ends after its current step (one transaction)."""
        self._stopping.set()
        if self._task is not None:
            await self._task
            self._task = None

    def counters(self) -> Mapping[str, object]:
        return dict(self._counts)

    async def run_once(self) -> None:
        done = await asyncio.to_thread(self._upkeep.run, self._stopping.is_set)
        self._counts["rounds"] += 1
        for result in done:
            created = result.step.action is UpkeepAction.CREATE
            self._counts["partitions_created" if created else "days_expired"] += 1
            log.info(
                "event=positions_upkeep action=%s day=%s rows=%d kept=%d",
                result.step.action,
                result.step.day,
                result.rows,
                result.kept,
            )

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.run_once()
            except DatabaseUnavailable as error:
                self._counts["database_unavailable"] += 1
                log.warning("event=positions_upkeep_failed database unreachable: %s", error)
            except Exception:  # one bad round must not end the upkeep
                self._counts["errors"] += 1
                log.exception("event=positions_upkeep_failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._interval)
