"""The decode budget: measuring with ffmpeg, and stepping tiles down from the end until they fit."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from commandcenter.domain.cameras import StreamTier
from commandcenter.streaming.clips import ensure_demo_clips
from commandcenter.wall.decode_budget import DecodeBudget, DecodeTier, measure_budget

MAIN, SUB, KEY, STILL = DecodeTier.MAIN, DecodeTier.SUB, DecodeTier.KEYFRAMES, DecodeTier.STILL
BUDGET = DecodeBudget({MAIN: 0.2, SUB: 0.05, KEY: 0.01, STILL: 0.0}, cores=0.5)


def test_within_budget_nothing_changes() -> None:
    assert BUDGET.plan([MAIN, SUB, SUB]) == [MAIN, SUB, SUB]


def test_the_end_of_the_layout_steps_down_first() -> None:
    plan = BUDGET.plan([MAIN, MAIN, *[SUB] * 6])  # 0.7 wanted
    assert BUDGET.cost(plan) <= 0.5
    assert plan[0] is MAIN  # the big cell keeps its quality
    assert plan == [MAIN, SUB, SUB, SUB, SUB, SUB, KEY, KEY]  # mains step down before any sub


def test_a_huge_wall_goes_down_to_keyframes_and_stills() -> None:
    plan = BUDGET.plan([SUB] * 64)
    assert BUDGET.cost(plan) <= 0.5
    assert plan[0] is SUB
    assert plan[-1] in (KEY, STILL)
    assert BUDGET.plan([STILL] * 3) == [STILL] * 3


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="needs ffmpeg")
def test_measured_costs_are_ordered(tmp_path_factory: pytest.TempPathFactory) -> None:
    directory: Path = tmp_path_factory.getbasetemp() / "demo-clips"  # shared with the stream tests
    clip = ensure_demo_clips(1, directory=directory)[0]
    budget = measure_budget(clip.path(StreamTier.MAIN), clip.path(StreamTier.SUB), cores=2)
    assert budget.cores == pytest.approx(1.5)
    assert budget.costs[MAIN] > budget.costs[SUB] >= budget.costs[KEY] > budget.costs[STILL] == 0.0
