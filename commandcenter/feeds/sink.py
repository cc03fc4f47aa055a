"""Where every source's positions go: checked for plausibility, then stored in one batch.

A source hands over what it decoded; the sink refuses the unbelievable fixes (``plausibility``), keeps
a per-unit count of them with the last reason (so the administrator can see which terminal is
broken, as Traccar's per-device error counters do), and writes the rest through ``record_positions``
— one transaction, so the map never shows half a batch. A database that cannot answer raises
``DatabaseUnavailable`` to the source, which decides whether to keep the batch and retry.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from commandcenter.domain.units import Position
from commandcenter.feeds.plausibility import DEFAULT_RULES, PlausibilityRules, position_problems
from commandcenter.persistence.store import WAL_SHRINK_EVERY_S, Store
from commandcenter.persistence.units.positions import record_positions


@dataclass
class Refusals:
    """Refused fixes of one unit: how many, and the reasons of the last one."""

    count: int = 0
    last_reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class SinkReport:
    written: int
    refused: int


class PositionSink:
    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        rules: PlausibilityRules = DEFAULT_RULES,
    ) -> None:
        self.store = store
        self.clock = clock
        self.rules = rules
        self._refusals: dict[int, Refusals] = {}
        self._lock = threading.Lock()

    def write(self, positions: Sequence[Position], now: datetime | None = None) -> SinkReport:
        """Store the plausible positions of one batch; raises ``DatabaseUnavailable``. ``now`` is
        the receiving time the fixes are judged against (default: the sink's clock)."""
        now = now or self.clock()
        good: list[Position] = []
        refused = 0
        for position in positions:
            problems = position_problems(position, now, self.rules)
            if problems:
                refused += 1
                self._refuse(position.unit_id, problems)
            else:
                good.append(position)
        record_positions(self.store, good)
        self.store.shrink_wal(every_s=WAL_SHRINK_EVERY_S)  # a feed into an embedded database never stops
        return SinkReport(len(good), refused)

    def _refuse(self, unit_id: int, problems: list[str]) -> None:
        with self._lock:
            entry = self._refusals.setdefault(unit_id, Refusals())
            entry.count += 1
            entry.last_reasons = problems

    def refusals(self) -> dict[int, Refusals]:
        """Unit id → its refused fixes so far (a copy)."""
        with self._lock:
            return {unit: Refusals(r.count, list(r.last_reasons)) for unit, r in self._refusals.items()}
