"""The plugins' case rules as one provider of intake's ``CaseRuleSet``.

Intake hands every accepted new report to ``PluginCaseRules``; it converts the screening result into
the API's ``ScreenedReport``, asks each active plugin serving the report's office (every office when
the plugin names none), and turns each ``RuleOutcome`` into a ``RuleVerdict``. Each rule runs within
the rule bound: one that raises, hangs or answers with something else disables its plugin and the
report goes on without it; one stopped by a database outage is skipped for this report only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from commandcenter.cases.case_rules import RuleVerdict
from commandcenter.cases.screening import ScreeningResult
from commandcenter.plugin_host.boundary import screened_report
from commandcenter.plugin_host.session import PluginSession
from commandcenter.plugins_api.contributions import RuleOutcome

_OVERRIDES: Mapping[str, type] = {"urgency": int, "office_name": str, "assignee_staff_id": int}


class PluginCaseRules:
    def __init__(self, session: PluginSession) -> None:
        self._session = session

    def __call__(self, result: ScreeningResult) -> list[RuleVerdict]:
        rules = self._session.active(lambda c: c.case_rules)
        if not rules:
            return []
        report = screened_report(result)
        office = report.office.name if report.office is not None else None
        verdicts = []
        for record, rule in rules:
            if record.offices and office not in record.offices:
                continue
            answer = self._session.call(
                record,
                f"案件规则 {rule.id} (case rule)",
                rule.check,
                report,
                bound_s=self._session.bounds.rule_s,
                returns=(RuleOutcome, type(None)),
            )
            if answer.ok and answer.value is not None:
                verdicts.append(verdict(f"{record.id}/{rule.id}", answer.value))
        return verdicts


def verdict(rule: str, outcome: RuleOutcome) -> RuleVerdict:
    """The outcome as intake applies it; overrides it does not know, or of the wrong type, become
    notes on the case instead of being dropped silently."""
    notes = [str(note) for note in outcome.notes]
    known: dict[str, Any] = {}
    for key, value in outcome.overrides.items():
        expected = _OVERRIDES.get(key)
        if expected is None:
            notes.append(f"忽略未知的覆盖项 {key!r}")
        elif not isinstance(value, expected) or isinstance(value, bool):
            notes.append(f"忽略无效的 {key} {value!r}")
        else:
            known[key] = value
    return RuleVerdict(rule, tuple(notes), **known)
