"""The core's records → the plugin API's records, at the one place they meet.

Plugins see only ``commandcenter.plugins_api.types``; everything they are handed is converted here,
so a renamed domain field or a new persistence class changes this module and no plugin.
``StoreDistrict`` is what a ``PluginContext`` reads the district through.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from commandcenter.cases.district_index import SegmentHit
from commandcenter.cases.screening import ScreeningResult
from commandcenter.domain import cases as domain_cases, district as domain_district
from commandcenter.domain_events import CaseEvent as DomainCaseEvent, UnitAlert as DomainUnitAlert
from commandcenter.evaluation.assessment import settings_weights
from commandcenter.evaluation.indicators import Indicators
from commandcenter.evaluation.periods import PeriodKind, current_label, parse_period
from commandcenter.evaluation.score import composite_score
from commandcenter.persistence.cases.indicator_facts import period_facts
from commandcenter.persistence.cases.outcomes import case_outcomes
from commandcenter.persistence.district import queries as district_queries
from commandcenter.persistence.settings.queries import read_settings
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.manifest import PluginManifest
from commandcenter.plugins_api.types import (
    CaseEvent,
    CaseOutcome,
    Coordinates,
    Office,
    PluginInfo,
    PostIndicators,
    ScreenedReport,
    Segment,
    SegmentMatch,
    StaffMember,
    UnitAlert,
)


def _coordinates(points: list[list[float]]) -> Coordinates:
    return tuple((float(point[0]), float(point[1])) for point in points)


def office(record: domain_district.OfficeRecord) -> Office:
    return Office(
        record.id,
        record.code,
        record.name,
        record.center_lon,
        record.center_lat,
        _coordinates(record.boundary),
    )


def segment(shape: domain_district.SegmentShape) -> Segment:
    return Segment(shape.id, shape.number, shape.name, shape.office_id, _coordinates(shape.geometry))


def staff_member(record: domain_district.StaffRecord) -> StaffMember:
    return StaffMember(
        record.id,
        record.name,
        record.role,
        record.office_id,
        record.segment_id,
        record.shift,
        record.phone,
        record.last_ts,
        record.last_lon,
        record.last_lat,
    )


def case_outcome(record: domain_cases.CaseOutcome) -> CaseOutcome:
    return CaseOutcome(
        record.case_id,
        record.segment_id,
        record.status,
        record.created_at,
        record.deadline_at,
        record.closed_at,
        record.rework_count,
    )


def plugin_event(payload: Any) -> Any:
    """A domain event as the plugin API names it (anything else passes unchanged)."""
    if isinstance(payload, DomainCaseEvent):
        return CaseEvent(payload.case_id, payload.status)
    if isinstance(payload, DomainUnitAlert):
        return UnitAlert(payload.unit_id, payload.kind, payload.message)
    return payload


def _segment_match(hit: SegmentHit | None) -> SegmentMatch | None:
    return None if hit is None else SegmentMatch(segment(hit.segment), hit.distance_m)


def screened_report(result: ScreeningResult) -> ScreenedReport:
    """An accepted screening result (its category is known) as a case rule reads it."""
    category, report = result.category, result.report
    assert category is not None, "case rules run on accepted reports only"
    return ScreenedReport(
        category.code,
        category.name,
        result.lon,
        result.lat,
        report.source,
        report.reporter,
        report.description,
        report.address,
        category.urgency,
        None if result.office is None else office(result.office),
        _segment_match(result.segment),
        None if result.road_chief is None else staff_member(result.road_chief),
    )


def plugin_info(manifest: PluginManifest) -> PluginInfo:
    return PluginInfo(
        manifest.id,
        manifest.name,
        manifest.version,
        manifest.api_version,
        manifest.offices,
        manifest.description,
    )


class StoreDistrict:
    """The ``DistrictReader`` a plugin's context reads through: core queries, converted."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def offices(self) -> list[Office]:
        return [office(record) for record in district_queries.offices(self._store)]

    def segments(self) -> list[Segment]:
        return [segment(shape) for shape in district_queries.segment_shapes(self._store)]

    def staff(self) -> list[StaffMember]:
        return [staff_member(record) for record in district_queries.staff_roster(self._store)]

    def case_outcomes(self, office_id: int | None) -> list[CaseOutcome]:
        return [case_outcome(record) for record in case_outcomes(self._store, office_id)]

    def post_indicators(self, office_id: int, period: str | None) -> list[PostIndicators]:
        """Per assignee of the office's cases, the period's indicators (API 1.2)."""
        when = parse_period(period or current_label(PeriodKind.MONTH, datetime.now(UTC)))
        weights = settings_weights(read_settings(self._store).settings.assessment)
        counts: dict[int, Indicators] = {}
        for case in period_facts(self._store, when.start, when.end, office_id):
            if case.staff_id is not None:
                counts.setdefault(case.staff_id, Indicators()).add(case, when)
        return [
            PostIndicators(
                staff_id,
                when.label,
                c.received,
                c.dispatched,
                c.due,
                c.closed,
                c.on_time,
                c.reworked,
                c.overdue_open,
                composite_score(c, weights),
            )
            for staff_id, c in sorted(counts.items())
        ]
