"""``commandcenter district check``: the district consistency report on the command line (issue 13).

One line per finding — ``错误 error:`` or ``注意 warning:``, the kind of record and its label (what
to search for in the admin screens), then the fact — and a summary line with the counts. Exit 0 when
there are no errors, warnings or not, so a nightly cron job after an import fails only on what must
be fixed: a segment nobody answers for, overlapping segments, records outside the district.
Run headless as the operator of the machine, like ``import-cameras``: no signed-in principal, the
whole district.
"""

from __future__ import annotations

import argparse

from commandcenter.commands.database import command_database_url, open_store
from commandcenter.config import Settings
from commandcenter.domain.district_check import CheckReport, Finding, Severity
from commandcenter.exit_codes import EXIT_CHECK_FAILED, EXIT_OK

_KIND_NAMES = {
    "segment": "路段 segment",
    "staff": "人员 staff",
    "vehicle": "车辆 vehicle",
    "camera": "摄像机 camera",
    "permit": "准运证 permit",
    "office": "镇办 office",
}


def finding_line(finding: Finding) -> str:
    severity = "错误 error" if finding.severity is Severity.ERROR else "注意 warning"
    kind = _KIND_NAMES.get(finding.record_kind, finding.record_kind)
    return f"{severity}: {kind} {finding.record_label} [{finding.rule}]: {finding.detail}"


def summary_line(report: CheckReport) -> str:
    errors, warnings = len(report.errors), len(report.warnings)
    verdict = "数据一致 consistent" if report.ok else "有错误需要修正 errors to fix"
    return f"错误 errors: {errors}, 注意 warnings: {warnings}; {verdict}"


def run_district_check(args: argparse.Namespace, settings: Settings) -> int:
    from commandcenter.district_data.check import check_district
    from commandcenter.persistence.district.consistency import district_check_data

    store = open_store(command_database_url("district check", args.url, settings))
    try:
        report = check_district(district_check_data(store))
    finally:
        store.close()
    for finding in report.findings:
        print(finding_line(finding))
    print(summary_line(report))
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED
