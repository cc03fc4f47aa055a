"""The listing rule at its edges (pure, no database): exactly N violations within the window, the
oldest at the window's first instant and one second past it, a violation that expired the day before,
the points limb, a voided violation, and what ``decide`` does with a current listing."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from commandcenter.credit.identifiers import IdentifierRefused, normalised
from commandcenter.credit.listing_rule import Cause, decide, months_before, threshold_met
from commandcenter.domain.credit import (
    AppealStatus,
    CreditRules,
    CreditThreshold,
    Listing,
    ListingBasis,
    RemovalReason,
    Violation,
    ViolatorKind,
)

Z = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 15, 10, 0, tzinfo=Z)
THREE_IN_TWELVE = CreditThreshold(ViolatorKind.PLATE, count=3, points=0, window_months=12)


def violation(
    number: int, confirmed: datetime, *, points: int = 1, expires: datetime | None = None
) -> Violation:
    return Violation(
        id=number,
        violator_id=1,
        case_id=number,
        case_number=f"T{number}",
        office_id=1,
        category="渣土撒漏",
        points=points,
        confirmed_by="zf1",
        confirmed_at=confirmed,
        expires_at=expires or confirmed + timedelta(days=800),
    )


def test_exactly_n_within_the_window_lists_the_oldest_at_the_window_start_counts() -> None:
    start = datetime(2025, 11, 15, 10, 0, tzinfo=Z)  # exactly twelve months before NOW
    three = [violation(1, start), violation(2, NOW - timedelta(days=30)), violation(3, NOW)]
    met = threshold_met(THREE_IN_TWELVE, three, NOW)
    assert met is not None
    assert (met.basis, met.count) == (ListingBasis.COUNT, 3)
    # one second later the oldest has left the window: two are not three
    assert threshold_met(THREE_IN_TWELVE, three, NOW + timedelta(seconds=1)) is None
    # two within the window are one short
    assert threshold_met(THREE_IN_TWELVE, three[1:], NOW) is None


def test_a_violation_that_expired_the_day_before_does_not_count() -> None:
    expired = violation(1, NOW - timedelta(days=40), expires=NOW - timedelta(days=1))
    others = [violation(2, NOW - timedelta(days=3)), violation(3, NOW)]
    assert threshold_met(THREE_IN_TWELVE, [expired, *others], NOW) is None
    still = dataclasses.replace(expired, expires_at=NOW + timedelta(days=1))
    assert threshold_met(THREE_IN_TWELVE, [still, *others], NOW) is not None
    at_expiry = dataclasses.replace(
        expired, expires_at=NOW
    )  # expires_at is the first moment it no longer counts
    assert threshold_met(THREE_IN_TWELVE, [at_expiry, *others], NOW) is None


def test_points_limb_and_a_voided_violation() -> None:
    points = CreditThreshold(ViolatorKind.COMPANY, count=0, points=12, window_months=6)
    heavy = [violation(1, NOW - timedelta(days=10), points=6), violation(2, NOW, points=6)]
    met = threshold_met(points, heavy, NOW)
    assert met is not None
    assert (met.basis, met.points) == (ListingBasis.POINTS, 12)
    voided = [heavy[0], dataclasses.replace(heavy[1], appeal=AppealStatus.UPHELD)]
    assert threshold_met(points, voided, NOW) is None
    assert threshold_met(points, [*heavy[:1], dataclasses.replace(heavy[1], points=5)], NOW) is None


def test_the_window_reaches_back_on_the_calendar() -> None:
    assert months_before(datetime(2026, 3, 31, 9, tzinfo=Z), 1) == datetime(2026, 2, 28, 9, tzinfo=Z)
    assert months_before(datetime(2026, 1, 15, tzinfo=Z), 12) == datetime(2025, 1, 15, tzinfo=Z)
    assert months_before(datetime(2028, 2, 29, tzinfo=Z), 12) == datetime(2027, 2, 28, tzinfo=Z)


def listing(expires: datetime) -> Listing:
    return Listing(1, 1, ListingBasis.COUNT, NOW - timedelta(days=100), expires)


def test_decide_lists_once_keeps_removes() -> None:
    rules = CreditRules(thresholds=(THREE_IN_TWELVE,))
    three = [violation(n, NOW - timedelta(days=n)) for n in (1, 2, 3)]
    first = decide(ViolatorKind.PLATE, three, None, rules, NOW, Cause.CONFIRMED)
    assert first.list is not None
    assert first.remove is None
    current = listing(NOW + timedelta(days=200))
    assert decide(ViolatorKind.PLATE, [*three, violation(4, NOW)], current, rules, NOW, Cause.CONFIRMED) == (
        type(first)()
    )  # already listed: not twice
    # an upheld appeal leaving two: off the list; an expiry leaving two: the listing keeps its term
    two = three[:2]
    assert decide(ViolatorKind.PLATE, two, current, rules, NOW, Cause.APPEAL_UPHELD).remove is (
        RemovalReason.APPEAL_UPHELD
    )
    assert decide(ViolatorKind.PLATE, two, current, rules, NOW, Cause.EXPIRED).remove is None
    # the term over: removed as expired, and listed afresh when the threshold still holds
    lapsed = listing(NOW)
    again = decide(ViolatorKind.PLATE, three, lapsed, rules, NOW, Cause.EXPIRED)
    assert (again.remove, again.list is not None) == (RemovalReason.EXPIRY, True)
    assert decide(ViolatorKind.PLATE, two, lapsed, rules, NOW, Cause.EXPIRED).list is None
    # a kind without a threshold is never listed
    assert decide(ViolatorKind.SHOP, three, None, rules, NOW, Cause.CONFIRMED).list is None


def test_identifiers_masked_and_checked() -> None:
    assert normalised(ViolatorKind.PERSON, "410102 19900101 123x") == "410102********123X"
    assert normalised(ViolatorKind.PLATE, "豫a 12345") == "豫A12345"
    assert normalised(ViolatorKind.COMPANY, "91410100MA3X4Y5B6A") == "91410100MA3X4Y5B6A"
    with pytest.raises(IdentifierRefused, match=r"身份证号.*ID number: 410102\*+1567") as refused:
        normalised(ViolatorKind.PERSON, "41010219900101567")  # 17 digits
    assert "4101021990" not in str(refused.value)
    with pytest.raises(IdentifierRefused, match="not a plate"):
        normalised(ViolatorKind.PLATE, "12345")
