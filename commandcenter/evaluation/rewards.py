"""月奖惩: each office's reward (+) or penalty (−) on its monthly base, in whole yuan.

Linear around the offices' mean final score, capped, summing to the pool exactly:

    share  = pool_cny / n            (0 for a zero-sum pool: penalties pay the rewards)
    d_o    = final_o − mean(final)   (an office without a score: 0)
    k      = min(cny_per_point, the largest k keeping every |share + k·d_o| ≤ cap)
    amount = share + k · d_o,        cap = monthly_base_cny × cap_percent / 100

Σ d_o = 0, so Σ amount = pool_cny; the amounts are then rounded to the yuan by the largest
remainder (floor each, give the missing yuan to the largest fractions), so the sum stays exact. When
the spread is wide the slope shrinks rather than cutting the extremes, which would break the sum.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from commandcenter.domain.assessment_settings import AssessmentSettings, RewardPool


def monthly_rewards(finals: Mapping[int, float | None], settings: AssessmentSettings) -> dict[int, int]:
    """``{office id: CNY}`` for the offices of ``finals`` (their final scores)."""
    if not finals:
        return {}
    pool = settings.pool_cny if settings.pool is RewardPool.FIXED else 0
    share = pool / len(finals)
    scored = [score for score in finals.values() if score is not None]
    mean = sum(scored) / len(scored) if scored else 0.0
    spread = {office: (score - mean if score is not None else 0.0) for office, score in finals.items()}
    cap = settings.monthly_base_cny * settings.cap_percent / 100
    slope = settings.cny_per_point
    for deviation in spread.values():
        if deviation > 0:
            slope = min(slope, (cap - share) / deviation)
        elif deviation < 0:
            slope = min(slope, (cap + share) / -deviation)
    slope = max(0.0, slope)
    exact = {office: share + slope * deviation for office, deviation in spread.items()}
    return _round_to_sum(exact, pool)


def _round_to_sum(exact: Mapping[int, float], total: int) -> dict[int, int]:
    rounded = {office: math.floor(value) for office, value in exact.items()}
    missing = total - sum(rounded.values())
    by_fraction = sorted(exact, key=lambda office: (-(exact[office] - rounded[office]), office))
    for office in by_fraction[: max(0, missing)]:
        rounded[office] += 1
    return rounded
