"""差异化考核 without a database: the month's money sums as configured (zero-sum and fixed pools,
capped, whole yuan), deductions normalised by segments, difficulty and volume, grade thresholds,
and the settings section's document form and checks."""

from __future__ import annotations

import dataclasses
import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from commandcenter.domain.assessment_settings import (
    AssessmentSettings,
    GradeBand,
    RewardPool,
    assessment_problems,
)
from commandcenter.domain.indicators import CaseFacts
from commandcenter.domain.kinds import CaseStatus
from commandcenter.domain.settings import DistrictSettings
from commandcenter.domain.settings_document import from_json, to_json
from commandcenter.domain.settings_rules import validate
from commandcenter.evaluation.assessment import OfficeInfo, assess
from commandcenter.evaluation.deductions import ExtraDeduction
from commandcenter.evaluation.periods import parse_period
from commandcenter.evaluation.rewards import monthly_rewards

Z = ZoneInfo("Asia/Shanghai")
NOVEMBER = parse_period("2026-11")
DUE = datetime(2026, 11, 20, 17, tzinfo=Z)
RATES = 90 * 10 / 14 + 10  # 10 of 14 due closed in time; no rework


def _case(case_id: int, office: int, *, closed: bool = True, late: bool = False) -> CaseFacts:
    received = datetime(2026, 11, 10, 9, tzinfo=Z)
    ended = DUE + timedelta(days=1 if late else -1) if closed else None
    status = CaseStatus.CLOSED.value if closed else CaseStatus.DISPOSING.value
    return CaseFacts(case_id, status, received, 1, office, office, None, received, DUE, ended)


@pytest.mark.parametrize("pool", [RewardPool.ZERO_SUM, RewardPool.FIXED])
def test_rewards_sum_as_configured_and_stay_capped(pool: RewardPool) -> None:
    settings = AssessmentSettings(pool=pool, pool_cny=-7_001 if pool is RewardPool.FIXED else 0)
    rng = random.Random(16)
    for _ in range(200):
        finals = {office: rng.choice([None, rng.uniform(0, 100)]) for office in range(1, 19)}
        amounts = monthly_rewards(finals, settings)
        assert sum(amounts.values()) == settings.pool_cny  # exact, in whole yuan
        assert all(abs(amount) <= 20_000 for amount in amounts.values())  # 10 % of 200,000
        scored = sorted((score, amounts[o]) for o, score in finals.items() if score is not None)
        assert [amount for _s, amount in scored] == sorted(amount for _s, amount in scored)  # monotone


def test_linear_scale_around_the_mean() -> None:
    amounts = monthly_rewards({1: 90.0, 2: 80.0, 3: 70.0}, AssessmentSettings())
    assert amounts == {1: 20_000, 2: 0, 3: -20_000}  # 10 points × 2,000 CNY = the cap exactly
    wide = monthly_rewards({1: 100.0, 2: 50.0, 3: 0.0}, AssessmentSettings())
    assert wide == {1: 20_000, 2: 0, 3: -20_000}  # slope shrunk to keep the cap: still sums to 0
    assert monthly_rewards({1: None, 2: None}, AssessmentSettings()) == {1: 0, 2: 0}


def test_deductions_normalised_by_segments() -> None:
    # both offices: everything closed in time (rates 100) and 4 超期未处置 → 2 points deducted raw
    facts = [_case(n, 1) for n in range(10)] + [_case(100 + n, 2) for n in range(10)]
    facts += [_case(200 + n, 1, closed=False) for n in range(4)]
    facts += [_case(300 + n, 2, closed=False) for n in range(4)]
    offices = [OfficeInfo(1, "大办事处", 30), OfficeInfo(2, "小办事处", 10)]
    plain = AssessmentSettings(volume_weight=0.0)
    result = assess(facts, NOVEMBER, offices, plain)
    big, small = result.row_of(1), result.row_of(2)
    assert big is not None
    assert small is not None
    assert big.deductions == small.deductions == 2.0
    assert big.normalised == pytest.approx(RATES - 2.0 * 20 / 30, abs=0.01)  # S̄ = 20
    assert small.normalised == pytest.approx(RATES - 2.0 * 20 / 10, abs=0.01)
    assert big.rank == 1
    assert small.rank == 2
    off = assess(facts, NOVEMBER, offices, dataclasses.replace(plain, normalise_by_segments=False))
    assert off.row_of(1).normalised == off.row_of(2).normalised  # type: ignore[union-attr]


def test_difficulty_volume_and_extra_deductions() -> None:
    facts = [_case(n, 1) for n in range(30)] + [_case(100 + n, 2) for n in range(10)]
    offices = [OfficeInfo(1, "甲", 1), OfficeInfo(2, "乙", 1)]
    settings = AssessmentSettings(volume_weight=0.1, difficulty={"乙": 1.2})
    extra = [ExtraDeduction(1, 30.0, "督查发现问题 3 处")]
    result = assess(facts, NOVEMBER, offices, settings, extra)
    busy, hard = result.row_of(1), result.row_of(2)
    assert busy is not None
    assert hard is not None
    assert busy.volume == pytest.approx(1.05)  # 30 per segment vs a mean of 20: +50 % → +5 %
    assert busy.final == pytest.approx(70 * 1.05)
    assert busy.extra == tuple(extra)
    assert hard.volume == pytest.approx(0.95)
    assert hard.difficulty == 1.2
    assert hard.final == pytest.approx(min(100.0, 100 * 1.2 * 0.95))


def test_grade_thresholds_and_no_score() -> None:
    settings = AssessmentSettings()
    assert [settings.grade_of(s) for s in (100, 90, 89.99, 80, 60, 59.9, 0)] == [
        "优",
        "优",
        "良",
        "良",
        "中",
        "差",
        "差",
    ]
    assert settings.grade_of(None) == ""
    custom = AssessmentSettings(grades=(GradeBand("A", 95), GradeBand("B", 0)))
    assert custom.grade_of(94) == "B"
    result = assess([], NOVEMBER, [OfficeInfo(1, "甲", 1)], settings)
    assert result.rows[0].final is None
    assert result.rows[0].grade == ""
    assert result.rows[0].reward_cny == 0


def test_week_and_year_have_no_money() -> None:
    facts = [_case(1, 1)]
    assert (
        assess(facts, parse_period("2026"), [OfficeInfo(1, "甲", 1)], AssessmentSettings()).rows[0].reward_cny
        is None
    )


def test_settings_section_round_trips_and_is_checked() -> None:
    custom = AssessmentSettings(
        on_time_weight=50,
        closure_weight=40,
        rework_weight=10,
        difficulty={"嵩山路街道": 1.1},
        pool=RewardPool.FIXED,
        pool_cny=10_000,
        grades=(GradeBand("优", 85), GradeBand("差", 0)),
    )
    settings = DistrictSettings(assessment=custom)
    assert from_json(to_json(settings)).assessment == custom
    assert from_json("{}").assessment == AssessmentSettings()  # a document from before the section
    assert validate(settings) == []
    assert hash(settings) == hash(DistrictSettings(assessment=custom))  # the document stays hashable
    bad = AssessmentSettings(
        on_time_weight=70,
        difficulty={"甲": 3.0},
        grades=(GradeBand("优", 90),),
        pool=RewardPool.FIXED,
        pool_cny=50_000,
    )
    keys = {problem.key for problem in assessment_problems(bad)}
    assert keys == {
        "assessment.weights",
        "assessment.difficulty.甲",
        "assessment.grades",
        "assessment.pool_cny",
    }
