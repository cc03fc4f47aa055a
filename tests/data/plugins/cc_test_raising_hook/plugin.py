"""Loads fine; its card, layer, panel, menu action and case rule all raise when called."""

from typing import Any

from commandcenter.plugins_api import CardValue, LayerData, PluginContext, RuleOutcome


def _boom(*_args: Any) -> Any:
    raise ValueError("hook exploded")


def activate(context: PluginContext) -> None:
    card: Any = _boom
    layer: Any = _boom
    rule: Any = _boom
    context.add_dashboard_card("boom", "会出错的卡片", card)
    context.add_map_layer("boom", "会出错的图层", layer)
    context.add_panel("boom", "会出错的面板", _boom)
    context.add_menu_action("boom", "会出错的菜单", _boom)
    context.add_case_rule("boom", rule)
    _unused: tuple[type, ...] = (CardValue, LayerData, RuleOutcome)
