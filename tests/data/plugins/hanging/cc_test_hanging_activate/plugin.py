"""``activate`` never returns (until the test sets ``RELEASE``): loading must go on without it."""

import threading

from commandcenter.plugins_api import CardValue, PluginContext

RELEASE = threading.Event()


def activate(context: PluginContext) -> None:
    context.add_dashboard_card("never", "永远不会出现的卡片", lambda: CardValue("1"))
    RELEASE.wait()
