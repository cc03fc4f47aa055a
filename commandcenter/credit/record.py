"""Changing the credit record: each change of a violator and the listing rule's answer to it in one
transaction, with the violator's row locked first (``persistence.credit.writes.lock_violator``).

The service (``services.credit_service``) checks who may do it and audits what it returns: every
function here reports the listing it added or removed (``ListingChange``) so the audit names both the
step and its consequence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy import Connection

from commandcenter.credit.identifiers import normalised
from commandcenter.credit.listing_rule import Cause, decide, listing_expiry, violation_expiry
from commandcenter.domain.credit import (
    AppealStatus,
    CreditRefused,
    CreditRules,
    Listing,
    RemovalReason,
    Violation,
    Violator,
    ViolatorKind,
)
from commandcenter.persistence.access import writing
from commandcenter.persistence.credit import writes
from commandcenter.persistence.credit.reads import CaseForCredit
from commandcenter.persistence.store import Store


@dataclass(frozen=True)
class ViolatorDraft:
    """Who, as typed at the desk (the identifier is normalised and, for a person, masked here)."""

    kind: ViolatorKind
    name: str
    identifier: str


@dataclass(frozen=True)
class ListingChange:
    violator_id: int
    listed: Listing | None = None
    removed: Listing | None = None
    reason: RemovalReason | None = None


@dataclass(frozen=True)
class Confirmed:
    violator: Violator
    violation: Violation
    change: ListingChange


@dataclass(frozen=True)
class Swept:
    expired_violators: list[int] = field(default_factory=list)
    changes: list[ListingChange] = field(default_factory=list)


def match_key(kind: ViolatorKind, name: str, identifier: str) -> str:
    """What tells violators of one kind apart: the identifier; for a person the mask and the name."""
    return f"{identifier}|{name}" if kind is ViolatorKind.PERSON else identifier


def confirm_violation(
    store: Store,
    draft: ViolatorDraft,
    case: CaseForCredit,
    points: int,
    note: str,
    rules: CreditRules,
    who: str,
    now: datetime,
) -> Confirmed:
    """Record a violation of ``draft`` on ``case`` (the violator is found or added) and run the rule."""
    name = draft.name.strip()
    if not name:
        raise CreditRefused("name_missing", "缺少名称 / the violator's name is missing")
    if not 1 <= points <= 100:
        raise CreditRefused("points", "分值应在1至100之间 / points must be 1 to 100")
    identifier = normalised(draft.kind, draft.identifier)
    key = match_key(draft.kind, name, identifier)
    with writing(store) as connection:
        violator = writes.violator_for(connection, draft.kind, name[:80], identifier, key, who, now)
        writes.lock_violator(connection, violator.id)
        values = {
            "violator_id": violator.id,
            "case_id": case.id,
            "case_number": case.number,
            "office_id": case.office_id,
            "category": case.category[:30],
            "points": points,
            "note": note.strip(),
            "confirmed_by": who,
            "confirmed_at": now.astimezone(UTC),
            "expires_at": violation_expiry(now, rules).astimezone(UTC),
            "appeal_status": AppealStatus.NONE.value,
            "appeal_note": "",
            "appeal_filed_by": "",
            "appeal_decided_by": "",
            "counted": True,
        }
        try:
            violation = writes.add_violation(connection, values)
        except writes.DuplicateViolation:
            raise CreditRefused(
                "duplicate", f"该对象已就案件 {case.number} 记录失信 / already recorded on case {case.number}"
            ) from None
        change = _apply_rule(connection, violator, rules, now, Cause.CONFIRMED, who)
    return Confirmed(violator, violation, change)


def file_appeal(store: Store, violation_id: int, note: str, who: str, now: datetime) -> Violation:
    if not note.strip():
        raise CreditRefused("note_missing", "请填写申诉理由 / the appeal needs its grounds")
    with writing(store) as connection:
        if not writes.set_appeal(
            connection, violation_id, AppealStatus.NONE, AppealStatus.FILED, note.strip(), who, now
        ):
            raise CreditRefused(
                "appeal_state", "该记录不能申诉（已申诉或已处理） / an appeal was already filed"
            )
        return writes.violation_by_id(connection, violation_id)


def decide_appeal(
    store: Store, violation_id: int, upheld: bool, note: str, rules: CreditRules, who: str, now: datetime
) -> tuple[Violation, ListingChange]:
    """Uphold (the violation is void, the rule re-run) or reject a filed appeal."""
    status = AppealStatus.UPHELD if upheld else AppealStatus.REJECTED
    with writing(store) as connection:
        before = writes.violation_by_id(connection, violation_id)
        violator = writes.lock_violator(connection, before.violator_id)
        text = f"{before.appeal_note}\n{note.strip()}".strip() if note.strip() else before.appeal_note
        if violator is None or not writes.set_appeal(
            connection, violation_id, AppealStatus.FILED, status, text, who, now
        ):
            raise CreditRefused("appeal_state", "没有待决定的申诉 / no appeal waits for a decision")
        change = ListingChange(violator.id)
        if upheld:
            change = _apply_rule(connection, violator, rules, now, Cause.APPEAL_UPHELD, who)
        return writes.violation_by_id(connection, violation_id), change


def remove_by_hand(store: Store, violator_id: int, note: str, who: str, now: datetime) -> ListingChange:
    if not note.strip():
        raise CreditRefused("note_missing", "请填写移出理由 / say why the listing is removed")
    with writing(store) as connection:
        writes.lock_violator(connection, violator_id)
        current = writes.current_listing(connection, violator_id)
        if current is None or not writes.remove_listing(
            connection, current.id, RemovalReason.MANUAL, who, note.strip(), now
        ):
            raise CreditRefused("not_listed", "该对象不在名单上 / not on the list")
        return ListingChange(violator_id, removed=current, reason=RemovalReason.MANUAL)


def sweep(store: Store, rules: CreditRules, who: str, now: datetime) -> Swept:
    """Expiry: listings whose term ended come off (and the rule asks afresh), violations that
    expired are re-counted once. Idempotent: a second sweep at the same moment changes nothing."""
    with writing(store) as connection:
        expired = writes.newly_expired(connection, now)
        due = sorted(set(expired) | set(writes.lapsed_listings(connection, now)))
        changes = []
        for violator_id in due:
            violator = writes.lock_violator(connection, violator_id)
            if violator is not None:
                change = _apply_rule(connection, violator, rules, now, Cause.EXPIRED, who)
                if change.listed or change.removed:
                    changes.append(change)
    return Swept(expired, changes)


def _apply_rule(
    connection: Connection, violator: Violator, rules: CreditRules, now: datetime, cause: Cause, who: str
) -> ListingChange:
    current = writes.current_listing(connection, violator.id)
    decision = decide(
        violator.kind, writes.violations_of(connection, violator.id), current, rules, now, cause
    )
    removed: Listing | None = None
    if decision.remove is not None and current is not None:
        ended = min(now, current.expires_at) if decision.remove is RemovalReason.EXPIRY else now
        writes.remove_listing(connection, current.id, decision.remove, who, "", ended)
        removed = current
    listed: Listing | None = None
    if decision.list is not None:
        listed = writes.add_listing(
            connection,
            {
                "violator_id": violator.id,
                "basis": decision.list.basis.value,
                "facts": decision.list.facts(),
                "listed_at": now.astimezone(UTC),
                "expires_at": listing_expiry(now, rules).astimezone(UTC),
                "removed_by": "",
                "removal_note": "",
            },
        )
    return ListingChange(violator.id, listed=listed, removed=removed, reason=decision.remove)
