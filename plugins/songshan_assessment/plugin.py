"""Registers the assessment card and ranking panel, and a case rule that tells the operator which
路长's assessment a new 嵩山路 report counts towards."""

from __future__ import annotations

from typing import Any

from commandcenter.plugins_api import CardValue, PluginContext, RuleOutcome, ScreenedReport
from plugins.songshan_assessment.scoring import ChiefScore, score_chiefs

OFFICE = "嵩山路街道"


def current_scores(context: PluginContext, period: str | None = None) -> list[ChiefScore]:
    """This month's (or ``period``'s: 2026-11, 2026-W47, 2026) scores of the office's 路长."""
    chiefs = [
        (m.id, m.name, m.segment_id) for m in context.staff(OFFICE, role="路长") if m.segment_id is not None
    ]
    return score_chiefs(chiefs, context.post_indicators(OFFICE, period))


def activate(context: PluginContext) -> None:
    def card() -> CardValue:
        scores = [s for s in current_scores(context) if s.score is not None]
        if not scores:
            return CardValue("—", "本月暂无应结案件")
        average = sum(s.score or 0.0 for s in scores) / len(scores)
        lowest = scores[-1]
        return CardValue(
            f"{average:.1f}", f"本月 {len(scores)} 名路长, 最低 {lowest.name} {lowest.score:.1f}"
        )

    def rule(report: ScreenedReport) -> RuleOutcome | None:
        chief = report.road_chief
        return RuleOutcome(notes=(f"计入嵩山路路长制考核: {chief.name}",)) if chief is not None else None

    context.add_dashboard_card("average_score", "嵩山路路长考核均分", card)
    context.add_panel("ranking", "路长考核排名", lambda host: _panel(context, host))
    context.add_case_rule("assessment_note", rule)


def _rows(context: PluginContext) -> list[dict[str, Any]]:
    return [
        {
            "rank": rank,
            "name": s.name,
            "cases": s.due,
            "closed": s.closed,
            "on_time": _percent(s.on_time_rate),
            "rework": _percent(s.rework_rate),
            "overdue": s.overdue_open,
            "score": "—" if s.score is None else f"{s.score:.1f}",
        }
        for rank, s in enumerate(current_scores(context), start=1)
    ]


def _panel(context: PluginContext, host: Any) -> Any:
    from ui.plugins import Column, QtRecordPanel

    columns = [
        Column("rank", "名次"),
        Column("name", "路长"),
        Column("cases", "应结案"),
        Column("closed", "结案"),
        Column("on_time", "按期结案率"),
        Column("rework", "返工率"),
        Column("overdue", "超期未处置"),
        Column("score", "得分"),
    ]
    return QtRecordPanel(host, columns, lambda: _rows(context))


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"
