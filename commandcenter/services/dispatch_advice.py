"""Advice for the case desk, answered in memory: who to dispatch a case to, who should hold a late
one (路长 → 镇办 → 区城管局), which patrollers are nearest a point, and the pieces the pop-up's
mini-map draws. Built once off the Qt thread (the district index, a few hundred milliseconds at
city scale) and kept current by ``refresh_positions``; every question after that costs about a
millisecond, cheap enough for the Qt thread (``bench/cases.py``).

A new install signs its first administrator in before any district is imported: with no office
there is nothing to advise on, so the advice loads empty (``ready``, every answer empty) instead of
failing the case desk's start.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.cases.district_index import LivePosition, PatrollerHit
from commandcenter.cases.escalation import EscalationStep
from commandcenter.cases.intake import CaseIntake
from commandcenter.cases.recommend import Recommendation, shift_at
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.district import StaffRecord
from commandcenter.domain.settings import DEFAULT_SETTINGS, SettingsSource
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.units.positions import latest_positions
from commandcenter.services.guard import Guarded

log = logging.getLogger(__name__)
FRESH_FIX = timedelta(minutes=5)  # an older fix means the patroller's unit is offline


class DispatchAdvice(Guarded):
    _intake: CaseIntake | None = None
    _loaded = False
    settings: SettingsSource | None = None  # the workstation's live settings: shifts, ladder, radii

    @property
    def ready(self) -> bool:
        return self._loaded

    def load(self, rules: CaseRuleSet | None = None) -> None:
        """Worker thread: read the district and the category table (raises ``DatabaseUnavailable``)."""
        self._office_scope("cases")
        if district_queries.offices(self.store):  # an empty district: no index, no advice
            self._intake = CaseIntake.from_store(self.store, rules=rules, settings=self.settings)
        self._loaded = True

    def refresh_positions(self) -> int:
        """Worker thread: move the patrollers to their latest fixes; returns how many moved."""
        positions = latest_positions(self.store)
        return 0 if self._intake is None else self._intake.index.update_positions(positions)

    def recommendations(self, case: BoardCase, now: datetime) -> list[Recommendation]:
        if self._intake is None:
            return []
        try:
            return self._intake.recommend_for_case(case, now)
        except (KeyError, ValueError) as error:  # a category or segment added since the index was built
            log.warning("no recommendation for case %s: %s", case.number, error)
            return []

    def escalation(self, case: BoardCase, now: datetime, ack_timeout: timedelta) -> EscalationStep | None:
        if self._intake is None or case.dispatched_at is None:
            return None
        return self._intake.escalation_for_case(case, case.dispatched_at, now, ack_timeout)

    def nearest_patrollers(self, lon: float, lat: float, now: datetime, limit: int = 5) -> list[PatrollerHit]:
        if self._intake is None:
            return []
        district = DEFAULT_SETTINGS if self.settings is None else self.settings()
        shift = shift_at(now, district.day_shift).value
        return self._intake.index.nearest_patrollers(
            lon, lat, now=now, max_fix_age=FRESH_FIX, shift=shift, limit=limit
        )

    def segment_geometry(self, segment_id: int) -> list[list[float]]:
        if self._intake is None:
            return []
        try:
            return self._intake.index.segment(segment_id).geometry
        except KeyError:
            return []

    def position_of(self, staff: StaffRecord) -> LivePosition | None:
        return None if self._intake is None else self._intake.index.position_of(staff)
