"""Points deducted from an office's assessment beyond its indicators — the interface other parts feed.

An ``ExtraDeduction`` is one finding against one office in one period, with its reason (shown in the
bulletin and frozen with it). Anything that finds them implements ``DeductionSource``: the 协商 督办
part does (``evaluation.supervision`` over ``persistence.evaluation.consultations``), and the
inspection results (督查, built beside this) plug in the same way at merge — ``AssessmentService``
takes a sequence of sources and adds every one's deductions to the office they name. Points are
positive numbers taken off the score (before the segment normalisation: ``assessment``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from commandcenter.evaluation.periods import Period


@dataclass(frozen=True)
class ExtraDeduction:
    office_id: int
    points: float  # > 0: taken off
    reason: str  # Chinese, as the bulletin prints it: "协商议题未办结：案件 #12（责任单位 城管执法）"
    source: str = "督查"  # 督查 / 督办 / …: the part of the assessment it belongs to


class DeductionSource(Protocol):
    """Whatever finds deductions for a period (督查 results, 协商 督办 …)."""

    def deductions(self, period: Period) -> Iterable[ExtraDeduction]: ...


def by_office(deductions: Iterable[ExtraDeduction]) -> Mapping[int, list[ExtraDeduction]]:
    grouped: dict[int, list[ExtraDeduction]] = {}
    for deduction in deductions:
        grouped.setdefault(deduction.office_id, []).append(deduction)
    return grouped


@dataclass(frozen=True)
class GivenDeductions:
    """A ``DeductionSource`` of deductions known for one period (by its label): 督查 results handed
    over as a list, a test's findings."""

    period: str  # 2026-11, 2026-W47, 2026
    items: tuple[ExtraDeduction, ...]

    def deductions(self, period: Period) -> Iterable[ExtraDeduction]:
        return self.items if period.label == self.period else ()
