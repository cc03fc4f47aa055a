"""Registers the 三会 panel, the open-follow-ups card and a case rule that reminds the operator of
open 三会 follow-ups on the same road when a report arrives in 五里堡."""

from __future__ import annotations

from typing import Any

from commandcenter.plugins_api import CardValue, PluginContext, RuleOutcome, ScreenedReport
from plugins.wulibao_sanhui import records


def activate(context: PluginContext) -> None:
    def card() -> CardValue:
        total, overdue = records.open_counts(context)
        return CardValue(str(total), f"其中逾期 {overdue} 项")

    def rule(report: ScreenedReport) -> RuleOutcome | None:
        if report.segment is None:
            return None
        road = report.segment.segment.name.split("(")[0]
        related = [
            row for row in records.followups(context) if row["status"] == records.OPEN and road in row["item"]
        ]
        if not related:
            return None
        return RuleOutcome(
            notes=tuple(f"三会跟进事项: {row['item']} (责任人 {row['owner']})" for row in related)
        )

    context.add_dashboard_card("open_followups", "三会待落实事项", card)
    context.add_panel("sanhui", "三会一平台", lambda host: _panel(context, host))
    context.add_case_rule("sanhui_followups", rule)


def _panel(context: PluginContext, host: Any) -> Any:
    from ui.plugins import Column, FormField, QtRecordPanel, QtTabbedPanel, RowAction

    meetings = QtRecordPanel(
        host,
        [
            Column("held_on", "日期"),
            Column("kind", "会议"),
            Column("topic", "议题"),
            Column("attendees", "参会人"),
        ],
        lambda: records.meetings(context),
        fields=[
            FormField("kind", "会议类型", lambda: [(kind, kind) for kind in records.MEETING_KINDS]),
            FormField("held_on", "日期", placeholder=records.local_today().isoformat()),
            FormField("topic", "议题"),
            FormField("attendees", "参会人"),
        ],
        add=lambda v: records.add_meeting(
            context, v["kind"], v["held_on"] or records.local_today(), v["topic"], v["attendees"]
        ),
    )
    followups = QtRecordPanel(
        host,
        [
            Column("item", "跟进事项"),
            Column("owner", "责任人"),
            Column("due_on", "期限"),
            Column("status", "状态"),
            Column("overdue", ""),
            Column("meeting", "来源会议"),
        ],
        lambda: records.followups(context),
        fields=[
            FormField(
                "meeting_id", "来源会议", lambda: [(m["topic"], m["id"]) for m in records.meetings(context)]
            ),
            FormField("item", "跟进事项"),
            FormField("owner", "责任人"),
            FormField("due_on", "期限", placeholder="2026-12-31"),
        ],
        add=lambda v: records.add_followup(context, v["meeting_id"], v["item"], v["owner"], v["due_on"]),
        actions=[RowAction("标记已落实", lambda row, _form: records.finish_followup(context, row["id"]))],
    )
    return QtTabbedPanel(host, [("会议记录", meetings), ("跟进落实", followups)])
