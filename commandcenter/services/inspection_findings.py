"""What a 督查 group found, entered as a case through the workstation's one intake with the source
``督查`` (screening needs no photo from it: ``cases.screening`` counts the group's finding as its own
evidence) and kept linked to the group (``inspection_findings``): the assessment counts it against
the office the case lands in (``evaluation.inspection_results``).

A finding screening refuses for a reason an operator can fix waits in 待甄别 and stays linked through
its review id; one refused outright is not stored and comes back with the reasons. Each stored finding
is audited twice: the case filed (like every hand-filed case) and the finding on its group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from commandcenter.accounts.errors import InvalidInput
from commandcenter.accounts.permissions import Permission
from commandcenter.accounts.principal import Principal
from commandcenter.accounts.validation import clean_text
from commandcenter.audit.trail import AuditAction, AuditTrail
from commandcenter.cases.current_intake import CurrentIntake
from commandcenter.domain.cases import IncomingReport
from commandcenter.domain.inspections import INSPECTION_SOURCE, FindingReport, InspectionFinding
from commandcenter.persistence.cases.transitions import read_case
from commandcenter.persistence.inspections import rounds as inspection_rounds
from commandcenter.persistence.store import Store
from commandcenter.services.guard import Guarded
from commandcenter.services.intake_service import FiledReport, Filing


@dataclass(frozen=True)
class FiledFinding:
    report: FiledReport  # the case (new or merged), the 待甄别 item, or the rejections
    finding_id: int | None  # None when screening refused the report outright


class InspectionFindingService(Guarded):
    def __init__(
        self,
        store: Store,
        principal: Principal,
        *,
        intake: CurrentIntake,
        audit: AuditTrail | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__(store, principal, audit=audit, clock=clock)
        self._intake = intake

    def record(self, group_id: int, found: FindingReport) -> FiledFinding:
        """File the finding through intake and link it to the group. Raises ``InvalidInput`` (nothing
        stored), ``PermissionDenied`` or ``DatabaseUnavailable``."""
        self._require(Permission.MANAGE_INSPECTIONS, f"inspection_group:{group_id}")
        group = inspection_rounds.group_with_kind(self.store, int(group_id))
        if group is None:
            raise InvalidInput("group", "没有这个督查组", "no such inspection group")
        drawn, kind, period = group
        report = self._incoming(found, f"督查{period}第{drawn.id}组（{kind.value}）")
        intake = self._intake.current()
        if intake is None:
            raise InvalidInput(
                "district", "辖区数据尚未导入，无法立案", "no district loaded: cannot file a case"
            )
        now = self.clock()
        outcome = intake.receive(report, now)
        if outcome.case_id is None and outcome.review_id is None:
            rejected = FiledReport(Filing.REJECTED, rejections=outcome.result.rejections)
            return FiledFinding(rejected, None)
        office = outcome.result.office.id if outcome.result.office is not None else drawn.target_office_id
        finding_id = inspection_rounds.add_finding(
            self.store,
            drawn.id,
            office_id=office,
            case_id=outcome.case_id,
            review_id=outcome.review_id,
            summary=report.description,
            by=self.principal.username,
            at=now,
        )
        details = {
            "finding": finding_id,
            "case": outcome.case_id,
            "review": outcome.review_id,
            "office": office,
        }
        self._record(AuditAction.INSPECTION_FINDING, f"inspection_group:{drawn.id}", details)
        if outcome.case_id is None:
            return FiledFinding(FiledReport(Filing.IN_REVIEW, review_id=outcome.review_id), finding_id)
        filed = {"source": INSPECTION_SOURCE, "category": report.category_code, "merged": outcome.merged}
        self._record(AuditAction.CASE_FILED, f"case:{outcome.case_id}", filed)
        number = read_case(self.store, outcome.case_id).number
        filing = Filing.MERGED if outcome.merged else Filing.NEW
        return FiledFinding(FiledReport(filing, outcome.case_id, number), finding_id)

    def findings(self, group_id: int) -> list[InspectionFinding]:
        self._require(Permission.VIEW_INSPECTIONS, f"inspection_group:{group_id}")
        return inspection_rounds.findings_of_group(self.store, int(group_id))

    @staticmethod
    def _incoming(found: FindingReport, reporter: str) -> IncomingReport:
        if not isinstance(found.lon, int | float) or not isinstance(found.lat, int | float):
            raise InvalidInput("location", "请填写问题位置", "give the finding's location")
        return IncomingReport(
            category_code=clean_text(found.category_code, "category", limit=8, required=True),
            lon=float(found.lon),
            lat=float(found.lat),
            source=INSPECTION_SOURCE,
            reporter=reporter[:40],
            description=clean_text(found.description, "description", required=True),
            address=clean_text(found.address, "address", limit=120),
            datum=clean_text(found.datum, "datum", limit=8, required=True),
        )
