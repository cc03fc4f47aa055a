"""The assessment's 督查 deductions: points per finding by the round's kind, voided and unfiled cases
not counted, the cap, and the reasons per finding — a plain mapping office id → (points, reasons)."""

from __future__ import annotations

from datetime import UTC, datetime

from commandcenter.domain.inspections import FindingFact, InspectionKind
from commandcenter.evaluation.inspection_results import InspectionDeductionRules, inspection_deductions

AT = datetime(2026, 12, 2, tzinfo=UTC)
OPEN, COVERT = InspectionKind.OPEN, InspectionKind.COVERT


def fact(office: int, kind: InspectionKind, number: str, status: str = "派遣") -> FindingFact:
    return FindingFact(office, kind, number, status, AT)


FACTS = [
    fact(1, OPEN, "20261202-00001"),
    fact(1, COVERT, "20261202-00002", "结案"),
    fact(2, OPEN, "20261202-00003", "作废"),
    fact(2, COVERT, "20261202-00004", "不予立案"),
    fact(3, COVERT, "20261202-00005"),
]


def test_default_points_are_one_per_announced_and_two_per_unannounced_finding() -> None:
    deductions = inspection_deductions(FACTS)
    assert sorted(deductions) == [1, 3]  # office 2's findings were voided or not filed
    assert deductions[1].points == 3.0
    assert deductions[1].reasons == ("明察 发现 案件 20261202-00001 −1", "暗访 发现 案件 20261202-00002 −2")
    assert deductions[3].points == 2.0


def test_configured_points_and_cap() -> None:
    rules = InspectionDeductionRules(points={OPEN: 0.5, COVERT: 5.0}, cap=4.0)
    deductions = inspection_deductions(FACTS, rules)
    assert deductions[1].points == 4.0  # 5.5, capped
    assert len(deductions[1].reasons) == 2
    assert deductions[3].points == 4.0
    free = InspectionDeductionRules(points={OPEN: 0.0, COVERT: 1.0})
    assert sorted(inspection_deductions(FACTS, free)) == [1, 3]
    assert inspection_deductions(FACTS, free)[1].points == 1.0
