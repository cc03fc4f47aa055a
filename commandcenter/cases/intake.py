"""Case intake: a report in, a case (or one more reporter on an open case) out, with who to send.

``CaseIntake.receive`` is the single path every source takes (citizen app, inspectors, the hotline,
the city platforms, map-rule alerts, the simulator): screen (validate, de-duplicate, locate), apply
the office's case rules (``cases.case_rules``: notes, urgency, office, preferred assignee), then write
— a new case with its dispatch deadline in working hours, or a merge into the open duplicate — and
recommend assignees. A report refused for a reason an operator can fix (outside the district, an
unknown category, no segment within reach) is kept for review (待甄别, ``domain.reviews``) in its own
transaction, like a case; any other refusal writes nothing and says why. ``recommend_for_case`` answers
the pop-up's "who should take this" for a case already stored (screening it again would find itself
as a duplicate, so it screens without the duplicate check).

The district's settings (``settings``, a ``SettingsSource``: a workstation's ``LiveSettings``) are
asked at each report, so a radius, a shift or a calendar saved by an administrator applies to the
very next one without a restart; without them, the built-in defaults (the same values).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from commandcenter.cases.case_rules import AppliedRules, CaseRuleSet, fold
from commandcenter.cases.district_index import DistrictIndex
from commandcenter.cases.escalation import (
    EscalationStep,
    chain_from_holder,
    escalation_chain,
    escalation_due,
)
from commandcenter.cases.recommend import (
    DEFAULT_RULES as DEFAULT_RECOMMEND,
    Basis,
    Recommendation,
    RecommendRules,
    Tier,
    recommend,
)
from commandcenter.cases.screening import (
    DEFAULT_RULES as DEFAULT_SCREENING,
    ScreeningResult,
    ScreeningRules,
    screen,
)
from commandcenter.domain.calendar import WorkingCalendar
from commandcenter.domain.cases import BoardCase, IncomingReport, NearbyCase, NewCase
from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.reviews import NewReview, reviewable
from commandcenter.domain.settings import DistrictSettings, SettingsSource
from commandcenter.domain.workflow import default_calendar
from commandcenter.duty.roster import DutyRoster
from commandcenter.duty.store_roster import current_roster
from commandcenter.persistence.cases import (
    categories as case_categories,
    intake as case_intake,
    queries as case_queries,
    reviews as case_reviews,
)
from commandcenter.persistence.cases.along import AlongWith
from commandcenter.persistence.district.departments import departments as department_list
from commandcenter.persistence.store import Store

STORED_PHOTOS = "(stored with the case)"
NO_RULES = AppliedRules()


@dataclass(frozen=True)
class IntakeOutcome:
    result: ScreeningResult
    case_id: int | None  # the new case, or the open case the report was merged into; None if rejected
    merged: bool
    recommendations: tuple[Recommendation, ...]
    rules: AppliedRules = NO_RULES
    review_id: int | None = None  # refused for a reason an operator can fix: kept in 待甄别 as this item

    @property
    def accepted(self) -> bool:
        return self.case_id is not None


def _no_duplicates(
    _code: str, _lon: float, _lat: float, _radius: float, _since: datetime
) -> Sequence[NearbyCase]:
    return ()


class CaseIntake:
    def __init__(
        self,
        store: Store,
        index: DistrictIndex,
        categories: Mapping[str, CategorySpec],
        calendar: WorkingCalendar | None = None,
        rules: CaseRuleSet | None = None,
        *,
        settings: SettingsSource | None = None,
        departments: Mapping[str, int] | None = None,
    ) -> None:
        """``calendar``: a fixed calendar (tests); otherwise the settings' calendar, else the default.
        ``departments``: the district's departments by name, which categories route to (联动)."""
        self.store = store
        self.index = index
        self.categories = dict(categories)
        self.departments = dict(departments or {})
        self._calendar = calendar
        self.rules = rules or CaseRuleSet()
        self.settings = settings
        self.duty: DutyRoster | None = None  # the offices' rosters (``from_store``); None: fixed shifts

    @classmethod
    def from_store(
        cls,
        store: Store,
        calendar: WorkingCalendar | None = None,
        rules: CaseRuleSet | None = None,
        *,
        settings: SettingsSource | None = None,
    ) -> CaseIntake:
        """Read the district and the category table (raises ``DatabaseUnavailable``)."""
        categories = case_categories.active_categories(store)
        departments = {department.name: department.id for department in department_list(store)}
        index = DistrictIndex.from_store(store)
        intake = cls(store, index, categories, calendar, rules, settings=settings, departments=departments)
        intake.duty = current_roster(store)
        return intake

    @property
    def calendar(self) -> WorkingCalendar:
        if self._calendar is not None:
            return self._calendar
        return default_calendar() if self.settings is None else self.settings().working_calendar()

    def _district(self) -> DistrictSettings | None:
        return None if self.settings is None else self.settings()

    def screening_rules(self) -> ScreeningRules:
        """The radii and window of the newest settings."""
        district = self._district()
        if district is None:
            return DEFAULT_SCREENING
        return dataclasses.replace(
            DEFAULT_SCREENING,
            duplicate_radius_m=district.duplicate_radius_m,
            duplicate_window=district.duplicate_window,
            snap_radius_m=district.snap_radius_m,
        )

    def recommend_rules(self) -> RecommendRules:
        district = self._district()
        day_shift = DEFAULT_RECOMMEND.day_shift if district is None else district.day_shift
        return dataclasses.replace(DEFAULT_RECOMMEND, day_shift=day_shift, duty=self.duty)

    def _open_cases_near(
        self, code: str, lon: float, lat: float, radius_m: float, since: datetime
    ) -> Sequence[NearbyCase]:
        return case_queries.open_cases_near(self.store, code, lon, lat, radius_m, since)

    def duplicates_near(
        self, category_code: str, lon: float, lat: float, now: datetime
    ) -> Sequence[NearbyCase]:
        """The open cases a report of this kind at this WGS-84 point would join, nearest first (the
        first is the one ``receive`` merges into): screening's own radius, window and query."""
        rules = self.screening_rules()
        since = now - rules.duplicate_window
        return self._open_cases_near(category_code, lon, lat, rules.duplicate_radius_m, since)

    def receive(
        self,
        report: IncomingReport,
        now: datetime,
        *,
        confirmed: bool = False,
        along: AlongWith | None = None,
    ) -> IntakeOutcome:
        """``confirmed``: an operator placed and categorised the report (a 待甄别 item accepted), so it
        needs no segment within reach, and a refusal is answered to that operator, not kept again.
        ``along``: the caller's own rows, written in the case's (merge's, 待甄别 item's) transaction;
        a refusal writes nothing, so it is not called."""
        rules = self.screening_rules()
        rules = rules if confirmed else dataclasses.replace(rules, require_segment=True)
        result = screen(report, self.index, self.categories, self._open_cases_near, now, rules)
        if not result.accepted or result.category is None:
            keep = not confirmed and reviewable(result.rejections, report.source)
            review_id = (
                case_reviews.add_review(
                    self.store, NewReview(now, report, result.rejections, report.reporter_phone), along
                )
                if keep
                else None
            )
            return IntakeOutcome(result, None, False, (), review_id=review_id)
        merge_into = result.merge_into
        if merge_into is not None:
            duplicate = dataclasses.replace(result, duplicates=())
            case_intake.merge_report(self.store, merge_into, duplicate.new_case(), now, report.photos, along)
            return IntakeOutcome(result, merge_into, True, ())
        applied = self._known_office(fold(self.rules.apply(result)))
        deadline = self.calendar.add_working_hours(now, result.category.dispatch_hours)
        new_case = self._with_rules(dataclasses.replace(result.new_case(), deadline_at=deadline), applied)
        new_case = self._routed(new_case, result.category, now)
        case_id = case_intake.create_case(self.store, new_case, now, report.photos, along)
        picks = self._preferred(applied) + recommend(result, self.index, now, self.recommend_rules())
        return IntakeOutcome(result, case_id, False, tuple(_unique(picks)), applied)

    def _with_rules(self, case: NewCase, applied: AppliedRules) -> NewCase:
        """The case as the rules want it: their urgency, their office (the segment is kept only if it
        lies in that office), their notes."""
        office = self.index.office_named(applied.office_name) if applied.office_name else None
        changes: dict[str, object] = {"notes": applied.notes}
        if applied.urgency is not None:
            changes["urgency"] = applied.urgency
        if office is not None and office.id != case.office_id:
            segment = self.index.segment(case.segment_id) if case.segment_id is not None else None
            keep = segment is not None and segment.office_id == office.id
            changes.update(office_id=office.id, segment_id=case.segment_id if keep else None)
        return dataclasses.replace(case, **changes)  # type: ignore[arg-type]

    def _routed(self, case: NewCase, category: CategorySpec, now: datetime) -> NewCase:
        """A category handled by a department of the district (市政所, 环卫中心 …) puts the case in that
        department's hands beside its office at once (联动), with the disposal time as its deadline."""
        department_id = self.departments.get(category.department) if category.routes_to_department else None
        if department_id is None:
            return case
        handoff = self.calendar.add_working_hours(now, category.dispose_hours)
        return dataclasses.replace(case, department_id=department_id, handoff_deadline_at=handoff)

    def _known_office(self, applied: AppliedRules) -> AppliedRules:
        """A rule naming an office the district does not have is noted and not applied."""
        if not applied.office_name or self.index.office_named(applied.office_name) is not None:
            return applied
        note = f"规则指定的镇办「{applied.office_name}」不存在，未改属地"
        return dataclasses.replace(applied, office_name=None, notes=(*applied.notes, note))

    def _preferred(self, applied: AppliedRules) -> list[Recommendation]:
        if applied.assignee_staff_id is None:
            return []
        member = self.index.staff_member(applied.assignee_staff_id)
        return [] if member is None else [Recommendation(member, Tier.RESPONSIBLE, Basis.CASE_RULE, None)]

    def locate_stored(self, case: BoardCase, now: datetime) -> ScreeningResult:
        """Segment, office and 路长 of a case already stored. It passed screening when it arrived (its
        photos are in case_photos): only the locating is wanted, so the photo requirement is met by
        a stand-in and the duplicate check is skipped (it would find the case itself)."""
        report = IncomingReport(
            case.category_code, case.lon, case.lat, source=case.source, photos=(STORED_PHOTOS,)
        )
        return screen(report, self.index, self.categories, _no_duplicates, now, self.screening_rules())

    def recommend_for_case(self, case: BoardCase, now: datetime) -> list[Recommendation]:
        return recommend(self.locate_stored(case, now), self.index, now, self.recommend_rules())

    def escalation_for_case(
        self, case: BoardCase, dispatched_at: datetime, now: datetime, ack_timeout: timedelta
    ) -> EscalationStep:
        """Who should hold a dispatched, unsigned case ``now`` (路长 → 镇办 → 区城管局, as the
        settings' ladder says: its levels and their waits)."""
        district = self._district()
        ladder = None if district is None else district.ladder_waits()
        return escalation_due(self._chain(case, now), dispatched_at, now, ack_timeout, ladder)

    def next_escalation(self, case: BoardCase, now: datetime) -> EscalationStep | None:
        """The level above whoever holds the dispatched case now (what 升级 hands it to); None at the
        bureau, the top."""
        chain = self._chain(case, now)
        if chain and chain[0].staff is not None and chain[0].staff.id == case.assignee_id:
            chain = chain[1:]
        return chain[0] if chain and case.assignee_id is not None else None

    def _chain(self, case: BoardCase, now: datetime) -> list[EscalationStep]:
        """The case's ladder from its current holder up."""
        district = self._district()
        ladder = None if district is None else district.ladder_waits()
        shift = self.recommend_rules().day_shift
        chain = escalation_chain(self.locate_stored(case, now), self.index, now, ladder, shift)
        return chain_from_holder(chain, case.assignee_id)


def _unique(picks: Sequence[Recommendation]) -> list[Recommendation]:
    """Each person once, at their first (best) place."""
    seen: set[int] = set()
    unique = []
    for pick in picks:
        if pick.staff.id not in seen:
            seen.add(pick.staff.id)
            unique.append(pick)
    return unique
