"""Registers the kiosk layer, the kiosk list panel (adding kiosks, handing over duty), the card, a
case rule pointing the operator to the kiosk on a report's segment, and the demo's kiosks."""

from __future__ import annotations

from typing import Any

from commandcenter.plugins_api import CardValue, PluginContext, RuleOutcome, ScreenedReport
from plugins.jianzhong_kiosks import kiosks


def activate(context: PluginContext) -> None:
    def rule(report: ScreenedReport) -> RuleOutcome | None:
        if report.segment is None:
            return None
        segment_id = report.segment.segment.id
        here = [row for row in kiosks.kiosks(context) if row["segment_id"] == segment_id]
        if not here:
            return None
        kiosk = here[0]
        return RuleOutcome(
            notes=(f"本路段有{kiosk['name']}, 值守 {kiosk['duty_name']} {kiosk['duty_phone']}",)
        )

    def card() -> CardValue:
        rows = kiosks.kiosks(context)
        return CardValue(str(len(rows)), f"{sum(1 for row in rows if row['duty_name'])} 个有人值守")

    context.add_map_layer("kiosks", "路长制工作亭", lambda: kiosks.layer(context))
    context.add_dashboard_card("kiosks", "建中街工作亭", card)
    context.add_panel("kiosks", "路长制工作亭", lambda host: _panel(context, host))
    context.add_case_rule("nearest_kiosk", rule)
    context.add_demo_data(lambda: kiosks.demo_kiosks(context))


def _panel(context: PluginContext, host: Any) -> Any:
    from ui.plugins import Column, FormField, QtRecordPanel, RowAction

    def hand_over(row: dict[str, Any], form: dict[str, Any]) -> bool:
        return kiosks.set_duty(context, row["id"], form["duty_name"], form["duty_phone"])

    return QtRecordPanel(
        host,
        [
            Column("name", "工作亭"),
            Column("segment", "路段"),
            Column("duty_name", "值守人员"),
            Column("duty_phone", "电话"),
            Column("hours", "开放时间"),
        ],
        lambda: kiosks.kiosks(context),
        fields=[
            FormField("name", "工作亭名称"),
            FormField("segment_id", "所在路段", lambda: kiosks.segment_choices(context)),
            FormField("hours", "开放时间", placeholder=kiosks.HOURS),
            FormField("duty_name", "值守人员"),
            FormField("duty_phone", "电话"),
        ],
        add=lambda v: kiosks.add_kiosk(
            context, v["name"], v["segment_id"], v["hours"], v["duty_name"], v["duty_phone"]
        ),
        actions=[RowAction("交接到所选工作亭", hand_over)],
    )
