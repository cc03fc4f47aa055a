"""The indicator table: one row per office, segment, department, category or post, and the total.

One pass over the period's cases: each case is counted into its group's row and into the total
(so the rows always add up to the total). Grouping by department uses the 责任单位 the category
table names (立结案标准), by post the person the case was dispatched to (路长, city manager …). A
case without an office, segment or assignee is counted under "（未指定）".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from commandcenter.domain.indicators import CaseFacts, IndicatorNames
from commandcenter.evaluation.indicators import Indicators
from commandcenter.evaluation.periods import Period
from commandcenter.evaluation.score import ScoreWeights, composite_score

UNASSIGNED = "（未指定）"


class Grouping(StrEnum):
    OFFICE = "office"
    SEGMENT = "segment"
    DEPARTMENT = "department"
    CATEGORY = "category"
    POST = "post"


GROUPING_NAMES = {  # the first column's header
    Grouping.OFFICE: "镇办",
    Grouping.SEGMENT: "路段",
    Grouping.DEPARTMENT: "责任单位",
    Grouping.CATEGORY: "类别",
    Grouping.POST: "岗位人员",
}


class GroupingError(ValueError):
    """Not a grouping of the table; the message is "中文 / English"."""


def grouping_named(text: str) -> Grouping:
    try:
        return Grouping(text.strip().lower())
    except ValueError:
        choices = " | ".join(g.value for g in Grouping)
        raise GroupingError(f"未知的分组「{text}」 / unknown grouping {text!r}: {choices}") from None


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    indicators: Indicators
    score: float | None


@dataclass(frozen=True)
class IndicatorTable:
    period: Period
    grouping: Grouping
    rows: list[IndicatorRow]  # by name
    total: IndicatorRow
    weights: ScoreWeights


def indicator_table(
    cases: Iterable[CaseFacts],
    period: Period,
    grouping: Grouping,
    names: IndicatorNames,
    weights: ScoreWeights | None = None,
) -> IndicatorTable:
    weights = weights or ScoreWeights()
    key_of, name_of = _grouper(grouping, names)
    groups: dict[object, Indicators] = {}
    for case in cases:
        key = key_of(case)
        counts = groups.get(key)
        if counts is None:
            counts = groups[key] = Indicators()
        counts.add(case, period)
    total = Indicators()
    rows = []
    for key, counts in groups.items():
        if counts != Indicators():  # cases that touch another period only leave no row
            rows.append(IndicatorRow(name_of(key), counts, composite_score(counts, weights)))
            total.merge(counts)
    rows.sort(key=lambda row: row.name)
    summary = IndicatorRow("合计", total, composite_score(total, weights))
    return IndicatorTable(period, grouping, rows, summary, weights)


def _grouper(
    grouping: Grouping, names: IndicatorNames
) -> tuple[Callable[[CaseFacts], object], Callable[[object], str]]:
    """What a case is grouped by (an id, or the 责任单位's name) and the row's name for it: rows are
    kept apart by id, so two people of one name stay two rows."""
    if grouping is Grouping.DEPARTMENT:
        departments = names.category_departments
        return (lambda case: departments.get(case.category_id)), (lambda key: str(key or UNASSIGNED))
    key: Callable[[CaseFacts], int | None]
    table: Mapping[int, str]
    if grouping is Grouping.OFFICE:
        key, table = (lambda case: case.office_id), names.offices
    elif grouping is Grouping.SEGMENT:
        key, table = (lambda case: case.segment_id), names.segments
    elif grouping is Grouping.CATEGORY:
        key, table = (lambda case: case.category_id), names.categories
    else:
        key, table = (lambda case: case.staff_id), names.staff

    def name_of(value: object) -> str:
        if not isinstance(value, int):
            return UNASSIGNED
        return table.get(value, f"#{value}")

    return key, name_of
