"""督查 results in the assessment: the points each office loses for what inspection groups found.

Input: the period's findings that became cases (``domain.inspections.FindingFact``, read by
``persistence.inspections.rounds.finding_facts``). Output: a plain mapping office id →
``OfficeDeduction`` (points to subtract, and one reason per finding), which the assessment takes as
its "extra deductions per office" input. Offices without a counted finding are absent.

The rules (``InspectionDeductionRules``, documented defaults):
- a finding of a 明察 round costs 1 point, of a 暗访 round 2 (a problem found unannounced shows the
  office's everyday state);
- a finding whose case was voided (作废) or not filed (不予立案) costs nothing — it was not a problem;
- ``cap``: the most one office can lose in a period (None: no cap).
A finding counts against the office its case belongs to (where the problem lies), in the period
it was recorded in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from commandcenter.domain.inspections import FindingFact, InspectionKind
from commandcenter.domain.kinds import CaseStatus


def _default_points() -> Mapping[InspectionKind, float]:
    return {InspectionKind.OPEN: 1.0, InspectionKind.COVERT: 2.0}


@dataclass(frozen=True)
class InspectionDeductionRules:
    points: Mapping[InspectionKind, float] = field(default_factory=_default_points)
    not_counted: frozenset[str] = frozenset({CaseStatus.VOIDED.value, CaseStatus.REJECTED.value})
    cap: float | None = None


@dataclass(frozen=True)
class OfficeDeduction:
    points: float  # to subtract from the office's score (positive)
    reasons: tuple[str, ...]  # "暗访 发现 案件 20261201-00012 −2" per counted finding


def inspection_deductions(
    facts: Iterable[FindingFact], rules: InspectionDeductionRules | None = None
) -> dict[int, OfficeDeduction]:
    """office id → its deduction for the findings in ``facts`` under ``rules`` (the defaults if None)."""
    rules = rules or InspectionDeductionRules()
    points: dict[int, float] = {}
    reasons: dict[int, list[str]] = {}
    for fact in facts:
        if fact.case_status in rules.not_counted:
            continue
        cost = rules.points.get(fact.kind, 0.0)
        if cost <= 0:
            continue
        points[fact.office_id] = points.get(fact.office_id, 0.0) + cost
        reasons.setdefault(fact.office_id, []).append(
            f"{fact.kind.value} 发现 案件 {fact.case_number} −{cost:g}"
        )
    return {
        office: OfficeDeduction(total if rules.cap is None else min(total, rules.cap), tuple(reasons[office]))
        for office, total in points.items()
    }
