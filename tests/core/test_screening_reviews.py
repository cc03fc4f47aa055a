"""待甄别 on both databases: what screening could not place is kept with its reasons (and only that),
an operator accepts it through intake with a fixed place or category or rejects it with a reason,
two deciding at once cannot both win, office users and leaders may not decide, and each decision is
audited."""

from __future__ import annotations

import math
import threading
from datetime import UTC, datetime

import pytest

from commandcenter.accounts.errors import InvalidInput, PermissionDenied
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cases.intake import CaseIntake, IntakeOutcome
from commandcenter.domain.alerts import ALERT_SOURCE
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.kinds import UserRole
from commandcenter.domain.reviews import ReviewStatus, ReviewStillRejected, ReviewTaken, mask_phone
from commandcenter.domain.screening import RejectReason
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases import reviews
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.store import Store
from commandcenter.testing.accounts import services_for
from commandcenter.testing.minimal_district import minimal_district

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)
ON_SEGMENT = (113.61, 34.71)  # on the minimal district's one (diagonal) segment
OFF_SEGMENTS = (113.618, 34.702)  # inside the office, ~550 m from the segment
OUTSIDE = (113.70, 34.71)
PHOTO = ("a.jpg",)


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def _receive(store: Store, code: str, place: tuple[float, float], **fields: object) -> IntakeOutcome:
    report = IncomingReport(code, *place, reporter="王女士", description="门前堆物", **fields)  # type: ignore[arg-type]
    return CaseIntake.from_store(store).receive(report, NOW)


@pytest.mark.parametrize(
    ("code", "place", "expected"),
    [
        ("S0501", OUTSIDE, [RejectReason.OUTSIDE_DISTRICT]),
        ("X9999", ON_SEGMENT, [RejectReason.UNKNOWN_CATEGORY]),
        ("S0501", OFF_SEGMENTS, [RejectReason.NO_SEGMENT]),
        ("X9999", OUTSIDE, [RejectReason.OUTSIDE_DISTRICT, RejectReason.UNKNOWN_CATEGORY]),
    ],
)
def test_each_reviewable_refusal_lands_in_the_list_with_its_reasons(
    district: Store, code: str, place: tuple[float, float], expected: list[RejectReason]
) -> None:
    outcome = _receive(district, code, place, photos=PHOTO)
    assert outcome.case_id is None
    assert outcome.review_id is not None
    listed = services_for(district).review.pending()
    assert listed.count == 1
    [item] = listed.items
    assert (item.id, item.status, item.category_code) == (outcome.review_id, ReviewStatus.PENDING, code)
    assert [reason.reason for reason in item.reasons] == expected
    assert (item.lon, item.lat, item.reporter, item.photos) == (*place, "王女士", PHOTO)
    assert board_rows(district) == []


@pytest.mark.parametrize(
    ("code", "place", "fields"),
    [
        ("S0501", (math.nan, 34.71), {"photos": PHOTO}),  # bad coordinates
        ("S0501", (34.71, 113.61), {"photos": PHOTO}),  # swapped
        ("S0501", ON_SEGMENT, {}),  # photo missing
        ("S0501", ON_SEGMENT, {"photos": PHOTO, "datum": "XYZ"}),  # unknown datum
        ("X9999", OUTSIDE, {"source": ALERT_SOURCE}),  # an alert: the operator filing it hears why
        ("S0501", OUTSIDE, {}),  # one reason the reporter must fix (the photo): answered to the source
        ("S0501", OFF_SEGMENTS, {"source": ALERT_SOURCE}),  # an alert needs no segment: a case
    ],
)
def test_refusals_the_reporter_must_fix_and_alerts_do_not(
    district: Store, code: str, place: tuple[float, float], fields: dict[str, object]
) -> None:
    outcome = _receive(district, code, place, **fields)
    assert outcome.review_id is None
    assert services_for(district).review.pending().count == 0


def test_pending_is_newest_first_and_the_count_is_cheap(district: Store) -> None:
    first = _receive(district, "X9999", ON_SEGMENT, photos=PHOTO).review_id
    later = CaseIntake.from_store(district).receive(
        IncomingReport("X9998", *ON_SEGMENT, photos=PHOTO), NOW.replace(hour=3)
    )
    operator = services_for(district)
    assert [item.id for item in operator.review.pending().items] == [later.review_id, first]
    assert operator.review.pending_count() == 2


def test_accepting_with_a_fixed_place_files_a_case_through_intake(district: Store) -> None:
    review_id = _receive(district, "S0501", OUTSIDE, photos=PHOTO).review_id
    assert review_id is not None
    operator = services_for(district)
    decided = operator.review.accept(review_id, "S0501", *ON_SEGMENT, note="电话核实在大学路")
    assert decided.status is ReviewStatus.ACCEPTED
    assert decided.case_id is not None
    assert (decided.decided_by, decided.decision_note) == ("operator1", "电话核实在大学路")
    [case] = board_rows(district, [decided.case_id])
    assert (case.segment_id, case.office_id, case.category_code) == (1, 1, "S0501")
    assert operator.review.pending().count == 0
    [entry] = AuditTrail(district).recent(action=AuditAction.REVIEW_DECIDED)
    assert (entry.actor, entry.target) == ("operator1", f"review:{review_id}")
    assert entry.details["decision"] == "已受理"
    assert entry.details["case"] == decided.case_id


def test_a_place_off_every_segment_is_accepted_as_the_office_s_own(district: Store) -> None:
    review_id = _receive(district, "S0501", OFF_SEGMENTS, photos=PHOTO).review_id
    assert review_id is not None
    decided = services_for(district).review.accept(review_id, "S0501")  # the place as reported
    assert decided.case_id is not None
    [case] = board_rows(district, [decided.case_id])
    assert (case.segment_id, case.office_id) == (None, 1)  # 属地管理: no 路长


def test_an_accept_still_not_acceptable_leaves_the_item_pending(district: Store) -> None:
    review_id = _receive(district, "X9999", OUTSIDE, photos=PHOTO).review_id
    assert review_id is not None
    operator = services_for(district)
    with pytest.raises(ReviewStillRejected) as refused:
        operator.review.accept(review_id, "S0501")  # the category fixed, the place still outside
    assert [reason.reason for reason in refused.value.reasons] == [RejectReason.OUTSIDE_DISTRICT]
    item = operator.review.item(review_id)
    assert (item.status, item.decided_by, item.case_id) == (ReviewStatus.PENDING, None, None)
    assert board_rows(district) == []
    assert AuditTrail(district).recent(action=AuditAction.REVIEW_DECIDED) == []
    other = services_for(district, UserRole.SUPERVISOR)  # nobody holds it: another may decide
    assert other.review.accept(review_id, "S0501", *ON_SEGMENT).status is ReviewStatus.ACCEPTED


def test_a_rejection_keeps_the_reason_the_reporter_receives(district: Store) -> None:
    review_id = _receive(district, "S0501", OUTSIDE, photos=PHOTO).review_id
    assert review_id is not None
    operator = services_for(district)
    with pytest.raises(InvalidInput):
        operator.review.reject(review_id, "   ")
    decided = operator.review.reject(review_id, "位于邻区，已转中原区受理")
    assert (decided.status, decided.decision_note) == (ReviewStatus.REJECTED, "位于邻区，已转中原区受理")
    [entry] = AuditTrail(district).recent(action=AuditAction.REVIEW_DECIDED)
    assert entry.details == {"decision": "已驳回", "reason": "位于邻区，已转中原区受理"}


def test_of_two_operators_deciding_at_once_one_wins(district: Store) -> None:
    review_id = _receive(district, "S0501", OUTSIDE, photos=PHOTO).review_id
    assert review_id is not None
    first, second = services_for(district), services_for(district, username="operator2")
    first.review.reject(review_id, "重复上报")
    with pytest.raises(ReviewTaken, match="operator1"):
        second.review.accept(review_id, "S0501", *ON_SEGMENT)
    with pytest.raises(ReviewTaken):
        second.review.reject(review_id, "另一理由")
    assert first.review.item(review_id).decision_note == "重复上报"
    assert board_rows(district) == []


def test_an_accept_under_way_holds_the_item(district: Store) -> None:
    review_id = _receive(district, "S0501", OUTSIDE, photos=PHOTO).review_id
    assert review_id is not None
    reviews.claim(district, review_id, "operator2", datetime.now(UTC))  # operator2's intake is running
    with pytest.raises(ReviewTaken, match="operator2"):
        services_for(district).review.reject(review_id, "不在辖区")
    assert services_for(district).review.item(review_id).status is ReviewStatus.PENDING


def test_racing_threads_decide_once(district: Store) -> None:
    review_id = _receive(district, "S0501", OUTSIDE, photos=PHOTO).review_id
    assert review_id is not None
    start, outcomes = threading.Barrier(2), []

    def decide(name: str) -> None:
        services = services_for(district, username=name)
        start.wait()
        try:
            services.review.accept(review_id, "S0501", *ON_SEGMENT)
            outcomes.append("won")
        except ReviewTaken:
            outcomes.append("refused")

    threads = [threading.Thread(target=decide, args=(name,)) for name in ("operator1", "operator2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "won"]
    assert len(board_rows(district)) == 1


@pytest.mark.parametrize("role", [UserRole.OFFICE, UserRole.LEADER])
def test_office_users_and_leaders_may_not_decide(district: Store, role: UserRole) -> None:
    review_id = _receive(district, "S0501", OUTSIDE, photos=PHOTO).review_id
    assert review_id is not None
    someone = services_for(district, role, office_id=1 if role is UserRole.OFFICE else None)
    with pytest.raises(PermissionDenied):
        someone.review.accept(review_id, "S0501", *ON_SEGMENT)
    with pytest.raises(PermissionDenied):
        someone.review.reject(review_id, "不在辖区")
    assert someone.review.may_decide() is False
    denied = AuditTrail(district).recent(action=AuditAction.ACCESS_DENIED)
    assert [entry.target for entry in denied] == [f"review:{review_id}"] * 2
    assert services_for(district).review.item(review_id).status is ReviewStatus.PENDING


def test_office_users_do_not_see_the_list(district: Store) -> None:
    office = services_for(district, UserRole.OFFICE, office_id=1)
    assert not office.review.offered()
    with pytest.raises(PermissionDenied):
        office.review.pending()
    assert services_for(district, UserRole.LEADER).review.pending().count == 0  # leaders may read


def test_a_phone_is_masked_for_the_list() -> None:
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone(" 0371-6688 ") == "037**6688"
    assert mask_phone("110") == "***"
