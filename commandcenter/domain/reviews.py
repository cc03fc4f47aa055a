"""待甄别: reports screening could not place, kept until an operator decides (issue 15).

A report refused only for reasons an operator can fix — outside the district, a category the table
does not know, no segment within reach — is not answered "refused" and forgotten: it is kept as a
``ReviewItem`` with its reasons. The operator fixes the place or the category and accepts it (it
then enters through intake like any report), or rejects it with a reason the reporter receives.
Every other refusal (bad or swapped coordinates, an unknown datum, a missing photo) is the reporter's
to correct and is answered to the source at once. Map-rule alerts are filed by an operator who hears
a refusal on the spot, so they never wait here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from commandcenter.domain.alerts import ALERT_SOURCE
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.screening import Rejection, RejectReason
from commandcenter.geo.datum import Datum


class ReviewStatus(StrEnum):
    PENDING = "待甄别"
    ACCEPTED = "已受理"
    REJECTED = "已驳回"


REVIEWABLE_REASONS: frozenset[RejectReason] = frozenset(
    {RejectReason.OUTSIDE_DISTRICT, RejectReason.UNKNOWN_CATEGORY, RejectReason.NO_SEGMENT}
)
UNREVIEWED_SOURCES: frozenset[str] = frozenset({ALERT_SOURCE})
# An accept holds the item while intake runs; a workstation that died meanwhile frees it after this.
CLAIM_TIMEOUT = timedelta(minutes=2)


def reviewable(rejections: Iterable[Rejection], source: str) -> bool:
    """True when an operator can settle every reason (one the reporter must fix, such as a missing
    photo, makes the whole report the reporter's to send again)."""
    reasons = {rejection.reason for rejection in rejections}
    return bool(reasons) and reasons <= REVIEWABLE_REASONS and source not in UNREVIEWED_SOURCES


@dataclass(frozen=True)
class NewReview:
    """What intake keeps of a report it could not place: the report as sent, and why."""

    received_at: datetime
    report: IncomingReport
    reasons: tuple[Rejection, ...]
    reporter_phone: str = ""
    external_ref: str | None = None


@dataclass(frozen=True)
class ReviewItem:
    id: int
    received_at: datetime
    source: str
    reporter: str
    reporter_phone: str
    external_ref: str | None
    category_code: str  # as reported (maybe unknown)
    description: str
    lon: float | None  # as reported, in ``datum``
    lat: float | None
    datum: str
    photos: tuple[str, ...]
    reasons: tuple[Rejection, ...]
    status: ReviewStatus
    decided_by: str | None  # while pending: the operator whose accept is running (a claim)
    decided_at: datetime | None
    decision_note: str  # a rejection's reason, as the reporter receives it
    case_id: int | None

    def corrected(self, category_code: str, lon: float | None, lat: float | None) -> IncomingReport:
        """The report as the operator fixed it: their category, and their place (WGS-84) if given,
        else the place as reported in its datum."""
        if lon is None or lat is None:
            lon, lat, datum = self.lon, self.lat, self.datum
        else:
            datum = Datum.WGS84.value
        return IncomingReport(
            category_code,
            float("nan") if lon is None else lon,
            float("nan") if lat is None else lat,
            source=self.source,
            reporter=self.reporter,
            description=self.description,
            datum=datum,
            photos=self.photos,
        )


@dataclass(frozen=True)
class PendingReviews:
    """The 待甄别 list: newest first, and how many are pending in all (the list may be cut)."""

    items: tuple[ReviewItem, ...]
    count: int


class ReviewNotFound(LookupError):
    def __init__(self, review_id: int) -> None:
        super().__init__(f"待甄别记录 {review_id} 不存在 / review item {review_id} not found")
        self.review_id = review_id


class ReviewTaken(RuntimeError):
    """Another operator decided the item (or is accepting it right now): this decision did not happen."""

    def __init__(self, review_id: int, status: ReviewStatus, by: str | None) -> None:
        who = by or "?"
        if status is ReviewStatus.PENDING:
            chinese, english = f"{who} 正在受理该条", f"{who} is accepting this item"
        else:
            done = "accepted" if status is ReviewStatus.ACCEPTED else "rejected"
            chinese, english = f"该条已由 {who} {status.value}", f"already {done} by {who}"
        super().__init__(f"{chinese} / {english}")
        self.review_id, self.status, self.by = review_id, status, by


class ReviewStillRejected(ValueError):
    """The corrected report is still not acceptable: the item stays pending; ``reasons`` say why."""

    def __init__(self, reasons: tuple[Rejection, ...]) -> None:
        text = "；".join(str(reason) for reason in reasons)
        super().__init__(f"更正后仍不能受理：{text} / still not acceptable after the correction")
        self.reasons = reasons


def mask_phone(phone: str) -> str:
    """138****5678: enough for an operator to match a call-back, not enough to copy the number."""
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"
