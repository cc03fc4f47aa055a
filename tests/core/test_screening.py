"""Intake screening on the real seed-scale demo district: validation reasons, duplicate merging,
location and 简易处置 (the district and its store are shared by this module's tests, so every test
reports at its own segment)."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta

import pytest

from commandcenter.cases.screening import DEFAULT_RULES, RejectReason, ScreeningResult, screen
from commandcenter.domain.alerts import ALERT_SOURCE
from commandcenter.domain.cases import IncomingReport, NewCase
from commandcenter.domain.district import SegmentShape
from commandcenter.domain.kinds import CaseStatus, StaffRole
from commandcenter.geo.datum import wgs84_to_gcj02
from commandcenter.persistence.cases.intake import create_case
from commandcenter.testing.demo_district import DemoDistrict, middle_of, north_of

RARE = "B0105"  # 通讯交接箱: rare enough that the demo history has no open one near our points
PHOTO = ("before.jpg",)


def run(district: DemoDistrict, report: IncomingReport) -> ScreeningResult:
    return screen(report, district.index, district.categories, district.open_cases_near, district.now)


def reasons(result: ScreeningResult) -> list[RejectReason]:
    return [rejection.reason for rejection in result.rejections]


def open_case_at(district: DemoDistrict, segment: SegmentShape, code: str, hours_ago: float = 1.0) -> int:
    lon, lat = middle_of(segment)
    case = NewCase(code, "市民上报", "测试", "测试地址", lon, lat, "市民", segment.office_id, segment.id)
    return create_case(district.store, case, now=district.now - timedelta(hours=hours_ago))


@pytest.mark.parametrize(
    ("lon", "lat", "expected"),
    [
        (math.nan, 34.70, RejectReason.BAD_COORDINATES),
        (113.60, math.inf, RejectReason.BAD_COORDINATES),
        (116.404, 39.915, RejectReason.OUTSIDE_DISTRICT),  # Beijing
        (200.0, 34.70, RejectReason.OUTSIDE_DISTRICT),
    ],
)
def test_bad_coordinates_are_rejected_with_a_reason(
    district: DemoDistrict, lon: float, lat: float, expected: RejectReason
) -> None:
    result = run(district, IncomingReport("S0502", lon, lat, photos=PHOTO))
    assert reasons(result) == [expected]
    assert not result.accepted
    assert str(result.rejections[0]).startswith(expected.value)


def test_swapped_latitude_and_longitude_are_named_as_such(district: DemoDistrict) -> None:
    lon, lat = middle_of(district.segments[5])
    result = run(district, IncomingReport("S0502", lat, lon, photos=PHOTO))
    assert reasons(result) == [RejectReason.SWAPPED_COORDINATES]
    assert "填反" in str(result.rejections[0])


def test_unknown_category_missing_photo_and_unknown_datum(district: DemoDistrict) -> None:
    lon, lat = middle_of(district.segments[6])
    unknown = run(district, IncomingReport("S9999", lon, lat, photos=PHOTO))
    assert reasons(unknown) == [RejectReason.UNKNOWN_CATEGORY]
    assert "S9999" in str(unknown.rejections[0])
    no_photo = run(district, IncomingReport("S0502", lon, lat))
    assert reasons(no_photo) == [RejectReason.PHOTO_MISSING]
    assert "占道经营" in str(no_photo.rejections[0])
    assert run(district, IncomingReport("S0304", lon, lat)).accepted  # 施工扰民 needs no photo
    both = run(district, IncomingReport("S9999", math.nan, lat))
    assert reasons(both) == [RejectReason.BAD_COORDINATES, RejectReason.UNKNOWN_CATEGORY]
    assert reasons(run(district, IncomingReport("S0502", lon, lat, datum="cgcs", photos=PHOTO))) == [
        RejectReason.UNKNOWN_DATUM
    ]


def test_a_report_on_a_segment_finds_its_segment_office_and_road_chief(district: DemoDistrict) -> None:
    segment = district.segments[10]
    result = run(district, IncomingReport(RARE, *north_of(*middle_of(segment), 3.0), photos=PHOTO))
    assert result.accepted
    assert result.merge_into is None
    assert result.segment is not None
    assert result.segment.segment.id == segment.id
    assert result.office is not None
    assert result.office.id == segment.office_id
    assert result.road_chief is not None
    assert (result.road_chief.role, result.road_chief.segment_id) == (StaffRole.ROAD_CHIEF, segment.id)
    created = create_case(district.store, result.new_case(), now=district.now)
    assert run(district, IncomingReport(RARE, *middle_of(segment), photos=PHOTO)).merge_into == created


def test_gcj02_reports_are_converted_before_locating(district: DemoDistrict) -> None:
    segment = district.segments[12]
    lon, lat = middle_of(segment)
    result = run(district, IncomingReport(RARE, *wgs84_to_gcj02(lon, lat), datum="gcj02", photos=PHOTO))
    assert (result.lon, result.lat) == pytest.approx((lon, lat), abs=1e-7)
    assert result.segment is not None
    assert result.segment.segment.id == segment.id
    unconverted = run(district, IncomingReport(RARE, *wgs84_to_gcj02(lon, lat), photos=PHOTO))
    assert unconverted.segment is None or unconverted.segment.segment.id != segment.id


def test_duplicate_within_50_m_and_24_h_merges_into_the_open_case(district: DemoDistrict) -> None:
    segment = district.segments[20]
    case_id = open_case_at(district, segment, RARE)
    here = middle_of(segment)
    merged = run(district, IncomingReport(RARE, *north_of(*here, 30.0), photos=PHOTO))
    assert merged.merge_into == case_id
    assert merged.duplicates[0].distance_m == pytest.approx(30.0, abs=0.1)
    assert run(district, IncomingReport(RARE, *north_of(*here, 80.0), photos=PHOTO)).merge_into is None
    assert run(district, IncomingReport("B0106", *here, photos=PHOTO)).merge_into is None  # another 小类
    with pytest.raises(ValueError, match="non-duplicate"):
        merged.new_case()


def test_closed_or_old_cases_are_not_duplicates(district: DemoDistrict) -> None:
    closed_at, old_at = district.segments[30], district.segments[40]
    closed = open_case_at(district, closed_at, RARE)
    district.store.execute_raw(f"UPDATE cases SET status = '{CaseStatus.CLOSED.value}' WHERE id = {closed}")
    open_case_at(district, old_at, RARE, hours_ago=25)
    assert run(district, IncomingReport(RARE, *middle_of(closed_at), photos=PHOTO)).merge_into is None
    assert run(district, IncomingReport(RARE, *middle_of(old_at), photos=PHOTO)).merge_into is None


def test_simple_disposal_only_for_trivial_items_fixed_by_staff_on_site(district: DemoDistrict) -> None:
    here = middle_of(district.segments[50])

    def simple(code: str, source: str, fixed: bool) -> bool:
        report = IncomingReport(code, *here, source=source, photos=PHOTO, fixed_on_spot=fixed)
        return run(district, report).simple_disposal

    assert simple("S0201", "督查员", fixed=True)  # 非法小广告
    assert simple("S0102", "督查员", fixed=True)  # 暴露垃圾
    assert not simple("S0201", "督查员", fixed=False)
    assert not simple("S0201", "市民上报", fixed=True)
    assert not simple("S0502", "督查员", fixed=True)  # 占道经营 needs enforcement


def _lonely(district: DemoDistrict) -> tuple[float, float]:
    """A point inside the district with no segment within 150 m."""
    index = district.index
    return next(
        (lon, lat)
        for lon in (113.50 + i * 0.003 for i in range(60))
        for lat in (34.60 + j * 0.003 for j in range(56))
        if index.contains(lon, lat) and index.nearest_segment(lon, lat, 150.0) is None
    )


def test_a_point_off_every_segment_belongs_to_its_office(district: DemoDistrict) -> None:
    index = district.index
    lonely = _lonely(district)
    result = run(district, IncomingReport(RARE, *lonely, photos=PHOTO))
    assert result.accepted
    assert result.segment is None
    assert result.road_chief is None
    assert result.office == index.office_at(*lonely)


def test_a_fresh_report_off_every_segment_is_refused_when_a_segment_is_required(
    district: DemoDistrict,
) -> None:
    rules = replace(DEFAULT_RULES, require_segment=True)  # as intake screens a fresh report
    lonely = _lonely(district)

    def screened(source: str) -> ScreeningResult:
        report = IncomingReport(RARE, *lonely, source=source, photos=PHOTO)
        return screen(
            report, district.index, district.categories, district.open_cases_near, district.now, rules
        )

    assert reasons(screened("市民上报")) == [RejectReason.NO_SEGMENT]
    assert screened(ALERT_SOURCE).accepted  # an alert is raised off segments by its nature
