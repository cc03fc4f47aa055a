"""Its case_created handler takes far longer than the handler budget (the test sets the budget)."""

import time

from commandcenter.plugins_api import CardValue, CaseEvent, PluginContext

calls: list[int] = []


def activate(context: PluginContext) -> None:
    def on_created(event: CaseEvent) -> None:
        calls.append(event.case_id)
        time.sleep(0.3)

    context.subscribe("case_created", on_created)
    context.add_dashboard_card("slow", "慢插件", lambda: CardValue(str(len(calls))))
