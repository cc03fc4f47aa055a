"""Intake screening: every incoming report is validated, checked for duplicates and located before an
operator sees it, so the pop-up can offer "merge" or "dispatch to X" instead of raw coordinates.

``screen`` is a pure function of the report, the in-memory ``DistrictIndex``, the category table
and one database read (open cases nearby, passed in as a callable so the caller decides which
store, and tests and the benchmark use the real one). Rejections carry a reason an operator or a
citizen can act on ("经纬度颠倒", "缺少现场照片"), never a bare "invalid".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from commandcenter.cases.district_index import DistrictIndex, SegmentHit
from commandcenter.domain.alerts import ALERT_SOURCE
from commandcenter.domain.cases import IncomingReport, NearbyCase, NewCase
from commandcenter.domain.categories import CategorySpec
from commandcenter.domain.district import OfficeRecord, StaffRecord
from commandcenter.domain.inspections import INSPECTION_SOURCE
from commandcenter.domain.kinds import StaffRole
from commandcenter.domain.reporting import DeskSource
from commandcenter.domain.screening import Rejection, RejectReason
from commandcenter.geo.datum import Datum, to_wgs84

# (category code, lon, lat, radius in metres, created at or after) → open cases, nearest first
OpenCasesNear = Callable[[str, float, float, float, datetime], Sequence[NearbyCase]]


@dataclass(frozen=True)
class ScreeningRules:
    duplicate_radius_m: float = 50.0
    duplicate_window: timedelta = timedelta(hours=24)
    snap_radius_m: float = 100.0  # a report farther than this from every segment has no 路长
    # Trivial items a collector fixes on the spot and the centre counts separately (简易程序).
    simple_disposal_categories: frozenset[str] = frozenset(
        {"非法小广告", "暴露垃圾", "道路不洁", "沿街晾挂", "非机动车乱停放"}
    )
    on_site_sources: frozenset[str] = frozenset({StaffRole.INSPECTOR.value, StaffRole.CITY_MANAGER.value})
    # Sources whose evidence is a record, not a photo: a map-rule alert carries the unit's track; a
    # call or a visit taken at the desk carries the operator's record of it (citizens rarely have one);
    # a 督查 finding is recorded by a named inspection group, whose finding is itself the evidence (a
    # 暗访 group may not photograph openly; photos can be added to the case afterwards).
    evidence_sources: frozenset[str] = frozenset({ALERT_SOURCE, INSPECTION_SOURCE, *DeskSource})
    # A fresh report with no segment within ``snap_radius_m`` (and no open duplicate) is refused as
    # ``NO_SEGMENT`` so an operator places it (待甄别) instead of it becoming a case without a 路长.
    # Intake asks for this; locating a stored case or a place an operator confirmed does not.
    require_segment: bool = False
    # An alert is raised at a unit's fix, off every segment by its nature (dumping off-site), and is
    # filed by an operator who has looked at it: it never needs a segment.
    segment_optional_sources: frozenset[str] = frozenset({ALERT_SOURCE})


DEFAULT_RULES = ScreeningRules()


@dataclass(frozen=True)
class ScreeningResult:
    report: IncomingReport
    lon: float  # WGS-84, after datum conversion (NaN when the input was not a number)
    lat: float
    rejections: tuple[Rejection, ...] = ()
    category: CategorySpec | None = None
    duplicates: tuple[NearbyCase, ...] = field(default=())
    segment: SegmentHit | None = None
    office: OfficeRecord | None = None
    road_chief: StaffRecord | None = None
    simple_disposal: bool = False

    @property
    def accepted(self) -> bool:
        return not self.rejections

    @property
    def merge_into(self) -> int | None:
        """The open case this report joins as one more reporter (the nearest duplicate)."""
        return self.duplicates[0].id if self.duplicates else None

    def new_case(self) -> NewCase:
        """The case to create for an accepted report that is no duplicate."""
        if self.category is None or self.rejections or self.merge_into is not None:
            raise ValueError("only an accepted, non-duplicate report becomes a new case")
        report = self.report
        address = report.address or (self.segment.segment.name if self.segment else "")
        return NewCase(
            category_code=self.category.code,
            source=report.source,
            description=report.description,
            address=address or (self.office.name if self.office else ""),
            lon=self.lon,
            lat=self.lat,
            reporter=report.reporter or report.source,
            reporter_phone=report.reporter_phone,
            office_id=self.office.id if self.office else None,
            segment_id=self.segment.segment.id if self.segment else None,
            urgency=self.category.urgency,
        )


def _validate_place(report: IncomingReport, index: DistrictIndex) -> tuple[float, float, Rejection | None]:
    lon, lat = report.lon, report.lat
    if not (math.isfinite(lon) and math.isfinite(lat)):
        return (
            math.nan,
            math.nan,
            Rejection(RejectReason.BAD_COORDINATES, f"经纬度不是有效数值 ({lon}, {lat})"),
        )
    try:
        datum = Datum(report.datum)
    except ValueError:
        known = "、".join(member.value for member in Datum)
        return lon, lat, Rejection(RejectReason.UNKNOWN_DATUM, f"{report.datum!r}，应为 {known}")
    if -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0:
        lon, lat = to_wgs84(lon, lat, datum)
        if index.contains(lon, lat):
            return lon, lat, None
    if -180.0 <= lat <= 180.0 and -90.0 <= lon <= 90.0 and index.contains(*to_wgs84(lat, lon, datum)):
        detail = f"经度 {report.lon}、纬度 {report.lat} 疑似填反"
        return lon, lat, Rejection(RejectReason.SWAPPED_COORDINATES, detail)
    detail = f"({report.lon}, {report.lat}) 不在辖区范围内"
    return lon, lat, Rejection(RejectReason.OUTSIDE_DISTRICT, detail)


def _validate_category(
    report: IncomingReport, categories: Mapping[str, CategorySpec], rules: ScreeningRules
) -> tuple[CategorySpec | None, Rejection | None]:
    category = categories.get(report.category_code)
    if category is None:
        detail = f"类别代码 {report.category_code!r} 不在立结案标准中"
        return None, Rejection(RejectReason.UNKNOWN_CATEGORY, detail)
    if category.photo_required and not report.photos and report.source not in rules.evidence_sources:
        return category, Rejection(RejectReason.PHOTO_MISSING, f"“{category.name}”须附现场照片")
    return category, None


def _needs_segment(report: IncomingReport, rules: ScreeningRules) -> bool:
    return rules.require_segment and report.source not in rules.segment_optional_sources


def screen(
    report: IncomingReport,
    index: DistrictIndex,
    categories: Mapping[str, CategorySpec],
    open_cases_near: OpenCasesNear,
    now: datetime,
    rules: ScreeningRules = DEFAULT_RULES,
) -> ScreeningResult:
    """Validate, de-duplicate and locate one report (see the module docstring)."""
    lon, lat, place_problem = _validate_place(report, index)
    category, category_problem = _validate_category(report, categories, rules)
    rejections = tuple(problem for problem in (place_problem, category_problem) if problem is not None)
    if rejections or category is None:
        return ScreeningResult(report, lon, lat, rejections, category)
    since = now - rules.duplicate_window
    duplicates = tuple(open_cases_near(category.code, lon, lat, rules.duplicate_radius_m, since))
    segment = index.nearest_segment(lon, lat, rules.snap_radius_m)
    if segment is None and not duplicates and _needs_segment(report, rules):
        detail = f"({report.lon}, {report.lat}) 周边 {rules.snap_radius_m:.0f} 米内没有责任路段"
        return ScreeningResult(report, lon, lat, (Rejection(RejectReason.NO_SEGMENT, detail),), category)
    if segment is None:  # no segment nearby: 属地管理, the office the point lies in answers for it
        office, road_chief = index.office_for(lon, lat), None
    else:
        office = index.office(segment.segment.office_id)
        chiefs = index.segment_staff(segment.segment.id, StaffRole.ROAD_CHIEF)
        road_chief = chiefs[0] if chiefs else None
    simple = (
        report.fixed_on_spot
        and category.name in rules.simple_disposal_categories
        and report.source in rules.on_site_sources
    )
    return ScreeningResult(
        report, lon, lat, (), category, duplicates, segment, office, road_chief, simple_disposal=simple
    )
