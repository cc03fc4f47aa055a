"""The evaluation's indicator tables for the signed-in principal (issue 16).

Who may look: leaders and supervisors (every office), an office user (their own office only — the
facts are read for that office alone, so its table cannot hold another office's row), and the
command line's administrator; anyone else is refused and the refusal audited. Reading changes
nothing, so a table leaves no audit row. The period is written as ``2026-11``, ``2026-W47`` or
``2026`` on the district's clock; a bad period or grouping is a ``ValueError`` with a bilingual line.
"""

from __future__ import annotations

from commandcenter.accounts.permissions import Permission
from commandcenter.evaluation.periods import Period, parse_period
from commandcenter.evaluation.score import ScoreWeights
from commandcenter.evaluation.table import Grouping, IndicatorTable, grouping_named, indicator_table
from commandcenter.persistence.cases.indicator_facts import indicator_names, period_facts
from commandcenter.services.guard import Guarded


class IndicatorService(Guarded):
    def table(
        self,
        period: Period | str,
        by: Grouping | str = Grouping.OFFICE,
        weights: ScoreWeights | None = None,
    ) -> IndicatorTable:
        """The period's indicators grouped ``by`` office, segment, department, category or post, with
        each row's 综合指标值 under ``weights`` (the documented defaults when None)."""
        self._require(Permission.VIEW_INDICATORS, "indicators")
        office = self._office_scope("indicators")
        when = parse_period(period) if isinstance(period, str) else period
        grouping = grouping_named(by) if isinstance(by, str) else by
        facts = period_facts(self.store, when.start, when.end, office)
        return indicator_table(facts, when, grouping, indicator_names(self.store), weights)
