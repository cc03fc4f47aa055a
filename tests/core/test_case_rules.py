"""Case rules run inside intake for every source: notes kept with the first event, urgency and office
overridden, a preferred assignee offered first — and a rule that raises loses no report."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from commandcenter.cases.case_rules import CaseRuleSet, RuleVerdict, fold
from commandcenter.cases.intake import CaseIntake
from commandcenter.cases.recommend import Basis
from commandcenter.cases.screening import ScreeningResult
from commandcenter.domain.cases import IncomingReport
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.transitions import case_timeline
from commandcenter.persistence.store import Store
from commandcenter.testing.minimal_district import minimal_district

NOW = datetime(2026, 5, 12, 2, 0, tzinfo=UTC)  # a Tuesday, 10:00 in Zhengzhou


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def _report() -> IncomingReport:
    return IncomingReport("S0501", 113.61, 34.71, reporter="王女士", description="摆摊", photos=("a.jpg",))


def test_rule_notes_urgency_and_assignee_reach_the_case(district: Store) -> None:
    seen: list[ScreeningResult] = []

    def school_rule(result: ScreeningResult) -> list[RuleVerdict]:
        seen.append(result)
        notes = ("学校周边 200 米内，从严处理",)
        return [RuleVerdict("demo/学校周边", notes, urgency=1, assignee_staff_id=1)]

    rules = CaseRuleSet()
    rules.register("demo", school_rule)
    outcome = CaseIntake.from_store(district, rules=rules).receive(_report(), NOW)
    assert outcome.case_id is not None
    assert [result.category.code for result in seen if result.category] == ["S0501"]
    [row] = board_rows(district, [outcome.case_id])
    assert row.urgency == 1
    first = case_timeline(district, outcome.case_id)[0]
    assert first.payload["rule_notes"] == ["demo/学校周边：学校周边 200 米内，从严处理"]
    assert row.rule_notes == (
        "demo/学校周边：学校周边 200 米内，从严处理",
    )  # the pop-up and the detail show it
    assert outcome.recommendations[0].basis is Basis.CASE_RULE
    assert outcome.recommendations[0].staff.id == 1
    assert len({pick.staff.id for pick in outcome.recommendations}) == len(outcome.recommendations)


def test_a_raising_rule_is_skipped_and_the_report_is_kept(district: Store) -> None:
    def broken(_result: ScreeningResult) -> list[RuleVerdict]:
        raise RuntimeError("plugin bug")

    rules = CaseRuleSet()
    rules.register("broken", broken)
    rules.register("fine", lambda _result: [RuleVerdict("fine/r", ("ok",))])
    outcome = CaseIntake.from_store(district, rules=rules).receive(_report(), NOW)
    assert outcome.accepted
    assert outcome.rules.notes == ("fine/r：ok",)


def test_an_unknown_office_is_noted_not_applied(district: Store) -> None:
    rules = CaseRuleSet()
    rules.register("x", lambda _result: [RuleVerdict("x/属地", office_name="不存在街道")])
    outcome = CaseIntake.from_store(district, rules=rules).receive(_report(), NOW)
    assert outcome.case_id is not None
    [row] = board_rows(district, [outcome.case_id])
    assert row.office_name == "建中街街道"
    assert any("不存在街道" in note for note in outcome.rules.notes)


def test_fold_keeps_the_last_override_and_every_note() -> None:
    applied = fold(
        [
            RuleVerdict("a/1", ("一",), urgency=3, office_name="甲"),
            RuleVerdict("b/2", ("二",), urgency=7),
            RuleVerdict("c/3", urgency=1, assignee_staff_id=9),
        ]
    )
    assert applied.urgency == 1
    assert applied.office_name == "甲"
    assert applied.assignee_staff_id == 9
    assert applied.notes == ("a/1：一", "b/2：二", "b/2：忽略无效的紧急程度 7")


def test_unregistered_rules_no_longer_run() -> None:
    rules = CaseRuleSet()
    rules.register("p", lambda _result: [RuleVerdict("p/r", ("x",))])
    rules.unregister("p")
    assert rules.owners() == []
