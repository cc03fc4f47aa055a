"""Counts the cases created since the app started and shows the number on a dashboard card.

Everything a plugin does goes through the ``PluginContext`` it is handed: subscribe to an event,
add a card and a menu action. Handlers run on a background thread and must return quickly.
"""

from __future__ import annotations

from commandcenter.plugins_api import CardValue, CaseEvent, PluginContext


def activate(context: PluginContext) -> None:
    seen: list[int] = []

    def on_case_created(event: CaseEvent) -> None:
        seen.append(event.case_id)

    context.subscribe("case_created", on_case_created)
    context.add_dashboard_card("new_cases", "本次新建案件", lambda: CardValue(str(len(seen)), "件"))
    context.add_menu_action("hello", "问候", lambda: context.log.info("你好, %d 件新案件", len(seen)))
