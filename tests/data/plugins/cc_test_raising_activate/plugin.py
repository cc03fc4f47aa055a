"""Registers a card, then raises in activate: the card must not survive."""

from commandcenter.plugins_api import CardValue, PluginContext


def activate(context: PluginContext) -> None:
    context.add_dashboard_card("half", "半截卡片", lambda: CardValue("1"))
    raise RuntimeError("activate exploded")
