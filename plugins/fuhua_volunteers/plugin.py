"""Registers the roster panel, the volunteers map layer and the volunteer-count card."""

from __future__ import annotations

from typing import Any

from commandcenter.plugins_api import CardValue, PluginContext
from plugins.fuhua_volunteers import roster


def activate(context: PluginContext) -> None:
    def card() -> CardValue:
        rows = roster.roster(context)
        return CardValue(str(len(rows)), f"覆盖 {len({row['segment_id'] for row in rows})} 个路段")

    context.add_map_layer("volunteers", "党员志愿者", lambda: roster.layer(context))
    context.add_dashboard_card("volunteers", "福华街党员志愿者", card)
    context.add_panel("roster", "党员志愿者花名册", lambda host: _panel(context, host))
    context.add_demo_data(lambda: roster.demo_roster(context))


def _panel(context: PluginContext, host: Any) -> Any:
    from ui.plugins import Column, FormField, QtRecordPanel

    return QtRecordPanel(
        host,
        [
            Column("name", "姓名"),
            Column("branch", "党支部"),
            Column("segment", "认领路段"),
            Column("duty", "上岗时间"),
            Column("phone", "电话"),
            Column("note", "备注"),
        ],
        lambda: roster.roster(context),
        fields=[
            FormField("name", "姓名"),
            FormField("branch", "党支部"),
            FormField("phone", "电话"),
            FormField("segment_id", "认领路段", lambda: roster.segment_choices(context)),
            FormField("duty", "上岗时间", placeholder="周六上午"),
        ],
        add=lambda v: roster.add_volunteer(
            context, v["name"], v["branch"], v["phone"], v["segment_id"], v["duty"]
        ),
    )
