"""Registers the kiosk layer, the kiosk list panel (with a duty hand-over form) and a case rule
pointing the operator to the nearest kiosk for reports on a kiosk's segment."""

from __future__ import annotations

from typing import Any

from commandcenter.plugins_api import CardValue, PluginContext, RuleOutcome
from plugins.jianzhong_kiosks import kiosks


def activate(context: PluginContext) -> None:
    def rule(result: Any) -> RuleOutcome | None:
        segment = getattr(getattr(result, "segment", None), "segment", None)
        here = [
            row for row in kiosks.kiosks(context) if segment is not None and row["segment_id"] == segment.id
        ]
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


def _panel(context: PluginContext, host: Any) -> Any:
    from ui.plugins import Column, FormField, QtRecordPanel, RowAction

    def hand_over(row: dict[str, Any], form: dict[str, Any]) -> bool:
        return kiosks.set_duty(context, row["id"], form["name"], form["phone"])

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
        fields=[FormField("name", "接班人员"), FormField("phone", "电话")],
        actions=[RowAction("交接到所选工作亭", hand_over)],
    )
