"""The demo's live feed: patrollers walk, trucks shuttle, reports arrive — written exactly as real data
is: positions through the feeds' ``PositionSink`` (plausibility checked), reports through
``CaseIntake`` (screened, located, duplicates merged, the office's case rules applied).

``step(now)`` advances everything to ``now`` and writes one batch of fixes plus the reports that
arrived meanwhile (a Poisson process at ``cases_per_hour``); ``run(stop)`` calls it every
``position_interval_s`` on a background thread. The initial state is read from the store (units,
their last fixes, segments, sites), so the simulator picks up wherever the map currently shows
things. A store failure is logged and the step reports it; the loop carries on and reloads its
state from the store once the database answers again. Same seed and same step times → same output.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.cases.intake import CaseIntake
from commandcenter.config import SimulatorSettings
from commandcenter.demo.case_text import address_on, describe
from commandcenter.demo.world import World, load_world
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.categories import report_weight
from commandcenter.domain.units import Position
from commandcenter.domain.workflow_errors import UnknownCategory
from commandcenter.feeds.sink import PositionSink
from commandcenter.persistence.database import DatabaseUnavailable
from commandcenter.persistence.store import Store
from commandcenter.services.live_settings import LiveSettings

log = logging.getLogger(__name__)

MAX_STEP_S = 600.0  # after a longer gap (suspend, debugger) agents jump ahead at most this much
_SOURCES = (("市民上报", "市民(微信上报)", 0.55), ("督查员", "督查员", 0.3), ("视频", "视频巡查", 0.15))


@dataclass(frozen=True)
class StepResult:
    fixes_written: int
    cases_created: int  # new cases
    error: str | None = None  # why (part of) the step could not be written
    reports_merged: int = 0  # reports intake merged into an open duplicate
    reports_refused: int = 0  # reports screening refused (logged with the reason)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Simulator:
    """Moves every unit of the store and files reports, one ``step`` at a time; see the module text."""

    def __init__(
        self,
        store: Store,
        settings: SimulatorSettings,
        *,
        clock: Callable[[], datetime] = _utc_now,
        photos: Sequence[str] = (),
        case_rules: CaseRuleSet | None = None,
        live_settings: LiveSettings | None = None,
    ) -> None:
        """``photos``: demo scene photos the reports carry; without any, only categories that need
        no photo are reported (screening would refuse the others, as it refuses a real one)."""
        self.store = store
        self.settings = settings
        self._sink = PositionSink(store, clock=clock)
        self._clock = clock
        self._rng = random.Random(settings.seed)
        self._world: World | None = None
        self._last: datetime | None = None
        self._next_case: datetime | None = None
        self._failing = False
        self.photos = list(photos)
        self.case_rules = case_rules  # e.g. the window's plugins' rules, in the demo
        # The district's settings (radii, calendar, shifts) as the whole process follows them.
        self.live_settings = live_settings or LiveSettings(store)
        # Rebuilt when an administrator imports or edits the district meanwhile.
        self._intake = CurrentIntake(store, rules=case_rules, settings=self.live_settings.current)

    # ------------------------------------------------------------------ stepping
    def step(self, now: datetime) -> StepResult:
        """Advance to ``now``, write the fixes and the reports due by then. Never raises for store trouble."""
        try:
            world = self._world or self._load()
        except DatabaseUnavailable as error:
            return self._failed(error)
        seconds = 0.0 if self._last is None else (now - self._last).total_seconds()
        self._last = now
        fixes = []
        for agent in world.agents:
            agent.advance(min(max(seconds, 0.0), MAX_STEP_S), self._rng)
            reading = agent.reading(self._rng)
            lon, lat = world.projection.to_lonlat(reading.x, reading.y)
            fixes.append(
                Position(
                    agent.unit_id,
                    now,
                    round(lon, 6),
                    round(lat, 6),
                    round(reading.speed_kmh, 1),
                    round(reading.heading_deg, 1),
                    reading.state,
                )
            )
        written, tally = 0, {"created": 0, "merged": 0, "refused": 0}
        try:
            self.live_settings.refresh_if_due()  # an administrator's change: the next report uses it
            written = self._sink.write(fixes, now).written
            for arrival in self._arrivals(now) if world.segments and world.category_codes else []:
                tally[self._file(self._report(world), arrival)] += 1
        except (DatabaseUnavailable, UnknownCategory) as failure:
            return self._failed(failure, fixes_written=written, cases_created=tally["created"])
        if self._failing:
            log.info("simulator: the store answers again (%s)", self.store.url)
            self._failing = False
        return StepResult(written, tally["created"], None, tally["merged"], tally["refused"])

    def _file(self, report: IncomingReport, now: datetime) -> str:
        """Through intake like every real source; says whether it was created, merged or refused."""
        outcome = self._intake_now().receive(report, now)
        if not outcome.accepted:
            log.info("simulator: report refused by screening: %s", outcome.result.rejections)
            return "refused"
        return "merged" if outcome.merged else "created"

    def _intake_now(self) -> CaseIntake:
        intake = self._intake.current()
        assert intake is not None  # only advice waits for a district
        return intake

    def _failed(self, error: Exception, fixes_written: int = 0, cases_created: int = 0) -> StepResult:
        """Log once per outage, forget the world (units may have changed when the database comes back)."""
        if not self._failing:
            log.warning("simulator: cannot write to the store, will retry: %s", error)
        self._failing = True
        self._world = None
        self._intake.forget()
        return StepResult(fixes_written, cases_created, str(error))

    def _load(self) -> World:
        world = load_world(self.store, self._rng)
        if world.agents:  # an empty store is asked again next step
            log.info("simulator: %d units on %d segments", len(world.agents), len(world.segments))
            self._world = world
        return world

    def _arrivals(self, now: datetime) -> list[datetime]:
        """Arrival times of reports in (last step, now]: exponential gaps at cases_per_hour."""
        rate = self.settings.cases_per_hour / 3600.0
        if rate <= 0:
            return []
        if self._next_case is None or self._next_case < now - timedelta(seconds=MAX_STEP_S):
            self._next_case = now + timedelta(seconds=self._rng.expovariate(rate))
        arrivals = []
        while self._next_case <= now:
            arrivals.append(self._next_case)
            self._next_case += timedelta(seconds=self._rng.expovariate(rate))
        return arrivals

    def _report(self, world: World) -> IncomingReport:
        rng = self._rng
        codes = self._reportable(world)
        code = rng.choices(codes, weights=[report_weight(c) for c in codes])[0]
        source, reporter, _ = rng.choices(_SOURCES, weights=[weight for *_, weight in _SOURCES])[0]
        segment = rng.choice(world.segments)
        x, y, _ = segment.line.point_at(rng.uniform(0, segment.line.length))
        lon, lat = world.projection.to_lonlat(x + rng.uniform(-15, 15), y + rng.uniform(-15, 15))
        return IncomingReport(
            code,
            round(lon, 6),
            round(lat, 6),
            source=source,
            reporter=reporter,
            description=describe(rng, code, source),
            address=address_on(rng, segment.name),
            photos=(rng.choice(self.photos),) if self.photos else (),
        )

    def _reportable(self, world: World) -> list[str]:
        """The category codes reports are drawn from: all active ones with demo photos at hand, else
        those that need no photo (the rest would only be refused)."""
        if self.photos:
            return world.category_codes
        specs = self._intake_now().categories
        usable = [code for code in world.category_codes if code in specs and not specs[code].photo_required]
        return usable or world.category_codes

    # ------------------------------------------------------------------ thread loop
    def run(self, stop: threading.Event) -> None:
        """Step every ``position_interval_s`` until ``stop`` is set. Nothing escapes: a bad step is
        logged and the next one runs, because a demo in front of leaders must not go still."""
        interval = max(0.05, self.settings.position_interval_s)
        while not stop.is_set():
            started = time.monotonic()
            try:
                self.step(self._clock())
            except Exception:
                log.exception("simulator step failed; continuing")
            stop.wait(max(0.05, interval - (time.monotonic() - started)))
