"""``check_district``: every consistency rule of issue 13 over one district's records, as one report.

Pure (no database, no UI): ``persistence.district.consistency`` reads the records, the service and
``district check`` print or show the findings. Findings come errors first, then by rule and record,
so two runs over the same data print the same lines and a diff between runs means the data changed.
The rules and their severities: ``people_rules`` (who answers for what) and ``spatial_rules`` (where
things lie); the rule keys are ``domain.district_check.Rule``.
"""

from __future__ import annotations

from itertools import chain

from commandcenter.district_data.people_rules import (
    office_findings,
    road_chief_findings,
    staff_findings,
    vehicle_findings,
)
from commandcenter.district_data.spatial_rules import spatial_findings
from commandcenter.domain.district_check import CheckReport, DistrictCheckData, Finding, Rule, Severity

_RULE_ORDER = {rule.value: position for position, rule in enumerate(Rule)}


def _order(finding: Finding) -> tuple[bool, int, int]:
    return (
        finding.severity is not Severity.ERROR,
        _RULE_ORDER.get(finding.rule, len(_RULE_ORDER)),
        finding.record_id,
    )


def check_district(data: DistrictCheckData) -> CheckReport:
    findings = chain(
        road_chief_findings(data),
        spatial_findings(data),
        staff_findings(data),
        vehicle_findings(data),
        office_findings(data),
    )
    return CheckReport(sorted(findings, key=_order))
