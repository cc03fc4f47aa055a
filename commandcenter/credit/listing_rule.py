"""When a violator is on the joint-punishment list: one deterministic rule, run after every change
that can move the answer — a violation confirmed, a violation expired, an appeal upheld, a listing's
term ended (``evaluate``), and what to do about it (``decide``).

A violation counts at a moment when it was confirmed by then, has not expired (``expires_at`` is
the first moment it no longer counts) and was not voided. The window of ``window_months`` reaches
back on the district's calendar from the moment and includes its first instant: with a 12-month
window, a violation confirmed 2025-11-15 10:00 still counts at 2026-11-15 10:00, and not a second
later. The count limb is met at ``count`` violations, the points limb at ``points`` points (0 switches
a limb off); when both are met the count names the basis. A listing lasts ``listing_months`` and
comes off early only when an upheld appeal leaves the threshold unmet (or by a supervisor's hand).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from commandcenter.district_time import district_clock
from commandcenter.domain.credit import (
    CreditRules,
    CreditThreshold,
    Listing,
    ListingBasis,
    RemovalReason,
    Violation,
    ViolatorKind,
)


@dataclass(frozen=True)
class Met:
    basis: ListingBasis
    count: int
    points: int
    window_months: int

    def facts(self) -> dict[str, int]:
        return {"count": self.count, "points": self.points, "window_months": self.window_months}


class Cause(StrEnum):
    """Why the rule is run now (what a removal is put down to)."""

    CONFIRMED = "confirmed"
    EXPIRED = "expired"
    APPEAL_UPHELD = "appeal_upheld"


@dataclass(frozen=True)
class Decision:
    """``list`` a new listing on ``met``; ``remove`` the current one for ``reason``; or neither."""

    list: Met | None = None
    remove: RemovalReason | None = None


def months_before(moment: datetime, months: int) -> datetime:
    """The same wall-clock time ``months`` earlier on the district's calendar (31 March − 1 month
    is 28/29 February), as an aware time."""
    local = district_clock().local(moment)
    index = local.year * 12 + local.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    day = min(local.day, _days_in(year, month))
    return local.replace(year=year, month=month, day=day)


def months_after(moment: datetime, months: int) -> datetime:
    return months_before(moment, -months)


def _days_in(year: int, month: int) -> int:
    following = datetime(year + month // 12, month % 12 + 1, 1)
    return (following - datetime(year, month, 1)).days


def threshold_met(
    threshold: CreditThreshold | None, violations: Iterable[Violation], now: datetime
) -> Met | None:
    """The limb the counting violations meet at ``now``, or None."""
    if threshold is None:
        return None
    start = months_before(now, threshold.window_months)
    counting = [v for v in violations if v.counts_at(now) and v.confirmed_at >= start]
    count, points = len(counting), sum(v.points for v in counting)
    if threshold.count and count >= threshold.count:
        return Met(ListingBasis.COUNT, count, points, threshold.window_months)
    if threshold.points and points >= threshold.points:
        return Met(ListingBasis.POINTS, count, points, threshold.window_months)
    return None


def decide(
    kind: ViolatorKind,
    violations: Iterable[Violation],
    current: Listing | None,
    rules: CreditRules,
    now: datetime,
    cause: Cause,
) -> Decision:
    """What the list should do for one violator at ``now``. ``current`` is their listing not yet
    removed (possibly past its term: it is then removed as expired and the rule asked afresh)."""
    met = threshold_met(rules.threshold_for(kind), violations, now)
    if current is not None and current.active_at(now):
        if met is None and cause is Cause.APPEAL_UPHELD:
            return Decision(remove=RemovalReason.APPEAL_UPHELD)
        return Decision()
    expired = RemovalReason.EXPIRY if current is not None else None
    return Decision(list=met, remove=expired)


def listing_expiry(listed_at: datetime, rules: CreditRules) -> datetime:
    return months_after(listed_at, rules.listing_months)


def violation_expiry(confirmed_at: datetime, rules: CreditRules) -> datetime:
    return months_after(confirmed_at, rules.violation_months)
