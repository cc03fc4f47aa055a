"""The district's 差异化考核 policy (issue 16): a section ``assessment`` of the settings document.

Everything an assessment weighs is the district's to set, not the build's: the 综合指标值's weights
and deductions, how an office's deductions are normalised by its number of segments, a difficulty
factor per office (by name: ids change when the district is reloaded), how much case volume counts,
the grade bands, the monthly base (200,000 CNY per office) and the reward/penalty rule with its pool.
The formulas are in ``commandcenter.evaluation.assessment`` (scores) and ``evaluation.rewards``
(money); the checks in ``assessment_problems``. The defaults are the documented ones there.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from commandcenter.domain.settings_problems import Fault, SettingsProblem


class RewardPool(StrEnum):
    """What the month's rewards and penalties of all offices add up to."""

    ZERO_SUM = "zero_sum"  # penalties pay the rewards: the offices' amounts sum to 0 CNY
    FIXED = "fixed"  # they sum to ``pool_cny`` exactly (a budget: > 0 net reward, < 0 net deduction)


@dataclass(frozen=True)
class GradeBand:
    """A colour grade: a final score of at least ``min_score`` (the best band that fits wins)."""

    name: str  # 优 / 良 / 中 / 差 — domain words, Chinese in every language
    min_score: float


DEFAULT_GRADES: tuple[GradeBand, ...] = (
    GradeBand("优", 90.0),
    GradeBand("良", 80.0),
    GradeBand("中", 60.0),
    GradeBand("差", 0.0),
)


@dataclass(frozen=True)
class AssessmentSettings:
    on_time_weight: float = 60.0  # × 按期结案率 (the three weights add up to 100)
    closure_weight: float = 30.0  # × 结案率
    rework_weight: float = 10.0  # × (1 − 返工率)
    per_overdue_open: float = 0.5  # points deducted per 超期未处置 case at the period's end
    per_reworked: float = 0.0  # per case sent back at 核查
    per_unresolved_consultation: float = 1.0  # 督办: per 协商 case not closed by the period's end
    normalise_by_segments: bool = True  # deductions × (mean segments per office / the office's)
    volume_weight: float = 0.1  # ±10 % at most for cases per segment above/below the mean
    difficulty: Mapping[str, float] = field(default_factory=dict, hash=False)  # office name → factor
    grades: tuple[GradeBand, ...] = DEFAULT_GRADES
    monthly_base_cny: int = 200_000  # per office per month
    cny_per_point: float = 2_000.0  # linear: CNY per point above/below the offices' mean
    cap_percent: float = 10.0  # no office's amount exceeds ±cap % of its base
    pool: RewardPool = RewardPool.ZERO_SUM
    pool_cny: int = 0  # the sum of the amounts when ``pool`` is FIXED

    def difficulty_of(self, office: str) -> float:
        return self.difficulty.get(office, 1.0)

    def grade_of(self, score: float | None) -> str:
        """The best band whose threshold ``score`` reaches ("" without a score)."""
        if score is None:
            return ""
        for band in sorted(self.grades, key=lambda b: -b.min_score):
            if score >= band.min_score:
                return band.name
        return ""


DEFAULT_ASSESSMENT = AssessmentSettings()
RANGES: dict[str, tuple[float, float]] = {
    "weight": (0, 100),
    "deduction": (0, 50),
    "volume_weight": (0, 0.5),
    "difficulty": (0.5, 1.5),
    "grade": (0, 100),
    "monthly_base_cny": (0, 10_000_000),
    "cny_per_point": (0, 1_000_000),
    "cap_percent": (0, 100),
}
_NUMBERS = (
    ("on_time_weight", "weight"),
    ("closure_weight", "weight"),
    ("rework_weight", "weight"),
    ("per_overdue_open", "deduction"),
    ("per_reworked", "deduction"),
    ("per_unresolved_consultation", "deduction"),
    ("volume_weight", "volume_weight"),
    ("monthly_base_cny", "monthly_base_cny"),
    ("cny_per_point", "cny_per_point"),
    ("cap_percent", "cap_percent"),
)


def assessment_problems(settings: AssessmentSettings) -> list[SettingsProblem]:
    """Every problem of the section (keys ``assessment.<name>``); empty when it may be saved."""
    problems: list[SettingsProblem] = []

    def check(key: str, value: float, limits: str) -> None:
        low, high = RANGES[limits]
        if not (math.isfinite(value) and low <= value <= high):
            problems.append(
                SettingsProblem(f"assessment.{key}", Fault.OUT_OF_RANGE, (f"{low:g}", f"{high:g}"))
            )

    for name, limits in _NUMBERS:
        check(name, getattr(settings, name), limits)
    total = settings.on_time_weight + settings.closure_weight + settings.rework_weight
    if not math.isclose(total, 100.0, abs_tol=1e-9):
        problems.append(SettingsProblem("assessment.weights", Fault.OUT_OF_RANGE, ("100", "100")))
    for office, factor in settings.difficulty.items():
        check(f"difficulty.{office}", factor, "difficulty")
    for band in settings.grades:
        check(f"grades.{band.name}", band.min_score, "grade")
        if not band.name.strip():
            problems.append(SettingsProblem("assessment.grades", Fault.NAME_MISSING))
    if not any(band.min_score == 0 for band in settings.grades):  # every score needs a grade
        problems.append(SettingsProblem("assessment.grades", Fault.OUT_OF_RANGE, ("0", "0")))
    cap = settings.monthly_base_cny * settings.cap_percent / 100
    if settings.pool is RewardPool.FIXED and abs(settings.pool_cny) > cap:  # the whole pool within one cap,
        # so every office's share of it is too (rewards.py keeps each amount inside the cap)
        problems.append(SettingsProblem("assessment.pool_cny", Fault.OUT_OF_RANGE, (f"{-cap:g}", f"{cap:g}")))
    return problems


def assessment_document(settings: AssessmentSettings) -> dict[str, Any]:
    return {
        "weights": {
            "on_time": settings.on_time_weight,
            "closure": settings.closure_weight,
            "rework": settings.rework_weight,
        },
        "deductions": {
            "per_overdue_open": settings.per_overdue_open,
            "per_reworked": settings.per_reworked,
            "per_unresolved_consultation": settings.per_unresolved_consultation,
        },
        "normalise_by_segments": settings.normalise_by_segments,
        "volume_weight": settings.volume_weight,
        "difficulty": dict(sorted(settings.difficulty.items())),
        "grades": [{"name": band.name, "min_score": band.min_score} for band in settings.grades],
        "monthly_base_cny": settings.monthly_base_cny,
        "reward": {
            "cny_per_point": settings.cny_per_point,
            "cap_percent": settings.cap_percent,
            "pool": settings.pool.value,
            "pool_cny": settings.pool_cny,
        },
    }


def assessment_of(raw: object) -> AssessmentSettings:
    """The section from its document; a missing key takes its default, a wrong kind raises
    ``TypeError``/``ValueError``/``KeyError`` (the settings reader names the key)."""
    if not isinstance(raw, Mapping):
        raise TypeError("not an object")
    d = DEFAULT_ASSESSMENT
    weights, deductions, reward = raw.get("weights", {}), raw.get("deductions", {}), raw.get("reward", {})
    grades = d.grades
    if "grades" in raw:
        grades = tuple(GradeBand(_text(g["name"]), _number(g["min_score"])) for g in raw["grades"])
    return AssessmentSettings(
        on_time_weight=_number(weights.get("on_time", d.on_time_weight)),
        closure_weight=_number(weights.get("closure", d.closure_weight)),
        rework_weight=_number(weights.get("rework", d.rework_weight)),
        per_overdue_open=_number(deductions.get("per_overdue_open", d.per_overdue_open)),
        per_reworked=_number(deductions.get("per_reworked", d.per_reworked)),
        per_unresolved_consultation=_number(
            deductions.get("per_unresolved_consultation", d.per_unresolved_consultation)
        ),
        normalise_by_segments=_boolean(raw.get("normalise_by_segments", d.normalise_by_segments)),
        volume_weight=_number(raw.get("volume_weight", d.volume_weight)),
        difficulty={_text(name): _number(factor) for name, factor in raw.get("difficulty", {}).items()},
        grades=grades,
        monthly_base_cny=int(_number(raw.get("monthly_base_cny", d.monthly_base_cny))),
        cny_per_point=_number(reward.get("cny_per_point", d.cny_per_point)),
        cap_percent=_number(reward.get("cap_percent", d.cap_percent)),
        pool=RewardPool(_text(reward.get("pool", d.pool.value))),
        pool_cny=int(_number(reward.get("pool_cny", d.pool_cny))),
    )


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")
    return float(value)


def _boolean(value: object) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true/false")
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("not text")
    return value.strip()
