"""待甄别 through the services: the center reads the reports screening could not place and decides
each one — accepted with the operator's place and category, or rejected with a reason the reporter
receives. Nothing a citizen sent is dropped without a person having looked at it.

An accept builds the corrected report and sends it through this workstation's intake (the one
``CaseIntake`` path, rebuilt when the district changes), so screening, the duplicate merge and the
office's case rules apply again; still not acceptable, the item stays pending and the operator is
told why. Deciding needs the center's permission (``CENTER_STEPS``); office users do not see the list
(it holds reports no office owns yet), leaders may read it. Each decision is one audit row.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cases.case_rules import CaseRuleSet
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.domain.reviews import PendingReviews, ReviewItem, ReviewStatus, ReviewStillRejected
from commandcenter.domain.settings import SettingsSource
from commandcenter.persistence.cases import reviews
from commandcenter.persistence.store import Store
from commandcenter.services.guard import Guarded


class ReviewService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        rules: CaseRuleSet | None = None,
        settings: SettingsSource | None = None,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
        intake: CurrentIntake | None = None,
    ) -> None:
        """``intake``: the workstation's shared intake (``hub.Services``); else one of its own."""
        super().__init__(store, principal, audit=audit, clock=clock)
        self._intake = intake or CurrentIntake(store, rules=rules, settings=settings)

    def offered(self) -> bool:
        """Whether this principal sees the list at all (no I/O: a window decides whether to place it)."""
        return self.principal.can(Permission.READ_ALL_CASES)

    def may_decide(self) -> bool:
        return self.principal.can(Permission.CENTER_STEPS)

    def pending(self) -> PendingReviews:
        """The pending items, newest first, with their count (raises ``PermissionDenied``)."""
        self._require(Permission.READ_ALL_CASES, "reviews")
        return reviews.pending(self.store)

    def pending_count(self) -> int:
        """The badge's number: one cheap count, polled every few seconds."""
        self._require(Permission.READ_ALL_CASES, "reviews")
        return reviews.pending_count(self.store)

    def item(self, review_id: int) -> ReviewItem:
        self._require(Permission.READ_ALL_CASES, f"review:{review_id}")
        return reviews.review(self.store, review_id)

    def accept(
        self,
        review_id: int,
        category_code: object,
        lon: float | None = None,
        lat: float | None = None,
        note: object = "",
    ) -> ReviewItem:
        """Accept with the operator's category and place (WGS-84; None keeps the reported place).
        Raises ``InvalidInput``, ``ReviewTaken`` (decided or being accepted by another),
        ``ReviewStillRejected`` (the item stays pending), ``ReviewNotFound``, ``PermissionDenied``."""
        target = f"review:{review_id}"
        self._require(Permission.CENTER_STEPS, target)
        code = clean_text(category_code, "category", limit=8, required=True)
        remark = clean_text(note, "note")
        _check_place(lon, lat)
        me, now = self.principal.username, self.clock()
        item = reviews.review(self.store, review_id)
        reviews.claim(self.store, review_id, me, now)  # from here no other operator decides it
        try:
            intake = self._intake.current()
            assert intake is not None  # only advice waits for a district
            outcome = intake.receive(item.corrected(code, lon, lat), now, confirmed=True)
        except BaseException:
            reviews.release(self.store, review_id, me)
            raise
        if outcome.case_id is None:
            reviews.release(self.store, review_id, me)
            raise ReviewStillRejected(outcome.result.rejections)
        reviews.finish_accept(self.store, review_id, me, now, outcome.case_id, remark)
        details = {"decision": ReviewStatus.ACCEPTED.value, "case": outcome.case_id, "merged": outcome.merged}
        self._record(AuditAction.REVIEW_DECIDED, target, {**details, "category": code, "note": remark})
        return reviews.review(self.store, review_id)

    def reject(self, review_id: int, reason: object) -> ReviewItem:
        """Reject with the reason the reporter receives (required). Raises ``InvalidInput``,
        ``ReviewTaken``, ``ReviewNotFound``, ``PermissionDenied``."""
        target = f"review:{review_id}"
        self._require(Permission.CENTER_STEPS, target)
        text = clean_text(reason, "reason", required=True)
        reviews.reject(self.store, review_id, self.principal.username, self.clock(), text)
        self._record(
            AuditAction.REVIEW_DECIDED, target, {"decision": ReviewStatus.REJECTED.value, "reason": text}
        )
        return reviews.review(self.store, review_id)


def _check_place(lon: float | None, lat: float | None) -> None:
    if (lon is None) != (lat is None):
        raise InvalidInput("lon/lat", "经度和纬度须同时填写", "give both longitude and latitude")
    if lon is not None and lat is not None and not (math.isfinite(lon) and math.isfinite(lat)):
        raise InvalidInput("lon/lat", "经纬度不是有效数值", "longitude/latitude are not numbers")
