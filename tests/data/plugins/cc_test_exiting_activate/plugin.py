"""Registers a card, then calls sys.exit in activate: only this plugin fails, and the card goes too."""

import sys

from commandcenter.plugins_api import CardValue, PluginContext


def activate(context: PluginContext) -> None:
    context.add_dashboard_card("gone", "退出前的卡片", lambda: CardValue("1"))
    sys.exit(2)
