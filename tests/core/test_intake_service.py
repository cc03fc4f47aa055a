"""受理 at the desk through ``services.intake`` on both engines: only operators and supervisors file; a
call becomes a case through the one intake (source 电话, photos stored by hash, the caller's phone with
the reporter and nowhere in the audit log); the duplicate hint names the very case intake then merges
into; a report screening refuses comes back with its reasons and nothing filed."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from commandcenter.accounts.errors import InvalidInput, PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cases.intake import CaseIntake
from commandcenter.cases.screening import RejectReason
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import PhotoStage, UserRole
from commandcenter.domain.photos import PhotoRefused
from commandcenter.domain.reporting import DeskPhoto, DeskReport, DeskSource, mask_phone
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.reports import photos_of, reporters_of
from commandcenter.persistence.store import Store
from commandcenter.services.intake_service import Filing
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district

JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"\x01" * 200
PHONE = "138 1234-5678"


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def _call(**changes: object) -> DeskReport:
    fields: dict[str, object] = {
        "category_code": "S0501",
        "lon": 113.61,
        "lat": 34.71,
        "description": "人行道上摆摊，影响通行",
        "address": "大学路与陇海路交叉口",
        "reporter": "王女士",
        "reporter_phone": PHONE,
        "photos": (DeskPhoto(JPEG, "image/jpeg"),),
    }
    fields.update(changes)
    return DeskReport(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("role", [UserRole.OFFICE, UserRole.LEADER, UserRole.INSPECTOR, UserRole.ADMIN])
def test_only_operators_and_supervisors_file(district: Store, role: UserRole) -> None:
    services = services_for(district, role, office_id=1 if role == UserRole.OFFICE else None, username="who")
    with pytest.raises(PermissionDenied):
        services.intake.file_report(_call())
    with pytest.raises(PermissionDenied):
        services.intake.find_places("大学路")
    assert district.execute_raw("SELECT COUNT(*) FROM cases") == [(0,)]
    assert district.execute_raw("SELECT COUNT(*) FROM stored_photos") == [(0,)]
    denied = AuditTrail(district).recent(action=AuditAction.ACCESS_DENIED)
    assert {entry.actor for entry in denied} == {"who"}


def test_a_call_becomes_a_case_with_the_phone_kept_for_the_callback_only(district: Store) -> None:
    services = services_for(district, UserRole.SUPERVISOR, username="chief1")
    filed = services.intake.file_report(_call())
    assert filed.filing == Filing.NEW
    assert filed.case_id is not None
    assert filed.number is not None
    [case] = board_rows(district, [filed.case_id])
    assert (case.number, case.source, case.office_name) == (filed.number, "电话", "建中街街道")
    [reporter] = reporters_of(district, filed.case_id)
    assert (reporter.reporter, reporter.source, reporter.phone) == ("王女士", "电话", "13812345678")
    assert mask_phone(reporter.phone) == "138****5678"
    [photo] = photos_of(district, filed.case_id)
    assert photo.stage == PhotoStage.REPORTED
    assert photo.uri.startswith("photo:")
    assert services.cases.photo(photo.uri) == ("image/jpeg", JPEG)
    [entry] = AuditTrail(district).recent(action=AuditAction.CASE_FILED)
    assert (entry.actor, entry.target) == ("chief1", f"case:{filed.case_id}")
    assert entry.details == {"source": "电话", "category": "S0501", "merged": False, "photos": 1}
    every_entry = json.dumps([e.details for e in AuditTrail(district).recent()], ensure_ascii=False)
    assert "5678" not in every_entry


def test_the_duplicate_hint_names_the_case_intake_merges_into(district: Store) -> None:
    intake = services_for(district).intake
    assert intake.duplicate_hint("S0501", 113.61, 34.71) == []
    first = intake.file_report(_call())
    hint = intake.duplicate_hint("S0501", 113.6102, 34.7101)
    assert [case.id for case in hint] == [first.case_id]
    assert 0 < hint[0].distance_m < 50
    assert intake.duplicate_hint("S0501", 113.619, 34.719) == []  # farther than the radius
    assert intake.duplicate_hint("X9999", 113.61, 34.71) == []
    walk_in = intake.file_report(_call(lon=113.6102, lat=34.7101, source=DeskSource.WALK_IN, photos=()))
    assert (walk_in.filing, walk_in.case_id, walk_in.number) == (Filing.MERGED, first.case_id, first.number)
    sources = [reporter.source for reporter in reporters_of(district, first.case_id)]
    assert sources == ["电话", "来访"]


def test_a_call_needs_no_photo_where_a_citizens_app_report_does(district: Store) -> None:
    """The caller has no photo to send: the operator's record of the call is the evidence."""
    filed = services_for(district).intake.file_report(_call(photos=()))
    assert filed.filing == Filing.NEW
    app_report = IncomingReport("S0501", 113.615, 34.715, source="市民上报")
    outcome = CaseIntake.from_store(district).receive(app_report, datetime.now(UTC))
    assert [rejection.reason for rejection in outcome.result.rejections] == [RejectReason.PHOTO_MISSING]


def test_a_call_placed_outside_the_district_waits_in_review_with_its_reasons(district: Store) -> None:
    """Outside the district is something an operator can fix: the call is kept in 待甄别 (with the
    caller's phone for the answer), not lost, and the form is told so."""
    filed = services_for(district).intake.file_report(_call(lon=116.4, lat=39.9))
    assert filed.filing == Filing.IN_REVIEW
    assert filed.case_id is None
    assert filed.review_id is not None
    assert [rejection.reason for rejection in filed.rejections] == [RejectReason.OUTSIDE_DISTRICT]
    assert district.execute_raw("SELECT COUNT(*) FROM cases") == [(0,)]
    [item] = services_for(district).review.pending().items
    assert item.id == filed.review_id
    assert item.reporter_phone.replace(" ", "").replace("-", "") == "13812345678"


def test_a_report_with_swapped_coordinates_is_refused_with_its_reasons(district: Store) -> None:
    filed = services_for(district).intake.file_report(_call(lon=34.71, lat=113.61))
    assert filed.filing == Filing.REJECTED
    assert filed.review_id is None
    assert [rejection.reason for rejection in filed.rejections] == [RejectReason.SWAPPED_COORDINATES]
    assert district.execute_raw("SELECT COUNT(*) FROM cases") == [(0,)]


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"reporter_phone": "call me maybe"}, InvalidInput),
        ({"category_code": ""}, InvalidInput),
        ({"description": "x" * 3000}, InvalidInput),
        ({"photos": (DeskPhoto(JPEG, "image/jpeg"), DeskPhoto(b"GIF89a...", "image/gif"))}, PhotoRefused),
    ],
)
def test_bad_input_is_refused_before_anything_is_stored(
    district: Store, changes: dict[str, object], error: type[Exception]
) -> None:
    with pytest.raises(error):
        services_for(district).intake.file_report(_call(**changes))
    assert district.execute_raw("SELECT COUNT(*) FROM cases") == [(0,)]
    assert district.execute_raw("SELECT COUNT(*) FROM stored_photos") == [(0,)]


def test_places_and_categories_for_the_form(district: Store) -> None:
    intake = services_for(district).intake
    assert [place.label for place in intake.find_places("dxl")][:1] == ["大学路"]
    assert [spec.code for spec in intake.categories("zd")] == ["S0501"]
    assert [spec.code for spec in intake.categories("")] == ["S0501"]
