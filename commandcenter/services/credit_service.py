"""The credit record (失信联合惩戒) for the signed-in principal.

Who may do what: ``view_credit`` reads the list, the violators and their violations (leaders,
supervisors, 执法, the command line; an office user only the violations of their office's cases and
the violators who have one); ``manage_credit`` confirms a violation on a case and files an appeal
(执法 and supervisors); deciding an appeal or taking a listing off by hand also needs ``supervise``,
and nobody decides the appeal against a violation they confirmed. Every change is audited — the step
and, separately, the listing it caused or ended — and so is every export. The thresholds are the
district's settings (``DistrictSettings.credit``), read fresh for each change.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.credit import record
from commandcenter.credit.list_table import HEADERS, list_rows
from commandcenter.credit.record import ListingChange, ViolatorDraft
from commandcenter.district_data.export import write_csv, write_xlsx
from commandcenter.domain.credit import (
    CreditRefused,
    CreditRules,
    ListedViolator,
    Listing,
    Violation,
    Violator,
)
from commandcenter.domain.kinds import CaseStatus
from commandcenter.persistence.credit import reads
from commandcenter.persistence.credit.reads import CaseForCredit, CaseVehicle
from commandcenter.persistence.settings.queries import read_settings
from commandcenter.services.guard import Guarded

EXPORT_FORMATS = ("csv", "xlsx")
NOT_A_BASIS = frozenset({CaseStatus.REJECTED.value, CaseStatus.VOIDED.value})  # never established


@dataclass(frozen=True)
class CaseCredit:
    """A case as the 记录失信 form needs it: what it is and the vehicles it names."""

    case: CaseForCredit
    vehicles: list[CaseVehicle]


class CreditService(Guarded):
    def rules(self) -> CreditRules:
        return read_settings(self.store).settings.credit

    @property
    def may_view(self) -> bool:
        return self.principal.can(Permission.VIEW_CREDIT)

    @property
    def may_manage(self) -> bool:
        return self.principal.can(Permission.MANAGE_CREDIT)

    @property
    def may_decide(self) -> bool:
        return self.may_manage and self.principal.can(Permission.SUPERVISE)

    def _scope(self) -> int | None:
        self._require(Permission.VIEW_CREDIT, "credit")
        return self._office_scope("credit")

    def listed(self) -> list[ListedViolator]:
        """Who is on the list now (an office user: violators of their office's cases)."""
        return reads.listed(self.store, self.clock(), self._scope())

    def violators(self, text: str = "") -> list[Violator]:
        return reads.find_violators(self.store, text, self._scope())

    def violations(self, violator_id: int) -> list[Violation]:
        return reads.violations_for(self.store, violator_id, self._scope())

    def listings(self, violator_id: int) -> list[Listing]:
        """A violator's listings, current and past (refused to an office user who may not see them)."""
        office = self._scope()
        if office is not None and not reads.violations_for(self.store, violator_id, office):
            self._deny(f"credit_violator:{violator_id}", "不能查看该对象", "may not read this violator")
        return [
            listing for listing in reads.listings_for(self.store, violator_id) if isinstance(listing, Listing)
        ]

    def case(self, number: str) -> CaseCredit:
        """The case a violation is to be confirmed on, with the vehicles it names (plate, company)."""
        self._require(Permission.MANAGE_CREDIT, f"case:{number}")
        found = reads.case_for_credit(self.store, number)
        if found is None:
            raise CreditRefused("case_unknown", f"没有案件 {number.strip()} / no case {number.strip()}")
        return CaseCredit(found, reads.case_vehicles(self.store, found.id))

    def confirm(
        self, case_number: str, draft: ViolatorDraft, points: int, note: str = ""
    ) -> record.Confirmed:
        """Confirm a violation of ``draft`` on the case; the listing rule runs in the same transaction."""
        case = self.case(case_number).case
        if case.status in NOT_A_BASIS:
            raise CreditRefused(
                "case_void",
                f"案件 {case.number} 已{case.status}，不能作为失信依据 / case {case.number} is {case.status}",
            )
        done = record.confirm_violation(
            self.store, draft, case, points, note, self.rules(), self.principal.username, self.clock()
        )
        self._record(
            AuditAction.CREDIT_VIOLATION,
            f"credit_violation:{done.violation.id}",
            {
                "case": case.number,
                "violator": done.violator.id,
                "kind": done.violator.kind.value,
                "name": done.violator.name,
                "identifier": done.violator.identifier,  # a person's only masked
                "points": points,
            },
        )
        self._audit_change(done.change, f"violation {done.violation.id} confirmed")
        return done

    def file_appeal(self, violation_id: int, note: str) -> Violation:
        target = f"credit_violation:{violation_id}"
        self._require(Permission.MANAGE_CREDIT, target)
        self._visible(violation_id)
        filed = record.file_appeal(self.store, violation_id, note, self.principal.username, self.clock())
        self._record(AuditAction.CREDIT_APPEAL, target, {"step": "filed", "note": note.strip()})
        return filed

    def decide_appeal(self, violation_id: int, upheld: bool, note: str = "") -> Violation:
        target = f"credit_violation:{violation_id}"
        self._require(Permission.MANAGE_CREDIT, target)
        self._require(Permission.SUPERVISE, target)
        violation = self._visible(violation_id)
        if violation.confirmed_by == self.principal.username:
            self._deny(
                target, "不能决定针对本人确认记录的申诉", "may not decide an appeal on one's own record"
            )
        decided, change = record.decide_appeal(
            self.store, violation_id, upheld, note, self.rules(), self.principal.username, self.clock()
        )
        step = "upheld" if upheld else "rejected"
        self._record(AuditAction.CREDIT_APPEAL, target, {"step": step, "note": note.strip()})
        self._audit_change(change, f"appeal on violation {violation_id} upheld")
        return decided

    def remove_listing(self, violator_id: int, note: str) -> ListingChange:
        target = f"credit_violator:{violator_id}"
        self._require(Permission.MANAGE_CREDIT, target)
        self._require(Permission.SUPERVISE, target)
        change = record.remove_by_hand(self.store, violator_id, note, self.principal.username, self.clock())
        self._audit_change(change, note.strip())
        return change

    def sweep(self) -> record.Swept:
        """Apply expiry now (listings past their term, violations that stopped counting); what it
        changed is audited. Anyone who reads the whole list may run it (the window does on opening,
        ``commandcenter credit sweep`` from a timer); an office user's view is not the whole list."""
        self._require(Permission.VIEW_CREDIT, "credit")
        if self._office_scope("credit") is not None:
            return record.Swept()
        swept = record.sweep(self.store, self.rules(), self.principal.username, self.clock())
        for change in swept.changes:
            self._audit_change(change, "expiry")
        return swept

    def export(self, path: str | Path, fmt: str) -> int:
        """Write the list to ``path`` as CSV (UTF-8 with BOM: Excel on Chinese Windows) or Excel;
        returns how many rows. Audited as an export."""
        if fmt not in EXPORT_FORMATS:
            raise CreditRefused("format", f"未知的导出格式「{fmt}」 / unknown format {fmt!r}: csv | xlsx")
        rows = self.listed()
        writer = write_csv if fmt == "csv" else write_xlsx
        writer(Path(path), HEADERS, list_rows(rows))
        self._record(
            AuditAction.EXPORT, "credit_list", {"format": fmt, "rows": len(rows), "file": Path(path).name}
        )
        return len(rows)

    def _visible(self, violation_id: int) -> Violation:
        found = reads.violation_by_id(self.store, violation_id)
        office = self._scope()
        if found is None or (office is not None and found.office_id != office):
            raise CreditRefused(
                "violation_unknown", f"没有失信记录 {violation_id} / no violation {violation_id}"
            )
        return found

    def _audit_change(self, change: ListingChange, why: str) -> None:
        target = f"credit_violator:{change.violator_id}"
        if change.removed is not None and change.reason is not None:
            self._record(
                AuditAction.CREDIT_LISTING,
                target,
                {"step": "removed", "listing": change.removed.id, "reason": change.reason.value, "why": why},
            )
        if change.listed is not None:
            listed = change.listed
            details = {"step": "listed", "listing": listed.id, "basis": listed.basis.value, **listed.facts}
            self._record(AuditAction.CREDIT_LISTING, target, {**details, "why": why})
