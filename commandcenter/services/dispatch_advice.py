"""Advice for the case desk, answered in memory: who to dispatch a case to, who should hold a late
one (路长 → 镇办 → 区城管局), which patrollers are nearest a point, and the pieces the pop-up's
mini-map draws. Built off the Qt thread (the district index, a few hundred milliseconds at city
scale) and kept current by ``refresh``: patrollers move to their latest fixes, and when any
workstation has imported or edited the district or the categories since (an audited base-data
change, ``audit.trail.BASE_DATA_ACTIONS``) the index is rebuilt — a 路长 moved to another segment is
recommended there within seconds, without a restart. Every question costs about a millisecond,
cheap enough for the Qt thread (``bench/cases.py``).

A new install signs its first administrator in before any district is imported: with no office
there is nothing to advise on, so the advice loads empty (``ready``, every answer empty) instead of
failing the case desk's start — and fills itself once a district is imported.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta

from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.cases.district_index import LivePosition, PatrollerHit
from commandcenter.cases.escalation import EscalationStep
from commandcenter.cases.intake import CaseIntake
from commandcenter.cases.recommend import Recommendation, nearest_on_duty
from commandcenter.domain.cases import BoardCase
from commandcenter.domain.district import StaffRecord
from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.settings import SettingsSource
from commandcenter.persistence.units.positions import latest_positions
from commandcenter.services.guard import Guarded

log = logging.getLogger(__name__)
FRESH_FIX = timedelta(minutes=5)  # an older fix means the patroller's unit is offline


class DispatchAdvice(Guarded):
    _current: CurrentIntake | None = None
    _loaded = False
    settings: SettingsSource | None = None  # the workstation's live settings: shifts, ladder, radii

    @property
    def ready(self) -> bool:
        return self._loaded

    def load(self, rules: CaseRuleSet | None = None) -> None:
        """Worker thread: read the district and the category table (raises ``DatabaseUnavailable``)."""
        self._office_scope("cases")
        self._current = CurrentIntake(self.store, rules=rules, settings=self.settings, needs_district=True)
        self._current.current()
        self._loaded = True

    @property
    def _intake(self) -> CaseIntake | None:
        return None if self._current is None else self._current.built()

    def refresh(self) -> int:
        """Worker thread: rebuild the index if the base data changed since it was built, then move
        the patrollers to their latest fixes; returns how many moved."""
        intake = None if self._current is None else self._current.current()
        return 0 if intake is None else intake.index.update_positions(latest_positions(self.store))

    def recommendations(self, case: BoardCase, now: datetime) -> list[Recommendation]:
        if self._intake is None:
            return []
        try:
            return self._intake.recommend_for_case(case, now)
        except (KeyError, ValueError) as error:  # a category or segment added since the index was built
            log.warning("no recommendation for case %s: %s", case.number, error)
            return []

    def escalation(self, case: BoardCase, now: datetime, ack_timeout: timedelta) -> EscalationStep | None:
        """The level that should hold the unsigned case ``now``; None while its holder still has time."""
        if self._intake is None or case.dispatched_at is None:
            return None
        step = self._intake.escalation_for_case(case, case.dispatched_at, now, ack_timeout)
        holder = case.assignee_id
        held = (step.staff is None and holder is None) or (step.staff is not None and step.staff.id == holder)
        return None if held else step

    def next_escalation(self, case: BoardCase, now: datetime) -> EscalationStep | None:
        """Who 升级 hands a dispatched, unsigned case to: one level above its holder (None: the top)."""
        if self._intake is None or case.status != CaseStatus.DISPATCHED:
            return None
        return self._intake.next_escalation(case, now)

    def nearest_patrollers(self, lon: float, lat: float, now: datetime, limit: int = 5) -> list[PatrollerHit]:
        if self._intake is None:
            return []
        rules = dataclasses.replace(self._intake.recommend_rules(), max_fix_age=FRESH_FIX)  # the roster too
        return nearest_on_duty(self._intake.index, lon, lat, now, rules, limit=limit)

    def segment_geometry(self, segment_id: int) -> list[list[float]]:
        if self._intake is None:
            return []
        try:
            return self._intake.index.segment(segment_id).geometry
        except KeyError:
            return []

    def vehicle_position(self, unit_id: int) -> LivePosition | None:
        """An enforcement vehicle's last fix, in memory (the pop-up's mini-map)."""
        return None if self._intake is None else self._intake.index.vehicle_position(unit_id)

    def position_of(self, staff: StaffRecord) -> LivePosition | None:
        return None if self._intake is None else self._intake.index.position_of(staff)
