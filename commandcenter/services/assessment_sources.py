"""What the assessment takes off beside the indicators, from the other parts of issue 16: the 督查
findings of the period (``evaluation.inspection_results``: 1 point a 明察 finding, 2 a 暗访 one, the
office of the case found). Read from the store directly, not through the guarded inspection service:
a deduction belongs to the office whoever looks at the ranking — an office user, who may not see the
inspections themselves (a 暗访 target stays unknown to the office visited), still sees the points."""

from __future__ import annotations

from commandcenter.evaluation.deductions import ExtraDeduction
from commandcenter.evaluation.inspection_results import inspection_deductions
from commandcenter.evaluation.periods import Period
from commandcenter.persistence.inspections.rounds import finding_facts
from commandcenter.persistence.store import Store


class InspectionFindings:
    """A ``DeductionSource``: each office's 督查 points of the period, with one reason per finding."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def deductions(self, period: Period) -> list[ExtraDeduction]:
        offices = inspection_deductions(finding_facts(self.store, period.start, period.end))
        return [
            ExtraDeduction(office_id, found.points, "；".join(found.reasons), "督查")
            for office_id, found in sorted(offices.items())
            if found.points
        ]
