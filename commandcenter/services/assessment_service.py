"""差异化考核 for the signed-in principal (issue 16): the ranking of a week, month or year, the daily
summary, and publishing a bulletin.

Who sees what (decided here, the one place): leaders, supervisors and the command line's
administrator (``view_indicators`` and every office) see every row with every figure. An office user
(``view_indicators``, their office) sees the whole ranking's positions — each office's place, name
and grade, as the published bulletin announces them — but the figures (indicators, scores,
deductions, money) of their own office's row only. Publishing needs ``publish_assessment``
(supervisors, leaders), freezes the figures as they are (``evaluation.frozen``) and is audited; a
published period is read back frozen ever after, and cannot be published twice. Reading changes
nothing and leaves no audit row.

Extra deductions: the 协商 督办 part is always counted; any further ``DeductionSource`` (督查) is
given to the constructor (``extra_sources``) or appended to ``self.extra_sources`` at merge.
Patrol figures for the daily summary come from ``patrols`` (a ``PatrolSource``; None: not shown).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from commandcenter.accounts.permissions import Permission
from commandcenter.audit.trail import AuditAction
from commandcenter.district_time import district_clock
from commandcenter.domain.assessment_settings import AssessmentSettings
from commandcenter.evaluation.assessment import Assessment, OfficeInfo, assess, positions_only
from commandcenter.evaluation.daily import DailyRow, PatrolSource, daily_summary, day_period
from commandcenter.evaluation.deductions import DeductionSource, ExtraDeduction
from commandcenter.evaluation.frozen import from_figures, to_figures
from commandcenter.evaluation.periods import Period, PeriodError, PeriodKind, parse_period
from commandcenter.evaluation.supervision import by_department, supervision_deductions
from commandcenter.persistence.cases.indicator_facts import period_facts
from commandcenter.persistence.evaluation.consultations import consultations
from commandcenter.persistence.evaluation.offices import office_sizes
from commandcenter.persistence.evaluation.published import publish, published
from commandcenter.persistence.settings.queries import read_settings
from commandcenter.services.guard import Guarded

TARGET = "assessment"


class AssessmentService(Guarded):
    def __init__(
        self,
        *args: Any,
        extra_sources: Sequence[DeductionSource] = (),
        patrols: PatrolSource | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.extra_sources: list[DeductionSource] = list(extra_sources)
        self.patrols = patrols

    @property
    def may_publish(self) -> bool:
        return self.principal.can(Permission.PUBLISH_ASSESSMENT)

    def ranking(self, period: Period | str, kind: PeriodKind | None = None) -> Assessment:
        """The period's assessment (frozen if published), scoped to the principal (module doc).
        ``kind``: the kind ``period`` must be (a week's window asks for a week)."""
        self._require(Permission.VIEW_INDICATORS, TARGET)
        own = self._office_scope(TARGET)
        when = _period(period, kind)
        stored = published(self.store, when.kind.value, when.label)
        if stored is not None:
            figures, by, at = stored
            result = from_figures(figures, by, district_clock().local(at).strftime("%Y-%m-%d %H:%M"))
        else:
            result = self._compute(when)
        return result if own is None else _scoped(result, own)

    def publish(self, period: Period | str, kind: PeriodKind | None = None) -> Assessment:
        """Freeze the period's figures as they are now (``AlreadyPublished`` when done before)."""
        when = _period(period, kind)
        target = f"{TARGET}:{when.kind.value}:{when.label}"
        self._require(Permission.PUBLISH_ASSESSMENT, target)
        if when.kind is PeriodKind.DAY:
            raise PeriodError("每日汇总不发布 / a day's summary is not published")
        figures = to_figures(self._compute(when))
        at = self.clock()
        publish(self.store, when.kind.value, when.label, figures, self.principal.username, at)
        rows = figures["rows"]
        self._record(
            AuditAction.ASSESSMENT_PUBLISHED,
            target,
            {"offices": len(rows), "first": rows[0]["office"] if rows else "", "kind": when.kind.value},
        )
        return from_figures(
            figures, self.principal.username, district_clock().local(at).strftime("%Y-%m-%d %H:%M")
        )

    def daily(self, day: date | None = None) -> list[DailyRow]:
        """Each office's day (today on the district's clock by default); an office user: theirs."""
        self._require(Permission.VIEW_INDICATORS, TARGET)
        own = self._office_scope(TARGET)
        now = self.clock()
        day = day or district_clock().local(now).date()
        period = day_period(day)
        as_of = min(now, period.end)
        offices = {office: name for office, name, _s in office_sizes(self.store) if own in (None, office)}
        facts = period_facts(self.store, period.start, period.end, own)
        patrols = self.patrols.patrols(day) if self.patrols is not None else None
        return daily_summary(facts, period, offices, as_of, patrols)

    def settings(self) -> AssessmentSettings:
        return read_settings(self.store).settings.assessment

    def _compute(self, period: Period) -> Assessment:
        settings = self.settings()
        offices = [OfficeInfo(*row) for row in office_sizes(self.store)]
        facts = period_facts(self.store, period.start, period.end)
        flagged = consultations(self.store)
        extra: list[ExtraDeduction] = supervision_deductions(
            flagged, period, settings.per_unresolved_consultation
        )
        for source in self.extra_sources:
            extra.extend(source.deductions(period))
        result = assess(facts, period, offices, settings, extra)
        return dataclasses.replace(result, supervision=by_department(flagged, period))


def _period(period: Period | str, kind: PeriodKind | None) -> Period:
    when = parse_period(period) if isinstance(period, str) else period
    if kind is not None and when.kind is not kind:
        raise PeriodError(
            f"考核周期「{when.label}」不是{_KIND_NAMES[kind]} / {when.label} is not a {kind.value}"
        )
    return when


_KIND_NAMES = {PeriodKind.WEEK: "周", PeriodKind.MONTH: "月", PeriodKind.YEAR: "年", PeriodKind.DAY: "日"}


def _scoped(result: Assessment, own: int) -> Assessment:
    rows = [row if row.office_id == own else positions_only(row) for row in result.rows]
    return dataclasses.replace(result, rows=rows, supervision={})
