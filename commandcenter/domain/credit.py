"""The credit record (失信联合惩戒, issue 16) as plain records: violators, their confirmed violations,
and their listings on the joint-punishment list — and the district's thresholds for listing.

A violator is a person, a shop, a transport company or a plate, named and identified as the law
names it (a plate, a 统一社会信用代码, a shop's licence); a person's ID number is never stored whole
(only masked: ``410102********1234``). A violation is confirmed on a case and counts until it expires
or is voided by an upheld appeal. The thresholds live in the district's versioned settings document
(``DistrictSettings.credit``), so a change of policy is audited like every other setting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class CreditRefused(ValueError):
    """A change the credit record refuses, as one bilingual line; ``key`` names the reason for a
    screen or a test (``identifier``, ``duplicate``, ``appeal_state`` …). Nothing was written."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key


class ViolatorKind(StrEnum):
    PERSON = "person"  # 个人 (ID number masked)
    SHOP = "shop"  # 商户 (营业执照号)
    COMPANY = "company"  # 运输企业 (统一社会信用代码)
    PLATE = "plate"  # 车辆 (号牌)


class AppealStatus(StrEnum):
    NONE = "none"
    FILED = "filed"  # waiting for a supervisor's decision; the violation still counts
    UPHELD = "upheld"  # the violation is void: it no longer counts, the listing is re-evaluated
    REJECTED = "rejected"


class ListingBasis(StrEnum):
    """Which threshold put a violator on the list."""

    COUNT = "count"  # N confirmed violations within M months
    POINTS = "points"  # points within M months reached P


class RemovalReason(StrEnum):
    EXPIRY = "expiry"  # the listing's own term ended
    APPEAL_UPHELD = "appeal_upheld"  # a violation was voided and the threshold no longer holds
    MANUAL = "manual"  # a supervisor removed it, with a note


@dataclass(frozen=True)
class CreditThreshold:
    """When a violator of ``kind`` is listed: ``count`` or more violations, or ``points`` or more
    points, confirmed within the last ``window_months`` and still counting. 0 switches a limb off."""

    kind: ViolatorKind
    count: int = 3
    points: int = 12
    window_months: int = 12


DEFAULT_THRESHOLDS: tuple[CreditThreshold, ...] = (
    CreditThreshold(ViolatorKind.PERSON),
    CreditThreshold(ViolatorKind.SHOP),
    CreditThreshold(ViolatorKind.COMPANY, count=5, points=20),
    CreditThreshold(ViolatorKind.PLATE),
)


@dataclass(frozen=True)
class CreditRules:
    """The district's credit policy: thresholds per kind, how long a violation counts and how long a
    listing lasts (months, on the district's calendar)."""

    thresholds: tuple[CreditThreshold, ...] = DEFAULT_THRESHOLDS
    violation_months: int = 12
    listing_months: int = 12

    def threshold_for(self, kind: ViolatorKind) -> CreditThreshold | None:
        return next((t for t in self.thresholds if t.kind is kind), None)


@dataclass(frozen=True)
class Violator:
    id: int
    kind: ViolatorKind
    name: str
    identifier: str  # a plate, a credit code, a licence; a person's ID number masked


@dataclass(frozen=True)
class Violation:
    id: int
    violator_id: int
    case_id: int
    case_number: str
    office_id: int | None  # the case's office when confirmed (what an office user may see)
    category: str
    points: int
    confirmed_by: str
    confirmed_at: datetime
    expires_at: datetime
    note: str = ""
    appeal: AppealStatus = AppealStatus.NONE
    appeal_note: str = ""
    appeal_decided_by: str = ""

    def counts_at(self, moment: datetime) -> bool:
        """Counts toward a threshold at ``moment``: confirmed by then, not expired, not voided."""
        return self.appeal is not AppealStatus.UPHELD and self.confirmed_at <= moment < self.expires_at


@dataclass(frozen=True)
class Listing:
    id: int
    violator_id: int
    basis: ListingBasis
    listed_at: datetime
    expires_at: datetime
    facts: dict[str, int] = field(default_factory=dict, compare=False)  # count, points, window_months
    removed_at: datetime | None = None
    removed_reason: RemovalReason | None = None
    removed_by: str = ""
    removal_note: str = ""

    def active_at(self, moment: datetime) -> bool:
        return self.removed_at is None and self.listed_at <= moment < self.expires_at


@dataclass(frozen=True)
class ListedViolator:
    """A row of the list as it is shown and exported."""

    violator: Violator
    listing: Listing
    violations: int  # how many of the violator's violations count now (in the reader's scope)
