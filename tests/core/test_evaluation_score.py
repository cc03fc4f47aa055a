"""The composite score's weights, deductions and limits, and the table's grouping."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from commandcenter.domain.indicators import CaseFacts, IndicatorNames
from commandcenter.evaluation.indicators import Indicators
from commandcenter.evaluation.periods import parse_period
from commandcenter.evaluation.score import ScoreWeights, WeightsError, composite_score, weights_from_text
from commandcenter.evaluation.table import (
    UNASSIGNED,
    Grouping,
    GroupingError,
    grouping_named,
    indicator_table,
)

Z = ZoneInfo("Asia/Shanghai")


def test_the_default_weights_add_up_to_100_and_a_perfect_month_scores_100() -> None:
    weights = ScoreWeights()
    assert weights.on_time + weights.closure + weights.rework == 100
    assert composite_score(Indicators(due=10, closed=10, on_time=10)) == 100


def test_weights_that_do_not_add_up_to_100_are_refused() -> None:
    with pytest.raises(WeightsError, match=r"三项权重之和应为 100.*must add up to 100, not 90"):
        ScoreWeights(on_time=50, closure=30, rework=10)
    with pytest.raises(WeightsError, match="negative"):
        ScoreWeights(on_time=110, closure=-20, rework=10)
    assert ScoreWeights(on_time=70, closure=20, rework=10).on_time == 70


def test_the_score_weighs_the_rates_and_deducts_per_case() -> None:
    counts = Indicators(due=100, closed=90, on_time=80, reworked=9, overdue_open=4)
    expected = 0.8 * 60 + 0.9 * 30 + (1 - 0.1) * 10 - 4 * 0.5
    assert composite_score(counts) == pytest.approx(expected)
    jinhua = ScoreWeights(per_reworked=0.2)
    assert composite_score(counts, jinhua) == pytest.approx(expected - 9 * 0.2)


def test_the_score_stays_between_0_and_100_and_is_none_when_nothing_was_due() -> None:
    assert composite_score(Indicators(due=10, overdue_open=500)) == 0
    assert composite_score(Indicators(received=5)) is None


def test_the_table_groups_and_adds_up_to_its_total() -> None:
    november = parse_period("2026-11")
    received = datetime(2026, 11, 3, 9, tzinfo=Z)
    cases = [
        CaseFacts(1, "立案", received, 1, office_id=1),
        CaseFacts(2, "受理", received, 2, office_id=2),
        CaseFacts(3, "立案", received, 2, office_id=None),
        CaseFacts(4, "立案", datetime(2026, 10, 3, tzinfo=Z), 1, office_id=1),  # another month: no count
    ]
    names = IndicatorNames(
        offices={1: "建中街街道", 2: "淮河路街道"},
        categories={1: "S0501 占道经营", 2: "S0502 无照经营游商"},
        category_departments={1: "属地镇办", 2: "市场监管局"},
    )
    by_office = indicator_table(cases, november, Grouping.OFFICE, names)
    rows = {row.name: (row.indicators.received, row.indicators.filed) for row in by_office.rows}
    assert rows == {"建中街街道": (1, 1), "淮河路街道": (1, 0), UNASSIGNED: (1, 1)}
    assert [row.name for row in by_office.rows] == sorted(rows)
    assert (by_office.total.indicators.received, by_office.total.indicators.filed) == (3, 2)
    by_department = indicator_table(cases, november, grouping_named("department"), names)
    assert {row.name: row.indicators.received for row in by_department.rows} == {
        "属地镇办": 1,
        "市场监管局": 2,
    }


def test_an_unknown_grouping_is_refused_in_both_languages() -> None:
    with pytest.raises(GroupingError, match=r"未知的分组.*unknown grouping 'street'"):
        grouping_named("street")


def test_rows_are_kept_apart_by_id_not_by_name() -> None:
    received = datetime(2026, 11, 3, 9, tzinfo=Z)
    cases = [CaseFacts(1, "立案", received, 1, staff_id=7), CaseFacts(2, "立案", received, 1, staff_id=8)]
    names = IndicatorNames(staff={7: "张伟", 8: "张伟"})
    table = indicator_table(cases, parse_period("2026-11"), Grouping.POST, names)
    assert [(row.name, row.indicators.received) for row in table.rows] == [("张伟", 1), ("张伟", 1)]


def test_weights_written_on_the_command_line() -> None:
    assert weights_from_text("") == ScoreWeights()
    assert weights_from_text("on_time=70, closure=20,per_overdue_open=1") == ScoreWeights(
        on_time=70, closure=20, per_overdue_open=1
    )
    with pytest.raises(WeightsError, match=r"未知的权重「speed」 / unknown weight 'speed'"):
        weights_from_text("speed=5")
    with pytest.raises(WeightsError, match=r"权重「closure」的值无效 / weight 'closure' needs a number"):
        weights_from_text("closure=thirty")
    with pytest.raises(WeightsError, match="must add up to 100"):
        weights_from_text("on_time=70")
