"""综合指标值: one 0–100 figure per office (or segment, department, post), from the rates.

No standard publishes the weights (CJ/T 292 / GB/T 30428.4 leave them to the city), so they are a
dataclass with documented defaults a district may change. The defaults follow a published district
scoring sheet — 按期结案率 × 60 points — and Fuzhou's composite of 结案率, 按期结案率 and 返工率:

    score = 按期结案率 × 60 + 结案率 × 30 + (1 − 返工率) × 10
            − 0.5 per 超期未处置 case − 0 per 返工 case (Jinhua deducts 0.2)

clamped to 0–100. The three weights must add up to 100 (``WeightsError`` otherwise), so a perfect
month scores exactly 100. With nothing due in the period there is nothing to judge: no score (None).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from commandcenter.evaluation.indicators import Indicators


class WeightsError(ValueError):
    """Weights that do not add up to 100, or a negative one; the message is "中文 / English"."""


@dataclass(frozen=True)
class ScoreWeights:
    on_time: float = 60.0  # × 按期结案率
    closure: float = 30.0  # × 结案率
    rework: float = 10.0  # × (1 − 返工率)
    per_overdue_open: float = 0.5  # deducted per 超期未处置 case at the period's end
    per_reworked: float = 0.0  # deducted per case sent back at 核查 (Jinhua: 0.2)

    def __post_init__(self) -> None:
        values = (self.on_time, self.closure, self.rework, self.per_overdue_open, self.per_reworked)
        if any(value < 0 or not math.isfinite(value) for value in values):
            raise WeightsError("权重和扣分不能为负数 / weights and deductions cannot be negative")
        total = self.on_time + self.closure + self.rework
        if not math.isclose(total, 100.0, abs_tol=1e-9):
            raise WeightsError(
                f"三项权重之和应为 100，现为 {total:g} / the three weights must add up to 100, not {total:g}"
            )


def composite_score(indicators: Indicators, weights: ScoreWeights | None = None) -> float | None:
    """The 综合指标值 of ``indicators`` (None when nothing was due)."""
    weights = weights or ScoreWeights()
    on_time, closure = indicators.on_time_rate, indicators.closure_rate
    if on_time is None or closure is None:
        return None
    rework = indicators.rework_rate or 0.0
    score = on_time * weights.on_time + closure * weights.closure + (1.0 - rework) * weights.rework
    score -= indicators.overdue_open * weights.per_overdue_open + indicators.reworked * weights.per_reworked
    return min(100.0, max(0.0, score))


def weights_from_text(text: str) -> ScoreWeights:
    """``on_time=70,closure=20,rework=10,per_overdue_open=1``: the defaults with the named ones
    replaced (how the command line takes them); an unknown name or a bad number is a ``WeightsError``."""
    names = set(ScoreWeights.__dataclass_fields__)
    given: dict[str, float] = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        name, _, value = part.partition("=")
        name = name.strip()
        if name not in names:
            choices = ", ".join(sorted(names))
            raise WeightsError(f"未知的权重「{name}」 / unknown weight {name!r}: {choices}")
        try:
            given[name] = float(value)
        except ValueError:
            raise WeightsError(
                f"权重「{name}」的值无效 / weight {name!r} needs a number, not {value!r}"
            ) from None
    return ScoreWeights(**given)
