"""What the application records in the audit log, and the one object that records it.

Every login (success, failure, lockout), dispatch, case transition, setting change, plugin change
and export goes through ``AuditTrail.record``; refusals of a permission are recorded too, because
an office user probing other offices' cases is exactly what an auditor wants to see. The rows are
append-only in the database and hash-chained (``persistence/audit_log.py``); ``verify`` walks the
chain and names every break.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from commandcenter.domain.accounts import AuditRecord, ChainReport
from commandcenter.persistence.accounts import audit_log
from commandcenter.persistence.store import Store


class AuditAction(StrEnum):
    LOGIN_OK = "login_ok"
    LOGIN_FAILED = "login_failed"
    LOGIN_LOCKED = "login_locked"
    LOGOUT = "logout"
    SESSION_LOCKED = "session_locked"
    SESSION_UNLOCKED = "session_unlocked"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET = "password_reset"
    DISPATCH = "dispatch"
    TRANSITION = "transition"
    APPROVAL = "approval"
    REQUEST = "request"  # an office's 延期/挂账 request filed or withdrawn (the decision is APPROVAL)
    USER_CHANGE = "user_change"
    SETTING_CHANGE = "setting_change"
    PLUGIN_CHANGE = "plugin_change"
    EXPORT = "export"
    API_KEY_CHANGE = "api_key_change"
    TERMINAL_COMMAND = "terminal_command"  # a desk's command to a vehicle terminal (立即定位, 下发文本 …)
    CATEGORY_CHANGE = "category_change"
    CASE_FILED = "case_filed"  # a case filed by hand (an alert, a phone call)
    PHOTO_ATTACHED = "photo_attached"  # a photo added to a case after intake (target "case:<id>")
    VIDEO_EVIDENCE = "video_evidence"  # a recorded-video clip attached to a case (camera, period, SHA-256)
    ACCESS_DENIED = "access_denied"
    DISTRICT_IMPORT = "district_import"  # base data stored from a delivery of files
    DISTRICT_EDIT = "district_edit"  # one record of base data changed by hand (target "<kind>:<id>")
    POSITIONS_EXPIRED = "positions_expired"  # a day's fixes thinned and dropped (target "positions:<day>")
    DUTY_CHANGE = "duty_change"  # a shift, roster entry or day's exception (target "duty_roster:<id>" …)
    ASSESSMENT_PUBLISHED = "assessment_published"  # a bulletin frozen (target "assessment:<kind>:<period>")
    CONSULTATION_CHANGE = "consultation_change"  # 协商: flagged, withdrawn, met (target "case:<id>")
    INSPECTOR_CHANGE = "inspector_change"  # 督查员 added, deactivated or reactivated ("inspector:<id>")
    INSPECTION_DRAW = "inspection_draw"  # a round of 督查 groups drawn (target "inspection_round:<id>")
    INSPECTION_FINDING = "inspection_finding"  # a group's finding recorded ("inspection_group:<id>")
    CREDIT_VIOLATION = "credit_violation"  # a violation confirmed on a case (target "credit_violation:<id>")
    CREDIT_APPEAL = "credit_appeal"  # an appeal filed, upheld or rejected (target "credit_violation:<id>")
    CREDIT_LISTING = "credit_listing"  # a violator listed or removed (target "credit_violator:<id>")
    PTZ_COMMAND = "ptz_command"  # a platform camera turned, zoomed, sent to a preset ("camera:<code>")
    REVIEW_DECIDED = (
        "review_decided"  # a 待甄别 item accepted (→ its case) or rejected (target "review:<id>")
    )


# Audited changes to what intake and dispatch advice hold in memory (the district, the categories): a
# workstation that sees a newer one of these rebuilds its district index (``DispatchAdvice.refresh``).
BASE_DATA_ACTIONS: frozenset[str] = frozenset(
    {
        AuditAction.DISTRICT_IMPORT,
        AuditAction.DISTRICT_EDIT,
        AuditAction.CATEGORY_CHANGE,
        AuditAction.DUTY_CHANGE,  # the rosters recommendations follow (``duty``)
    }
)


class AuditTrail:
    """Appends to one store's audit log; ``clock`` is injectable so tests control timestamps."""

    def __init__(self, store: Store, clock: Callable[[], datetime] | None = None) -> None:
        self.store = store
        self._clock = clock or (lambda: datetime.now(UTC))

    def record(
        self,
        actor: str,
        action: AuditAction | str,
        target: str = "",
        details: Mapping[str, Any] | None = None,
    ) -> AuditRecord:
        # Column widths: an over-long name (e.g. from an SSO provider) is cut, never a failed write.
        return audit_log.append(
            self.store, actor[:40], str(action)[:32], target[:120], details or {}, self._clock()
        )

    def recent(self, *, action: AuditAction | str | None = None, limit: int = 1000) -> list[AuditRecord]:
        return audit_log.read(self.store, action=None if action is None else str(action), limit=limit)

    def verify(self) -> ChainReport:
        return audit_log.verify_chain(self.store)
