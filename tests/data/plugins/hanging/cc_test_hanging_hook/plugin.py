"""Each hook never returns (it waits for ``RELEASE``, which only the test sets, at its end): the
host must give up after the hook's bound, disable only this plugin, and keep the caller going."""

import threading
from typing import Any

from commandcenter.plugins_api import PluginContext

RELEASE = threading.Event()
entered: list[str] = []


def _hang(name: str) -> Any:
    def hook(*_args: Any) -> Any:
        entered.append(name)
        RELEASE.wait()

    return hook


def _panel(host: Any) -> Any:
    from ui.plugins import Column, QtRecordPanel

    return QtRecordPanel(host, [Column("x", "x")], _hang("panel job"))


def activate(context: PluginContext) -> None:
    context.add_dashboard_card("hang", "不返回的卡片", _hang("card"))
    context.add_map_layer("hang", "不返回的图层", _hang("layer"))
    context.add_menu_action("hang", "不返回的菜单", _hang("menu"))
    context.add_case_rule("hang", _hang("rule"))
    context.subscribe("case_created", _hang("handler"))
    context.add_panel("hang", "任务不返回的面板", _panel)
