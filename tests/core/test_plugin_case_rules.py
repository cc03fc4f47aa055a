"""Plugins' case rules run inside intake: the host registers one provider in the ``CaseRuleSet`` that
every source's ``CaseIntake`` applies, a plugin's note is stored with the case's first event, its
overrides are applied or noted, and a rule that raises, exits or hangs disables its plugin while
the report is still filed."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from commandcenter.cases.case_rules import CaseRuleSet, RuleVerdict
from commandcenter.config import SimulatorSettings
from commandcenter.demo.generate import DEMO_NOW, load_demo_data
from commandcenter.demo.simulator import Simulator
from commandcenter.persistence.bulk_load import replace_all
from commandcenter.persistence.cases.board import board_rows
from commandcenter.persistence.cases.transitions import case_timeline
from commandcenter.persistence.store import Store
from commandcenter.plugin_host.case_rules import verdict
from commandcenter.plugin_host.enablement import Seat
from commandcenter.plugin_host.guard import HookBounds
from commandcenter.plugin_host.host import RULES_OWNER
from commandcenter.plugin_host.records import PluginState
from commandcenter.plugin_host.startup import start_plugins
from commandcenter.plugins_api import RuleOutcome
from commandcenter.testing.minimal_district import minimal_district
from commandcenter.testing.plugins import context_for, file_report
from plugins.jianzhong_kiosks import kiosks

DATA = Path(__file__).parents[1] / "data" / "plugins"
CENTRE = Seat(None, "ws-rules")


@pytest.fixture
def district(store: Store) -> Store:
    replace_all(store, minimal_district())
    return store


def test_a_plugins_rule_note_lands_in_the_first_event_of_a_case_filed_through_intake(district: Store) -> None:
    context = context_for(district, "jianzhong_kiosks")
    segment = context.segments("建中街街道")[0]
    kiosks.add_kiosk(context, "大学路工作亭", segment.id, "8:00-18:00", "张伟", "13800000000")
    rules = CaseRuleSet()
    host = start_plugins(district, CENTRE, entry_points=False, case_rules=rules)
    assert rules.owners() == [RULES_OWNER]
    filed = file_report(district, rules)
    assert filed.rule_notes == ["jianzhong_kiosks/nearest_kiosk：本路段有大学路工作亭, 值守 张伟 13800000000"]
    assert case_timeline(district, filed.case_id)[0].payload["rule_notes"] == filed.rule_notes
    host.unload()
    assert rules.owners() == []  # a closed window's plugins judge no more reports
    assert file_report(district, rules, lon=113.615, lat=34.7145).rule_notes == []


def test_overrides_are_applied_and_unknown_or_invalid_ones_noted() -> None:
    outcome = RuleOutcome(
        notes=("学校周边",),
        overrides={"urgency": 1, "office_name": "福华街街道", "assignee_staff_id": True, "colour": "red"},
    )
    assert verdict("p/r", outcome) == RuleVerdict(
        "p/r",
        ("学校周边", "忽略无效的 assignee_staff_id True", "忽略未知的覆盖项 'colour'"),
        urgency=1,
        office_name="福华街街道",
    )


@pytest.mark.parametrize(
    ("plugin", "raised"), [("cc_test_raising_hook", "ValueError"), ("cc_test_exiting_hook", "SystemExit")]
)
def test_a_rule_that_raises_disables_its_plugin_and_the_report_is_filed(
    district: Store, plugin: str, raised: str
) -> None:
    rules = CaseRuleSet()
    host = start_plugins(district, CENTRE, [DATA], entry_points=False, case_rules=rules)
    filed = file_report(district, rules)
    assert filed.case_id > 0
    record = host.record(plugin)
    assert record.state is PluginState.FAILED
    assert "case rule" in record.message
    assert raised in record.message
    assert host.record("jianzhong_kiosks").state is PluginState.ACTIVE


@pytest.fixture
def release_hanging() -> Iterator[None]:
    yield
    for name in ("cc_test_hanging_hook.plugin", "cc_test_hanging_activate.plugin"):
        module = sys.modules.get(name)
        if module is not None:
            module.RELEASE.set()
            module.RELEASE.clear()


@pytest.mark.usefixtures("release_hanging")
def test_a_rule_that_never_returns_does_not_hold_up_intake(district: Store) -> None:
    rules = CaseRuleSet()
    bounds = HookBounds(hook_s=0.3, rule_s=0.3)
    host = start_plugins(
        district, CENTRE, [DATA / "hanging"], entry_points=False, bounds=bounds, case_rules=rules
    )
    filed = file_report(district, rules)  # returns: the hanging rule was given up after 0.3 s
    assert filed.case_id > 0
    hanging = host.record("cc_test_hanging_hook")
    assert hanging.state is PluginState.FAILED
    assert "did not return within 0.3 s" in hanging.message
    assert file_report(district, rules, lon=113.615, lat=34.7145).case_id > filed.case_id


def test_the_simulators_intake_applies_the_rule_set_it_is_given(tmp_path: Path) -> None:
    """The demo hands one ``CaseRuleSet`` to the simulator and to the window's plugin host."""
    store = Store.open(f"sqlite:///{tmp_path / 'sim.sqlite'}")
    try:
        load_demo_data(store, now=DEMO_NOW)
        rules = CaseRuleSet()
        rules.register("probe", lambda _result: [RuleVerdict("probe/r", ("模拟器也经过规则",))])
        photo = tmp_path / "scene.jpg"
        photo.write_bytes(b"\xff\xd8\xff\xd9")
        simulator = Simulator(
            store, SimulatorSettings(cases_per_hour=3_600), photos=[str(photo)], case_rules=rules
        )
        before = {row.id for row in board_rows(store)}
        for step in range(5):
            simulator.step(DEMO_NOW + timedelta(minutes=step))
        new = [row.id for row in board_rows(store) if row.id not in before]
        assert new
        assert all(
            case_timeline(store, case)[0].payload["rule_notes"] == ["probe/r：模拟器也经过规则"]
            for case in new
        )
    finally:
        store.close()
