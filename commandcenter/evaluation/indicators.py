"""The evaluation's indicators (CJ/T 292 style, as cities publish them) for one period: counts and
the rates between them, per office, segment, department, category or post.

Each count applies one rule of ``period_rules`` to each case; a rate is None when its denominator is
0 (nothing was due: "—", not 0 % nor 100 %). The formulas, checked against published figures:
立案率 = 立案数 / 受理数 (Fuzhou 5/2015: 33,928 / 36,314 = 93.43 %), 结案率 = 结案数 / 应结案数
(Tianmen 12/2016: 911 / 972 = 93.72 %), 按期结案率 = 按期结案数 / 应结案数 (737 / 972 = 75.82 %),
返工率 = 返工案件数 / 结案数, 延期率 = 延期案件数 / 应结案数.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from commandcenter.domain.indicators import CaseFacts
from commandcenter.evaluation import period_rules as rules
from commandcenter.evaluation.periods import Period


@dataclass
class Indicators:
    received: int = 0  # 受理数
    filed: int = 0  # 立案数
    dispatched: int = 0  # 派遣数
    due: int = 0  # 应结案数
    closed: int = 0  # 结案数
    on_time: int = 0  # 按期结案数
    reworked: int = 0  # 返工案件数
    extended: int = 0  # 延期案件数
    overdue_open: int = 0  # 超期未处置数

    @property
    def filing_rate(self) -> float | None:
        return _rate(self.filed, self.received)

    @property
    def closure_rate(self) -> float | None:
        return _rate(self.closed, self.due)

    @property
    def on_time_rate(self) -> float | None:
        return _rate(self.on_time, self.due)

    @property
    def rework_rate(self) -> float | None:
        return _rate(self.reworked, self.closed)

    @property
    def extension_rate(self) -> float | None:
        return _rate(self.extended, self.due)

    def add(self, case: CaseFacts, period: Period) -> None:
        """Count ``case`` in every indicator its rules put it in for ``period``."""
        if rules.received_in(case, period):
            self.received += 1
            self.filed += rules.was_filed(case)
        self.dispatched += rules.dispatched_in(case, period)
        if rules.due_in(case, period):
            self.due += 1
            self.extended += rules.extended(case)
            if rules.closed_by(case, period.end):
                self.closed += 1
                self.on_time += rules.closed_in_time(case, period)
                self.reworked += rules.reworked(case)
        self.overdue_open += rules.overdue_open_at(case, period.end)

    def merge(self, other: Indicators) -> None:
        for name in (f.name for f in fields(self)):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def count_indicators(cases: Iterable[CaseFacts], period: Period) -> Indicators:
    indicators = Indicators()
    for case in cases:
        indicators.add(case, period)
    return indicators


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None
