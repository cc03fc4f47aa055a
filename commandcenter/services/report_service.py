"""Reports for the signed-in principal (issue 17): the weekly bulletin, the monthly assessment, the
annual evaluation and the daily summary as a ``reports.model.Report``, ready to be written as PDF
or Excel (``reports.output.write_report``).

Every figure comes from the services the 考核 windows use — ``AssessmentService.ranking`` (frozen
once published), ``IndicatorService.table`` by office, ``AssessmentService.daily`` — so the same
permissions and office scope hold: leaders, supervisors and the command line's administrator see
every office; an office user gets the ranking's positions and their own office's figures only; the
indicator table, the trend and the daily summary are read for their office alone. Reading changes
nothing and leaves no audit row.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from commandcenter.accounts.permissions import Permission
from commandcenter.district_time import district_clock
from commandcenter.evaluation.periods import Period, PeriodKind, parse_period
from commandcenter.persistence.cases.indicator_facts import period_facts
from commandcenter.reports.building import assessment_report
from commandcenter.reports.daily_report import daily_report
from commandcenter.reports.model import Report, ReportKind
from commandcenter.reports.trend import Trend, trend_of
from commandcenter.services.assessment_service import AssessmentService
from commandcenter.services.assessment_sources import DutyPatrols, InspectionFindings
from commandcenter.services.guard import Guarded
from commandcenter.services.indicator_service import IndicatorService

PERIOD_KINDS = {
    ReportKind.WEEKLY: PeriodKind.WEEK,
    ReportKind.MONTHLY: PeriodKind.MONTH,
    ReportKind.ANNUAL: PeriodKind.YEAR,
}


class ReportService(Guarded):
    """Built beside the hub's assessment and indicator services (``Services.reports``) or on its own
    (the command line), then with the same 督查 deductions and 巡查 figures the hub gives them."""

    def __init__(
        self,
        *args: Any,
        assessments: AssessmentService | None = None,
        indicators: IndicatorService | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.assessments = assessments or self._assessments()
        self.indicators = indicators or IndicatorService(
            self.store, self.principal, audit=self.audit, clock=self.clock
        )

    def report(self, kind: ReportKind | str, period: str) -> Report:
        """The week's, month's or year's report (``period``: 2026-W47, 2026-11, 2026); a daily
        report's period is a date, 2026-11-30."""
        kind = ReportKind(kind)
        if kind is ReportKind.DAILY:
            return self.daily(parse_day(period))
        when = parse_period(period)
        if when.kind is not PERIOD_KINDS[kind]:
            raise ValueError(f"报表周期「{period}」与报表类型不符 / {period} is not a {kind.value} period")
        assessment = self.assessments.ranking(when, when.kind)
        table = self.indicators.table(when)
        return assessment_report(kind, _span(when), self._generated(), assessment, table, self.trend(when))

    def daily(self, day: date | None = None) -> Report:
        """每日汇总 of ``day`` (today on the district's clock by default)."""
        rows = self.assessments.daily(day)
        day = day or district_clock().local(self.clock()).date()
        return daily_report(day.isoformat(), self._generated(), rows)

    def trend(self, period: Period) -> Trend:
        """受理 and 结案 per day (week, month) or month (year) of ``period``, in the principal's scope."""
        self._require(Permission.VIEW_INDICATORS, "reports")
        own = self._office_scope("reports")
        return trend_of(period_facts(self.store, period.start, period.end, own), period)

    def _generated(self) -> str:
        moment = district_clock().local(self.clock())
        return f"{moment:%Y-%m-%d %H:%M} {self.principal.display_name or self.principal.username} 生成"

    def _assessments(self) -> AssessmentService:
        service = AssessmentService(
            self.store,
            self.principal,
            audit=self.audit,
            clock=self.clock,
            extra_sources=[InspectionFindings(self.store)],
        )
        service.patrols = DutyPatrols(self.store, service.clock)
        return service


def _span(period: Period) -> str:
    clock = district_clock()
    first = clock.local(period.start).date()
    last = clock.local(period.end).date().toordinal() - 1
    return f"{first.isoformat()} 至 {date.fromordinal(last).isoformat()}"


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(
            f"日期「{text}」无效，应为 2026-11-30 / invalid day {text!r}: write 2026-11-30"
        ) from None
