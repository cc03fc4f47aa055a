"""A published assessment as JSON: the figures frozen when it was published (``published_assessments``).

Whatever changes afterwards — a case reopened, a setting changed, a district reload — a published
bulletin reads back exactly as it was published: the rows are stored whole (every figure, the
deductions with their reasons) and read back without recomputing anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from commandcenter.evaluation.assessment import Assessment, OfficeAssessment
from commandcenter.evaluation.deductions import ExtraDeduction
from commandcenter.evaluation.periods import PeriodKind


def to_figures(assessment: Assessment) -> dict[str, Any]:
    return {
        "kind": assessment.kind.value,
        "period": assessment.period,
        "monthly_base_cny": assessment.monthly_base_cny,
        "rows": [asdict(row) for row in assessment.rows],
        "supervision": {name: dict(counts) for name, counts in assessment.supervision.items()},
    }


def from_figures(figures: Mapping[str, Any], published_by: str, published_at: str) -> Assessment:
    rows = [
        OfficeAssessment(
            **{
                **row,
                "counts": dict(row["counts"]) if row.get("counts") is not None else None,
                "extra": tuple(ExtraDeduction(**item) for item in row.get("extra", ())),
            }
        )
        for row in figures["rows"]
    ]
    return Assessment(
        PeriodKind(figures["kind"]),
        figures["period"],
        rows,
        int(figures.get("monthly_base_cny", 0)),
        published_by,
        published_at,
        figures.get("supervision", {}),
    )
