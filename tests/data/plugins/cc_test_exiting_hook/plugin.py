"""Each hook raises a BaseException that is not an Exception (SystemExit, KeyboardInterrupt, one of
its own): the host must disable only this plugin, and the process must go on."""

from typing import Any

from commandcenter.plugins_api import PluginContext


class Escape(BaseException):
    """Not an Exception: slips past every ``except Exception``."""


def _raise(error: BaseException) -> Any:
    def hook(*_args: Any) -> Any:
        raise error

    return hook


def activate(context: PluginContext) -> None:
    context.add_dashboard_card("exit", "调用 sys.exit 的卡片", _raise(SystemExit(3)))
    context.add_map_layer("interrupt", "按下 Ctrl-C 的图层", _raise(KeyboardInterrupt()))
    context.add_menu_action("escape", "抛出 BaseException 的菜单", _raise(Escape("escaped")))
    context.add_case_rule("exit", _raise(SystemExit("rule exits")))
    context.subscribe("case_created", _raise(KeyboardInterrupt()))
